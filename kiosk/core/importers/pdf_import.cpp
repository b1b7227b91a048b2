#include "core/importers/pdf_import.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/auto_pack.h"
#include "core/i18n.h"
#include "core/text.h"

using nlohmann::json;

namespace {

constexpr double kScreenWidth = 1920, kScreenHeight = 1080;
constexpr size_t kMaxCaption = 90;

std::string utf8(const poppler::ustring& text) {
  const auto bytes = text.to_utf8();
  return nfc(std::string(bytes.begin(), bytes.end()));
}

std::unique_ptr<poppler::document> open_pdf(const fs::path& pdf, std::string& why) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  if (!doc) why = "is not a PDF that can be read (damaged or cut short)";
  else if (doc->is_locked()) why = "is protected by a password: save it again without one";
  else if (doc->pages() == 0) why = "has no pages";
  return why.empty() ? std::move(doc) : nullptr;
}

// A page's caption: its first line of text (a slide's title), else the story's title and page number.
std::string caption_of(poppler::page& page, const std::string& title, int number, int pages) {
  std::string text = utf8(page.text());
  std::string line;
  for (size_t start = 0; start < text.size() && line.empty();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    line = text.substr(start, end - start);
    line.erase(0, line.find_first_not_of(" \t\r\f"));
    line.erase(line.find_last_not_of(" \t\r\f") + 1);
    start = end + 1;
  }
  if (line.size() > kMaxCaption) {
    size_t cut = line.rfind(' ', kMaxCaption);
    line = line.substr(0, cut == std::string::npos ? kMaxCaption : cut) + "…";
  }
  return line.empty() ? format("%s (%d/%d)", title.c_str(), number, pages) : line;
}

PackOnStick describe(const fs::path& file, PackKind kind, const std::string& title) {
  PackOnStick pack;
  pack.path = file;
  pack.kind = kind;
  pack.title.vi = title.empty() ? nfc(file.stem().string()) : title;
  pack.id = id_from_name(nfc(file.stem().string()));
  pack.lessons = 1;
  if (pack.id.empty()) pack.problems.push_back({file, "", "the file's name needs a letter or a digit (it gives the topic id)"});
  return pack;
}

// Where LibreOffice is, or empty: it is a suggested package, not a dependency.
fs::path find_soffice() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (size_t start = 0; start <= dirs.size();) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    for (const char* name : {"soffice", "libreoffice"}) {
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return {};
}

}  // namespace

PackOnStick read_pdf_story(const fs::path& pdf) {
  std::string why;
  auto doc = open_pdf(pdf, why);
  PackOnStick pack = describe(pdf, PackKind::pdf, doc ? utf8(doc->info_key("Title")) : "");
  if (!doc) {
    pack.problems.push_back({pdf, "", why});
    return pack;
  }
  pack.becomes = format(tr("a picture story of %d page(s)"), doc->pages());
  return pack;
}

void convert_pdf_story(const PackOnStick& pdf, const fs::path& staging, const Progress& progress) {
  std::string why;
  auto doc = open_pdf(pdf.path, why);
  if (!doc) throw ImportError(format(tr("%s cannot be imported: %s"), pdf.path.filename().c_str(), why.c_str()));
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  fs::create_directory(staging / "pages");
  const int pages = doc->pages();
  json list = json::array();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) throw ImportError(format(tr("%s cannot be imported: page %d is damaged"), pdf.path.filename().c_str(), i + 1));
    const poppler::rectf box = page->page_rect();  // in points, 72 to the inch
    const double dpi = 72 * std::min(kScreenWidth / box.width(), kScreenHeight / box.height());
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    const std::string name = format("pages/%03d.png", i + 1);
    if (!image.is_valid() || !image.save((staging / name).string(), "png"))
      throw ImportError(format(tr("Cannot write %s on the kiosk: %s"), name.c_str(), tr("the disk may be full")));
    list.push_back({{"picture", name}, {"caption", {{"vi", caption_of(*page, pdf.title.vi, i + 1, pages)}}}});
    if (progress) progress(double(i + 1) / pages);
  }
  json manifest = {{"format", 1},
                   {"title", {{"vi", pdf.title.vi}}},
                   {"cover", "pages/001.png"},
                   {"lessons", json::array({{{"id", "story"}, {"type", "story"}, {"title", {{"vi", pdf.title.vi}}},
                                             {"pages", list}}})}};
  write_file_atomically(staging / "topic.json", manifest.dump(2));
}

PackOnStick read_slides_story(const fs::path& slides) {
  PackOnStick pack = describe(slides, PackKind::slides, "");
  pack.becomes = tr("a picture story, one slide a page (narration inside slides is not kept)");
  if (find_soffice().empty())
    pack.problems.push_back({slides, "", tr("PowerPoint files need LibreOffice on the kiosk: save it as PDF in "
                                           "PowerPoint (File > Save As > PDF) and bring the PDF")});
  return pack;
}

void convert_slides_story(const PackOnStick& slides, const fs::path& staging, const Progress& progress) {
  const fs::path soffice = find_soffice(), work = staging / ".slides";
  if (soffice.empty()) throw ImportError(tr("LibreOffice is not on this kiosk: save the slides as PDF in PowerPoint"));
  fs::create_directory(work);
  // Its own profile in the staging folder: a kiosk user's may be missing or locked.
  const std::string profile = "-env:UserInstallation=file://" + (work / "profile").string();
  const pid_t child = fork();
  if (child == 0) {
    execl(soffice.c_str(), "soffice", profile.c_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
          work.c_str(), slides.path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw ImportError(format(tr("LibreOffice could not read %s"), slides.path.filename().c_str()));
  PackOnStick pdf = slides;
  pdf.path = work / (slides.path.stem().string() + ".pdf");
  if (!fs::exists(pdf.path)) throw ImportError(format(tr("LibreOffice could not read %s"), slides.path.filename().c_str()));
  convert_pdf_story(pdf, staging, progress);
  fs::remove_all(work);
}
