#include "core/importers/h5p_import.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/archive.h"
#include "core/atomic_file.h"
#include "core/auto_pack.h"
#include "core/i18n.h"
#include "core/media_kind.h"
#include "core/paths.h"
#include "core/text.h"

using nlohmann::json;

namespace {

constexpr size_t kMaxJson = 16 << 20;

// Real packages write booleans, numbers and indices as JSON values or as strings.
bool truthy(const json& j) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number()) return j.get<double>() != 0;
  return j.is_string() && (j.get<std::string>() == "true" || j.get<std::string>() == "1");
}

std::optional<double> number(const json& j) {
  if (j.is_number()) return j.get<double>();
  if (!j.is_string()) return std::nullopt;
  try {
    return std::stod(j.get<std::string>());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// j[key] or null, whatever j is.
const json& at(const json& j, const char* key) {
  static const json null;
  return j.is_object() && j.contains(key) ? j[key] : null;
}

const json& at(const json& j, std::initializer_list<const char*> path) {
  const json* p = &j;
  for (const char* key : path) p = &at(*p, key);
  return *p;
}

std::string text_of(const json& j) { return j.is_string() ? plain_text(j.get<std::string>()) : ""; }

// "H5P.Image 1.1" -> "H5P.Image".
std::string machine_name(const json& library) {
  const std::string name = library.is_string() ? library.get<std::string>() : "";
  return name.substr(0, name.find(' '));
}

struct Plan {
  json entry;                                     // the lesson or game, in topic.json's format
  bool is_game = false;
  std::map<std::string, std::string> media;       // entry in the archive -> file in the pack
  std::string becomes;
  std::vector<std::string> notes;                 // what is left out, for the admin
  std::string refusal;                            // not imported, and why (for the admin)
  std::string cover;                              // a picture of the pack, or empty (then the video icon)
};

// Builds a Plan from content.json; each content type has its converter below.
class Converter {
 public:
  Converter(const std::vector<ArchiveEntry>& entries, Plan& plan) : plan_(plan) {
    for (const auto& e : entries) heads_[e.name] = e.head;
  }

  // A file the content names ({"path": ...} or a bare path) as a file in the pack, or empty when it
  // is online, missing or not what `kind` wants (each noted once).
  std::string media(const json& file, MediaKind kind) {
    std::string path = file.is_object() ? (at(file, "path").is_string() ? at(file, "path").get<std::string>() : "")
                                        : file.is_string() ? file.get<std::string>() : "";
    if (path.empty()) return {};
    if (auto tmp = path.find("#tmp"); tmp != std::string::npos) path.erase(tmp);  // Lumi's files not yet saved
    path = nfc(path);
    if (path.rfind("http://", 0) == 0 || path.rfind("https://", 0) == 0 || path.rfind("//", 0) == 0) {
      online_ = true;
      return {};
    }
    const std::string name = "content/" + path;
    auto head = heads_.find(name);
    if (head == heads_.end()) {
      note(format(tr("%s is missing from the package"), path.c_str()));
      return {};
    }
    const auto& bytes = head->second;
    const MediaKind found = media_kind(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    if (kind != MediaKind::none && found != kind) {
      note(format(kind == MediaKind::picture ? tr("%s is not a picture the kiosk can show")
                                             : tr("%s is not a video the kiosk can play"), path.c_str()));
      return {};
    }
    if (auto known = plan_.media.find(name); known != plan_.media.end()) return known->second;  // used twice
    std::string file_name = fs::path(path).filename().string();
    std::string in_pack = "media/" + file_name;
    for (int n = 2; taken_.count(in_pack); ++n) in_pack = "media/" + std::to_string(n) + "-" + file_name;
    taken_.insert(in_pack);
    plan_.media[name] = in_pack;
    if (kind == MediaKind::picture && plan_.cover.empty()) plan_.cover = in_pack;
    return in_pack;
  }
  std::string picture(const json& file) { return media(file, MediaKind::picture); }
  // An H5P.Image sub-content ({"library", "params": {"file", "alt"}}) or an older bare file.
  std::string image_of(const json& image) {
    return picture(at(image, "params").is_object() ? at(image, {"params", "file"}) : image);
  }

  void note(const std::string& what) {
    if (std::find(plan_.notes.begin(), plan_.notes.end(), what) == plan_.notes.end()) plan_.notes.push_back(what);
  }
  bool online() const { return online_; }

  // The converters: each fills plan_.entry (or plan_.refusal) from content.json.
  void memory_game(const json& c);
  void image_pair(const json& c);
  void image_sequencing(const json& c);
  void multimedia_choice(const json& c);
  void hotspots(const json& c, const json& settings);
  void drag_question(const json& c);
  void interactive_video(const json& c);
  void story(const std::vector<json>& pages, const std::string& title);
  void course_presentation(const json& c, const std::string& title);
  void agamotto(const json& c, const std::string& title);
  void image_slider(const json& c, const std::string& title);
  void dialog_cards(const json& c, const std::string& title);

 private:
  void game(const char* templ, const json& prompt_html, const char* default_prompt, json fields, std::string becomes) {
    std::string prompt = text_of(prompt_html);
    fields["id"] = "game";
    fields["template"] = templ;
    fields["prompt"] = {{"vi", prompt.empty() ? default_prompt : prompt}};
    plan_.entry = fields;
    plan_.is_game = true;
    plan_.becomes = std::move(becomes);
  }
  void too_few(const char* why) { plan_.refusal = why; }

  Plan& plan_;
  std::map<std::string, std::string> heads_;
  std::set<std::string> taken_;
  bool online_ = false;
};

void Converter::memory_game(const json& c) {
  json pairs = json::array();
  // A card of the pair: its picture, with its own sound (the first file of an H5P audio field) when it has one.
  auto card = [&](const std::string& picture, const json& audio) -> json {
    const std::string sound = audio.is_array() && !audio.empty() ? media(audio[0], MediaKind::none) : "";
    if (sound.empty()) return picture;
    return {{"picture", picture}, {"audio", sound}};
  };
  for (const auto& card_spec : at(c, "cards")) {
    const std::string a = picture(at(card_spec, "image"));
    const bool twins = at(card_spec, "match").is_null();
    const std::string b = twins ? a : picture(at(card_spec, "match"));
    if (a.empty() || b.empty()) continue;
    // Twins both say the card's sound; a card and its match each their own.
    pairs.push_back({card(a, at(card_spec, "audio")), card(b, at(card_spec, twins ? "audio" : "matchAudio"))});
  }
  if (pairs.size() > 8) {
    note(format(tr("only the first 8 of %zu pairs are used"), pairs.size()));
    pairs.erase(pairs.begin() + 8, pairs.end());
  }
  if (pairs.size() < 2) return too_few(tr("not enough cards with pictures left to make a game"));
  const size_t n = pairs.size();
  game("memory-pairs", at(c, "taskDescription"), "Bé hãy lật thẻ và tìm các cặp hình nhé!", {{"pairs", pairs}},
       format(tr("a memory game of %zu pairs"), n));
}

void Converter::image_pair(const json& c) {
  json pairs = json::array();
  for (const auto& card : at(c, "cards")) {
    const std::string a = picture(at(card, "image")), b = picture(at(card, "match"));
    if (!a.empty() && !b.empty()) pairs.push_back({a, b});
  }
  if (pairs.size() > 8) pairs.erase(pairs.begin() + 8, pairs.end());
  if (pairs.size() < 2) return too_few(tr("not enough pairs with pictures left to make a game"));
  const size_t n = pairs.size();
  game("memory-pairs", at(c, "taskDescription"), "Bé hãy tìm các cặp hình đi cùng nhau nhé!", {{"pairs", pairs}},
       format(tr("a memory game of %zu pairs"), n));
}

void Converter::image_sequencing(const json& c) {
  json steps = json::array();
  for (const auto& item : at(c, "sequenceImages")) {
    const std::string p = picture(at(item, "image"));
    if (p.empty()) {  // a step left out would make the order wrong
      plan_.refusal = tr("a picture of the sequence is missing: the order cannot be kept");
      return;
    }
    steps.push_back(p);
  }
  if (steps.size() > 8) {
    plan_.refusal = tr("more than 8 pictures to put in order: the kiosk's game takes 2 to 8");
    return;
  }
  if (steps.size() < 2) return too_few(tr("not enough pictures left to put in order"));
  const size_t n = steps.size();
  game("put-in-order", at(c, "taskDescription"), "Bé hãy xếp các hình theo đúng thứ tự nhé!", {{"steps", steps}},
       format(tr("a put-in-order game of %zu pictures"), n));
}

void Converter::multimedia_choice(const json& c) {
  json pictures = json::array();
  int answer = -1;
  for (const auto& option : at(c, "options")) {
    const std::string p = image_of(at(option, "media"));
    if (p.empty()) continue;
    if (truthy(at(option, "correct"))) {
      if (answer >= 0) {
        plan_.refusal = tr("more than one right picture: the kiosk's choose-the-picture game has one");
        return;
      }
      answer = static_cast<int>(pictures.size());
    }
    pictures.push_back(p);
  }
  if (pictures.size() > 4) {
    plan_.refusal = tr("more than 4 pictures to choose from: the kiosk's game shows 2 to 4");
    return;
  }
  if (pictures.size() < 2 || answer < 0) return too_few(tr("not enough pictures, or no right one marked, to make a game"));
  const std::string prompt = text_of(at(c, "question"));
  json round = {{"prompt", {{"vi", prompt.empty() ? "Bé hãy chọn hình đúng nhé!" : prompt}}},
                {"pictures", pictures}, {"answer", answer}};
  game("choose-picture", at(c, "question"), "Bé hãy chọn hình đúng nhé!", {{"rounds", json::array({round})}},
       format(tr("a choose-the-picture game of %zu pictures"), pictures.size()));
  plan_.entry.erase("prompt");  // choose-picture asks in each round
}

void Converter::hotspots(const json& c, const json& settings) {
  const json& background = at(c, "backgroundImageSettings");
  const json& image = at(background, "backgroundImage").is_null() ? background : at(background, "backgroundImage");
  const std::string scene = picture(image);
  if (scene.empty()) return too_few(tr("its picture is missing from the package"));
  const double width = number(at(image, "width")).value_or(1), height = number(at(image, "height")).value_or(1);
  json spots = json::array();
  for (const auto& spot : at(settings, "hotspot")) {
    if (!truthy(at(spot, {"userSettings", "correct"}))) continue;
    const json& area = at(spot, "computedSettings");
    const auto x = number(at(area, "x")), y = number(at(area, "y")), w = number(at(area, "width")),
               h = number(at(area, "height"));
    if (!x || !y || !w || !h) continue;
    const double r = std::max(*w, *h * height / std::max(1.0, width)) / 200;  // a fraction of the width
    spots.push_back({{"x", std::clamp((*x + *w / 2) / 100, 0.0, 1.0)}, {"y", std::clamp((*y + *h / 2) / 100, 0.0, 1.0)},
                     {"r", std::clamp(r, 0.02, 0.5)}});
  }
  if (spots.empty()) return too_few(tr("no place in the picture is marked as right"));
  const size_t n = spots.size();
  game("spot-it", at(settings, "taskDescription"), "Bé hãy tìm trong tranh nhé!", {{"scene", scene}, {"spots", spots}},
       format(tr("a spot-it game of %zu place(s)"), n));
}

void Converter::drag_question(const json& c) {
  const json& task = at(c, {"question", "task"});
  const json& zones = at(task, "dropZones");
  if (!zones.is_array() || zones.size() < 2 || zones.size() > 3) {
    plan_.refusal = tr("only a drag-and-drop with 2 or 3 drop zones becomes a sorting game");
    return;
  }
  json groups = json::array(), items = json::array();
  std::vector<std::string> group_picture(zones.size());
  const json& elements = at(task, "elements");
  for (size_t i = 0; elements.is_array() && i < elements.size(); ++i) {
    const json& type = at(elements[i], "type");
    if (machine_name(at(type, "library")) != "H5P.Image") continue;
    std::optional<size_t> group;
    for (size_t z = 0; z < zones.size() && !group; ++z)
      for (const auto& correct : at(zones[z], "correctElements"))
        if (number(correct) && static_cast<size_t>(*number(correct)) == i) group = z;
    const std::string p = picture(at(type, {"params", "file"}));
    if (!group || p.empty()) continue;
    if (group_picture[*group].empty()) group_picture[*group] = p;
    items.push_back({{"picture", p}, {"group", *group}});
  }
  for (size_t z = 0; z < zones.size(); ++z) {
    if (group_picture[z].empty()) return too_few(tr("a drop zone has no picture that goes into it"));
    std::string label = text_of(at(zones[z], "label"));
    groups.push_back({{"label", {{"vi", label.empty() ? std::to_string(z + 1) : label}}}, {"picture", group_picture[z]}});
  }
  if (items.size() > 12) {
    plan_.refusal = tr("more than 12 pictures to sort: the kiosk's game takes 2 to 12");
    return;
  }
  if (items.size() < 2) return too_few(tr("not enough pictures left to sort"));
  const size_t n = items.size(), g = groups.size();
  game("sort-groups", at(c, "taskDescription"), "Bé hãy xếp hình vào đúng nhóm nhé!", {{"groups", groups}, {"items", items}},
       format(tr("a sorting game of %zu pictures in %zu groups"), n, g));
}

void Converter::interactive_video(const json& c) {
  const json& iv = at(c, "interactiveVideo");
  const json& files = at(iv, {"video", "files"});
  std::string video;
  for (const auto& file : files) {
    const std::string mime = at(file, "mime").is_string() ? at(file, "mime").get<std::string>() : "";
    if (mime == "video/YouTube" || mime == "video/Panopto" || mime == "video/Vimeo") online_ = true;
    else if (video.empty()) video = media(file, MediaKind::video);
  }
  if (video.empty()) {
    if (online_) return;  // the caller says why
    plan_.refusal = tr("its video is missing from the package");
    return;
  }
  // Older packages keep the interactions beside the video, newer ones under "assets".
  const json& interactions = at(iv, {"assets", "interactions"}).is_array() ? at(iv, {"assets", "interactions"})
                                                                             : at(iv, "interactions");
  json cues = json::array();
  for (const auto& it : interactions) {
    if (!truthy(at(it, "pause"))) continue;
    const auto from = number(at(it, {"duration", "from"}));
    if (!from) continue;
    const json& action = at(it, "action");
    const json& params = at(action, "params");
    const std::string library = machine_name(at(action, "library"));
    std::string question, picture_file;
    if (library == "H5P.Text" || library == "H5P.AdvancedText") question = text_of(at(params, "text"));
    else if (library == "H5P.SingleChoiceSet") question = text_of(at(at(params, "choices").is_array() && !at(params, "choices").empty() ? at(params, "choices")[0] : json(), "question"));
    else if (library == "H5P.Image") {
      picture_file = picture(at(params, "file"));
      question = text_of(at(params, "alt"));
    } else question = text_of(at(params, "question"));
    if (question.empty()) question = text_of(at(it, "label"));
    if (question.empty()) question = "Các bé thấy gì?";
    json cue = {{"at", *from}, {"question", {{"vi", question}}}};
    if (!picture_file.empty()) cue["picture"] = picture_file;
    cues.push_back(cue);
  }
  std::sort(cues.begin(), cues.end(), [](const json& a, const json& b) { return a["at"].get<double>() < b["at"].get<double>(); });
  const size_t n = cues.size();
  plan_.entry = {{"id", "video"}, {"type", "video"}, {"file", video}, {"cues", cues}};
  plan_.becomes = format(tr("a video lesson with %zu question(s)"), n);
}

void Converter::story(const std::vector<json>& pages, const std::string& title) {
  json list = json::array();
  for (const auto& page : pages)
    if (!page["picture"].get<std::string>().empty()) list.push_back(page);
  if (list.size() < pages.size())
    note(format(tr("%zu of %zu pages have no picture and are left out"), pages.size() - list.size(), pages.size()));
  if (list.empty()) return too_few(tr("no page with a picture left to make a story"));
  for (auto& page : list)
    if (page["caption"]["vi"].get<std::string>().empty()) page["caption"]["vi"] = title;
  const size_t n = list.size();
  plan_.entry = {{"id", "story"}, {"type", "story"}, {"pages", list}};
  plan_.becomes = format(tr("a picture story of %zu page(s)"), n);
}

json page(const std::string& picture, const std::string& caption, const std::string& narration) {
  json p = {{"picture", picture}, {"caption", {{"vi", caption}}}};
  if (!narration.empty()) p["narration"] = narration;
  return p;
}

void Converter::course_presentation(const json& c, const std::string& title) {
  std::vector<json> pages;
  for (const auto& slide : at(c, {"presentation", "slides"})) {
    std::string best, caption, narration;
    double best_area = -1;
    for (const auto& element : at(slide, "elements")) {
      const json& action = at(element, "action");
      const std::string library = machine_name(at(action, "library"));
      const json& params = at(action, "params");
      if (library == "H5P.Image") {
        const double area = number(at(element, "width")).value_or(1) * number(at(element, "height")).value_or(1);
        if (area > best_area) {
          const std::string p = picture(at(params, "file"));
          if (!p.empty()) best = p, best_area = area;
        }
      } else if ((library == "H5P.AdvancedText" || library == "H5P.Text") && caption.empty()) {
        caption = text_of(at(params, "text"));
      } else if (library == "H5P.Audio" && narration.empty() && at(params, "files").is_array() &&
                 !at(params, "files").empty()) {
        narration = media(at(params, "files")[0], MediaKind::none);
      }
    }
    pages.push_back(page(best, caption, narration));
  }
  story(pages, title);
}

void Converter::agamotto(const json& c, const std::string& title) {
  std::vector<json> pages;
  for (const auto& item : at(c, "items")) {
    std::string caption = text_of(at(item, "labelText"));
    if (caption.empty()) caption = text_of(at(item, "description"));
    pages.push_back(page(image_of(at(item, "image")), caption, ""));
  }
  story(pages, title);
}

void Converter::image_slider(const json& c, const std::string& title) {
  std::vector<json> pages;
  for (const auto& slide : at(c, "imageSlides")) {
    const json& image = at(slide, {"params", "image"});
    pages.push_back(page(image_of(image), text_of(at(image, {"params", "alt"})), ""));
  }
  story(pages, title);
}

void Converter::dialog_cards(const json& c, const std::string& title) {
  std::vector<json> pages;
  for (const auto& card : at(c, "dialogs")) {
    std::string caption = text_of(at(card, "text"));
    const std::string answer = text_of(at(card, "answer"));
    if (!answer.empty()) caption += (caption.empty() ? "" : " — ") + answer;
    std::string narration;
    if (at(card, "audio").is_array() && !at(card, "audio").empty()) narration = media(at(card, "audio")[0], MediaKind::none);
    pages.push_back(page(picture(at(card, "image")), caption, narration));
  }
  story(pages, title);
}

// The content types the kiosk plays, with the major version their shapes are known for.
struct Mapping {
  const char* library;
  int major;
};
const Mapping kMappings[] = {
    {"H5P.InteractiveVideo", 1}, {"H5P.MemoryGame", 1},     {"H5P.ImagePair", 1},
    {"H5P.ImageSequencing", 1},  {"H5P.MultiMediaChoice", 0}, {"H5P.ImageHotspotQuestion", 1},
    {"H5P.ImageMultipleHotspotQuestion", 1}, {"H5P.DragQuestion", 1}, {"H5P.CoursePresentation", 1},
    {"H5P.Agamotto", 1},         {"H5P.ImageSlider", 1},    {"H5P.Dialogcards", 1},
};

struct Package {
  std::string title, library;
  Plan plan;
};

Package read_package(const fs::path& file) {
  Package package;
  Plan& plan = package.plan;
  const auto entries = list_archive(file);
  auto manifest = read_archive_entry(file, "h5p.json", kMaxJson);
  auto content_text = read_archive_entry(file, "content/content.json", kMaxJson);
  const json h5p = manifest ? json::parse(*manifest, nullptr, false) : json();
  const json content = content_text ? json::parse(*content_text, nullptr, false) : json();
  if (!h5p.is_object() || !content.is_object()) {
    plan.refusal = tr("it is not a complete H5P package (h5p.json or content/content.json is missing or damaged)");
    return package;
  }
  package.title = text_of(at(h5p, "title"));
  package.library = at(h5p, "mainLibrary").is_string() ? at(h5p, "mainLibrary").get<std::string>() : "";
  std::optional<int> major, minor;
  for (const auto& dependency : at(h5p, "preloadedDependencies"))
    if (at(dependency, "machineName") == package.library) {
      if (auto v = number(at(dependency, "majorVersion"))) major = static_cast<int>(*v);
      if (auto v = number(at(dependency, "minorVersion"))) minor = static_cast<int>(*v);
    }
  const Mapping* mapping = nullptr;
  for (const auto& m : kMappings)
    if (package.library == m.library) mapping = &m;
  if (!mapping) {
    plan.refusal = format(tr("this kind of H5P content (%s) has no game or lesson on the kiosk"), package.library.c_str());
    return package;
  }
  if (major && *major != mapping->major) {
    plan.refusal = format(tr("it was made with %s %d.%d, a version the kiosk does not know (it reads %d.x)"),
                          package.library.c_str(), *major, minor.value_or(0), mapping->major);
    return package;
  }
  Converter convert(entries, plan);
  const std::string& l = package.library;
  const std::string title = package.title.empty() ? nfc(file.stem().string()) : package.title;
  if (l == "H5P.InteractiveVideo") convert.interactive_video(content);
  else if (l == "H5P.MemoryGame") convert.memory_game(content);
  else if (l == "H5P.ImagePair") convert.image_pair(content);
  else if (l == "H5P.ImageSequencing") convert.image_sequencing(content);
  else if (l == "H5P.MultiMediaChoice") convert.multimedia_choice(content);
  else if (l == "H5P.ImageHotspotQuestion")
    convert.hotspots(at(content, "imageHotspotQuestion"), at(content, {"imageHotspotQuestion", "hotspotSettings"}));
  else if (l == "H5P.ImageMultipleHotspotQuestion")
    convert.hotspots(at(content, "imageMultipleHotspotQuestion"), at(content, {"imageMultipleHotspotQuestion", "hotspotSettings"}));
  else if (l == "H5P.DragQuestion") convert.drag_question(content);
  else if (l == "H5P.CoursePresentation") convert.course_presentation(content, title);
  else if (l == "H5P.Agamotto") convert.agamotto(content, title);
  else if (l == "H5P.ImageSlider") convert.image_slider(content, title);
  else if (l == "H5P.Dialogcards") convert.dialog_cards(content, title);
  if (convert.online())
    plan.refusal = tr("this video is on the internet: download it as MP4 and put it in the package");
  return package;
}

}  // namespace

std::string plain_text(const std::string& html) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&nbsp;", " "}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
  std::string out;
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {  // a tag: a block's end reads as a space
      size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      out += ' ';
      i = end + 1;
      continue;
    }
    if (html[i] == '&') {
      bool done = false;
      for (const auto& [entity, text] : kEntities)
        if (html.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
          out += text;
          i += std::char_traits<char>::length(entity);
          done = true;
          break;
        }
      if (!done && html.compare(i, 2, "&#") == 0) {
        size_t end = html.find(';', i);
        if (end != std::string::npos && end - i < 10) {
          const bool hex = html[i + 2] == 'x' || html[i + 2] == 'X';
          const unsigned long code = std::strtoul(html.substr(i + (hex ? 3 : 2), end - i - (hex ? 3 : 2)).c_str(), nullptr, hex ? 16 : 10);
          if (code > 0 && code < 0x110000) {  // as UTF-8
            if (code < 0x80) out += char(code);
            else if (code < 0x800) out += {char(0xC0 | code >> 6), char(0x80 | (code & 0x3F))};
            else if (code < 0x10000) out += {char(0xE0 | code >> 12), char(0x80 | (code >> 6 & 0x3F)), char(0x80 | (code & 0x3F))};
            else out += {char(0xF0 | code >> 18), char(0x80 | (code >> 12 & 0x3F)), char(0x80 | (code >> 6 & 0x3F)), char(0x80 | (code & 0x3F))};
            i = end + 1;
            done = true;
          }
        }
      }
      if (done) continue;
    }
    out += html[i++];
  }
  std::string collapsed;
  for (char c : out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return nfc(collapsed);
}

PackOnStick read_h5p(const fs::path& h5p) {
  PackOnStick pack;
  pack.path = h5p;
  pack.kind = PackKind::h5p;
  pack.id = id_from_name(nfc(h5p.stem().string()));
  pack.title.vi = nfc(h5p.stem().string());
  try {
    Package package = read_package(h5p);
    if (!package.title.empty()) pack.title.vi = package.title;
    pack.becomes = package.plan.becomes;
    pack.skipped = package.plan.notes;
    (package.plan.is_game ? pack.games : pack.lessons) = package.plan.refusal.empty() ? 1 : 0;
    if (!package.plan.refusal.empty()) pack.problems.push_back({h5p, "", package.plan.refusal});
  } catch (const ImportError& e) {
    pack.problems.push_back({h5p, "", e.what()});
  }
  if (pack.id.empty()) pack.problems.push_back({h5p, "", "the file's name needs a letter or a digit (it gives the topic id)"});
  return pack;
}

void convert_h5p(const PackOnStick& h5p, const fs::path& staging, const Progress& progress) {
  Package package = read_package(h5p.path);
  Plan& plan = package.plan;
  if (!plan.refusal.empty())
    throw ImportError(format(tr("%s cannot be imported: %s"), h5p.path.filename().c_str(), plan.refusal.c_str()));
  unpack_archive(
      h5p.path, staging,
      [&](const std::string& name) -> std::optional<fs::path> {
        auto in_pack = plan.media.find(name);
        return in_pack == plan.media.end() ? std::nullopt : std::optional<fs::path>(in_pack->second);
      },
      progress);
  plan.entry["title"] = {{"vi", h5p.title.vi}};
  json manifest = {{"format", 1}, {"title", {{"vi", h5p.title.vi}}}, {plan.is_game ? "games" : "lessons", json::array({plan.entry})}};
  if (plan.cover.empty()) {  // a video without pictures: the kiosk's own video-lesson picture
    fs::copy_file(find_install_paths().assets / "icons" / "lesson-video.png", staging / "cover.png");
    plan.cover = "cover.png";
  }
  manifest["cover"] = plan.cover;
  write_file_atomically(staging / "topic.json", manifest.dump(2));
}
