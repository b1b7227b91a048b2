#include <catch2/catch.hpp>

#include "core/content_import.h"
#include "core/importers/h5p_import.h"
#include "h5p_maker.h"
#include "media_heads.h"
#include "temp_dir.h"

using nlohmann::json;

namespace {
void no_progress(double) {}

ZipItem png(const std::string& name) { return {"content/" + name, kPngHead + name, ""}; }

// Scans a stick holding the package alone.
PackOnStick scan(const TempDir& stick, const H5pSpec& spec, const std::string& file = "goi.h5p") {
  make_h5p(stick / file, spec);
  auto packs = scan_stick(stick.path, stick / "none");
  REQUIRE(packs.size() == 1);
  CHECK(packs[0].kind == PackKind::h5p);
  return packs[0];
}

// Imports it and returns its one lesson or game as the catalog reads it, checking the catalog
// finds no problem and that none of H5P's JavaScript came along.
// The one entry of an imported pack: its kind as the catalog read it, and as the importer wrote it
// in topic.json.
struct Imported {
  std::string kind;
  json spec;
};
Imported import_one(const PackOnStick& pack, const fs::path& imported) {
  for (const auto& p : pack.problems) UNSCOPED_INFO(p.describe());
  REQUIRE(pack.importable());
  import_pack(pack, imported, no_progress);
  const Catalog c = load_catalog(imported);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  REQUIRE(c.problems.empty());
  const Topic* topic = c.find(pack.id);
  REQUIRE(topic);
  for (const auto& item : fs::recursive_directory_iterator(topic->dir))
    CHECK(item.path().extension() != ".js");
  REQUIRE(topic->lessons.size() + topic->games.size() == 1);
  const json manifest = json::parse(read_file(topic->dir / "topic.json"));
  const bool lesson = !topic->lessons.empty();
  return {lesson ? topic->lessons[0].kind : topic->games[0].kind, manifest[lesson ? "lessons" : "games"][0]};
}

std::string problem_of(const PackOnStick& pack) {
  REQUIRE(pack.problems.size() == 1);
  return pack.problems[0].message;
}
}  // namespace

TEST_CASE("H5P: HTML texts read as plain text") {
  CHECK(plain_text("<p>Bé &amp; mẹ&nbsp;đi <strong>chợ</strong></p>\n<p>vui</p>") == "Bé & mẹ đi chợ vui");
  CHECK(plain_text("Con g&#224; &#x1EA1;") == "Con gà ạ");
  CHECK(plain_text("Tr\xC6\xB0o\xCC\x9B\xCC\x80ng") == "Trường");  // decomposed, as Unikey's "tổ hợp" types
}

TEST_CASE("H5P: a memory game in the shapes real packages use becomes memory pairs, the cards' sounds kept") {
  TempDir stick, imported;
  H5pSpec spec;
  spec.library = "H5P.MemoryGame";
  spec.major = "1";  // versions as strings
  spec.minor = "3";
  spec.escape_slashes = true;
  spec.content = {{"cards",
                   {{{"image", {{"path", "images/ga-1.PNG#tmp"}, {"mime", "image/png"}}}, {"imageAlt", "Con gà"},
                     {"audio", {{{"path", "audios/ga.mp3"}}}}},
                    {{"image", {{"path", "images/meo.png"}}}, {"match", {{"path", "images/meo-con.png"}}},
                     {"audio", json::array()}, {"matchAudio", {{{"path", "audios/meo-con.ogg"}, {"mime", "audio/ogg"}}}}},
                    {{"image", {{"path", "images/ga-1.PNG"}}}},  // the same picture twice
                    {{"image", {{"path", "images/missing.png"}}}}}},
                  {"behaviour", {{"useGrid", "true"}}}};
  spec.media = {{"content/images/ga-1.PNG", kPngHead, ""}, png("images/meo.png"), png("images/meo-con.png"),
                {"content/audios/ga.mp3", "ID3 sound", ""}, {"content/audios/meo-con.ogg", "OggS sound", ""}};
  const PackOnStick pack = scan(stick, spec, "Tìm cặp.h5p");
  CHECK(pack.id == "tim-cap");
  CHECK(pack.title.vi == "Trò chơi của cô");
  CHECK(pack.games == 1);
  CHECK(pack.becomes == "a memory game of 3 pairs");
  CHECK(pack.skipped == std::vector<std::string>{"images/missing.png is missing from the package"});
  const Imported game = import_one(pack, imported.path);
  CHECK(game.kind == "memory-pairs");
  // Twins both say the card's sound; a card and its match each their own (here only the match has one).
  CHECK(game.spec["pairs"] == json::parse(R"([
      [{"picture": "media/ga-1.PNG", "audio": "media/ga.mp3"}, {"picture": "media/ga-1.PNG", "audio": "media/ga.mp3"}],
      ["media/meo.png", {"picture": "media/meo-con.png", "audio": "media/meo-con.ogg"}],
      ["media/ga-1.PNG", "media/ga-1.PNG"]])"));
  CHECK(read_file(imported / "tim-cap" / "media" / "meo-con.ogg") == "OggS sound");
  CHECK(game.spec["prompt"]["vi"] == "Bé hãy lật thẻ và tìm các cặp hình nhé!");
}

TEST_CASE("H5P: image pairs, sequencing, multimedia choice, hotspots and drag-and-drop become the kiosk's games") {
  TempDir stick, imported;
  H5pSpec spec;
  std::string kind, becomes;
  json expected;
  SECTION("image pair") {
    spec.library = "H5P.ImagePair";
    spec.content = {{"taskDescription", "<p>Nối mẹ với con</p>"},
                    {"cards", {{{"image", {{"path", "images/a.png"}}}, {"match", {{"path", "images/b.png"}}}},
                               {{"image", {{"path", "images/c.png"}}}, {"match", {{"path", "images/d.png"}}}}}}};
    spec.media = {png("images/a.png"), png("images/b.png"), png("images/c.png"), png("images/d.png")};
    kind = "memory-pairs";
    becomes = "a memory game of 2 pairs";
    expected = {{"prompt", {{"vi", "Nối mẹ với con"}}}, {"pairs", json::parse(R"([["media/a.png", "media/b.png"], ["media/c.png", "media/d.png"]])")}};
  }
  SECTION("image sequencing: the list order is the right order") {
    spec.library = "H5P.ImageSequencing";
    spec.content = {{"taskDescription", "Rửa tay theo thứ tự"},
                    {"sequenceImages", {{{"image", {{"path", "images/3.png"}}}, {"imageDescription", "Ba"}},
                                        {{"image", {{"path", "images/1.png"}}}},
                                        {{"image", {{"path", "images/2.png"}}}}}}};
    spec.media = {png("images/1.png"), png("images/2.png"), png("images/3.png")};
    kind = "put-in-order";
    becomes = "a put-in-order game of 3 pictures";
    expected = {{"prompt", {{"vi", "Rửa tay theo thứ tự"}}}, {"steps", {"media/3.png", "media/1.png", "media/2.png"}}};
  }
  SECTION("multimedia choice, the right one marked with a string") {
    spec.library = "H5P.MultiMediaChoice";
    spec.major = 0;
    spec.content = {{"question", "<p>Đâu là <em>mũ bảo hiểm</em>?</p>"},
                    {"options", {{{"media", {{"library", "H5P.Image 1.1"}, {"params", {{"file", {{"path", "images/non.png"}}}}}}}, {"correct", "false"}},
                                 {{"media", {{"library", "H5P.Image 1.1"}, {"params", {{"file", {{"path", "images/mu.png"}}}}}}}, {"correct", "true"}}}}};
    spec.media = {png("images/non.png"), png("images/mu.png")};
    kind = "choose-picture";
    becomes = "a choose-the-picture game of 2 pictures";
    expected = {{"rounds", {{{"prompt", {{"vi", "Đâu là mũ bảo hiểm ?"}}}, {"pictures", {"media/non.png", "media/mu.png"}}, {"answer", 1}}}}};
  }
  SECTION("image hotspot question") {
    spec.library = "H5P.ImageHotspotQuestion";
    spec.content = {{"imageHotspotQuestion",
                     {{"backgroundImageSettings", {{"backgroundImage", {{"path", "images/scene.png"}, {"width", 800}, {"height", 400}}}}},
                      {"hotspotSettings",
                       {{"taskDescription", "Tìm đèn xanh"},
                        {"hotspot", {{{"userSettings", {{"correct", true}}}, {"computedSettings", {{"x", 10}, {"y", 20}, {"width", 20}, {"height", 10}, {"figure", "ellipse"}}}},
                                     {{"userSettings", {{"correct", false}}}, {"computedSettings", {{"x", 60}, {"y", 60}, {"width", 10}, {"height", 10}}}}}}}}}}};
    spec.media = {png("images/scene.png")};
    kind = "spot-it";
    becomes = "a spot-it game of 1 place(s)";
    expected = {{"prompt", {{"vi", "Tìm đèn xanh"}}}, {"scene", "media/scene.png"}, {"spots", {{{"x", 0.2}, {"y", 0.25}, {"r", 0.1}}}}};
  }
  SECTION("image multiple hotspot question, numbers as strings") {
    spec.library = "H5P.ImageMultipleHotspotQuestion";
    spec.content = {{"imageMultipleHotspotQuestion",
                     {{"backgroundImageSettings", {{"backgroundImage", {{"path", "images/scene.png"}}}}},
                      {"hotspotSettings",
                       {{"hotspot", {{{"userSettings", {{"correct", "true"}}}, {"computedSettings", {{"x", "40"}, {"y", "40"}, {"width", "20"}, {"height", "20"}}}},
                                     {{"userSettings", {{"correct", "true"}}}, {"computedSettings", {{"x", 0}, {"y", 0}, {"width", 10}, {"height", 10}}}}}}}}}}};
    spec.media = {png("images/scene.png")};
    kind = "spot-it";
    becomes = "a spot-it game of 2 place(s)";
    expected = {{"prompt", {{"vi", "Bé hãy tìm trong tranh nhé!"}}}, {"scene", "media/scene.png"},
                {"spots", {{{"x", 0.5}, {"y", 0.5}, {"r", 0.1}}, {{"x", 0.05}, {"y", 0.05}, {"r", 0.05}}}}};
  }
  SECTION("drag-and-drop into two zones, indices as strings") {
    spec.library = "H5P.DragQuestion";
    auto image = [](const char* path) {
      return json{{"type", {{"library", "H5P.Image 1.1"}, {"params", {{"file", {{"path", path}}}}}}}};
    };
    spec.content = {{"question",
                     {{"task",
                       {{"elements", {image("images/xa-phong.png"), image("images/bun.png"), image("images/khan.png"),
                                      {{"type", {{"library", "H5P.AdvancedText 1.1"}, {"params", {{"text", "chữ"}}}}}}}},
                        {"dropZones", {{{"label", "<div>Sạch</div>"}, {"correctElements", {"0", "2"}}},
                                       {{"label", "<div>Bẩn</div>"}, {"correctElements", {"1"}}}}}}}}}};
    spec.media = {png("images/xa-phong.png"), png("images/bun.png"), png("images/khan.png")};
    kind = "sort-groups";
    becomes = "a sorting game of 3 pictures in 2 groups";
    expected = {{"prompt", {{"vi", "Bé hãy xếp hình vào đúng nhóm nhé!"}}},
                {"groups", {{{"label", {{"vi", "Sạch"}}}, {"picture", "media/xa-phong.png"}}, {{"label", {{"vi", "Bẩn"}}}, {"picture", "media/bun.png"}}}},
                {"items", {{{"picture", "media/xa-phong.png"}, {"group", 0}}, {{"picture", "media/bun.png"}, {"group", 1}},
                           {{"picture", "media/khan.png"}, {"group", 0}}}}};
  }
  const PackOnStick pack = scan(stick, spec);
  CHECK(pack.becomes == becomes);
  const Imported game = import_one(pack, imported.path);
  CHECK(game.kind == kind);
  for (const auto& [key, value] : expected.items()) {
    INFO(key);
    CHECK(game.spec[key] == value);
  }
}

TEST_CASE("H5P: an interactive video becomes a video lesson whose pausing interactions are its cues") {
  TempDir stick, imported;
  H5pSpec spec;
  spec.library = "H5P.InteractiveVideo";
  json interactions = {
      {{"pause", false}, {"duration", {{"from", 2}, {"to", 5}}}, {"action", {{"library", "H5P.Text 1.1"}, {"params", {{"text", "không dừng"}}}}}},
      {{"pause", "true"}, {"duration", {{"from", "12.5"}, {"to", 20}}},
       {"action", {{"library", "H5P.MultiChoice 1.16"}, {"params", {{"question", "<p>Bạn nhỏ đội gì?</p>"}}}}}},
      {{"pause", true}, {"duration", {{"from", 4}, {"to", 8}}},
       {"action", {{"library", "H5P.Text 1.1"}, {"params", {{"text", "<p>Các bé thấy <b>đèn</b> màu gì?</p>"}}}}}},
      {{"pause", true}, {"duration", {{"from", 30}}}, {"label", "<p>Nhìn tranh</p>"},
       {"action", {{"library", "H5P.Image 1.1"}, {"params", {{"file", {{"path", "images/den.png"}}}}}}}}};
  json video = {{"files", {{{"path", "videos/bai-hoc.MP4#tmp"}, {"mime", "video/mp4"}}}}};
  spec.media = {{"content/videos/bai-hoc.MP4", kMp4Head, ""}, png("images/den.png")};
  SECTION("today's shape") {
    spec.content = {{"interactiveVideo", {{"video", video}, {"assets", {{"interactions", interactions}}}}}};
  }
  SECTION("an older shape, interactions beside the video") {
    spec.minor = 0;
    spec.content = {{"interactiveVideo", {{"video", video}, {"interactions", interactions}}}};
  }
  const PackOnStick pack = scan(stick, spec);
  CHECK(pack.becomes == "a video lesson with 3 question(s)");
  CHECK(pack.lessons == 1);
  const Imported lesson = import_one(pack, imported.path);
  CHECK(lesson.kind == "video");
  CHECK(lesson.spec["file"] == "media/bai-hoc.MP4");
  const json& cues = lesson.spec["cues"];
  REQUIRE(cues.size() == 3);
  CHECK(cues[0] == json{{"at", 4}, {"question", {{"vi", "Các bé thấy đèn màu gì?"}}}});
  CHECK(cues[1] == json{{"at", 12.5}, {"question", {{"vi", "Bạn nhỏ đội gì?"}}}});
  CHECK(cues[2] == json{{"at", 30}, {"question", {{"vi", "Nhìn tranh"}}}, {"picture", "media/den.png"}});
}

TEST_CASE("H5P: presentations, Agamotto, image sliders and dialog cards become picture stories") {
  TempDir stick, imported;
  H5pSpec spec;
  spec.title = "Truyện của cô";
  json pages;
  auto image = [](const char* path) { return json{{"library", "H5P.Image 1.1"}, {"params", {{"file", {{"path", path}}}, {"alt", "Ảnh"}}}}; };
  spec.media = {png("images/1.png"), png("images/2.png"), {"content/audios/1.mp3", "ID3 sound", ""}};
  SECTION("course presentation: per slide its biggest picture, its text and its audio") {
    spec.library = "H5P.CoursePresentation";
    spec.content = {{"presentation", {{"slides", {
        {{"elements", {{{"width", 10}, {"height", 10}, {"action", image("images/2.png")}},
                       {{"width", 80}, {"height", 60}, {"action", image("images/1.png")}},
                       {{"action", {{"library", "H5P.AdvancedText 1.1"}, {"params", {{"text", "<h2>Sáng nay</h2>"}}}}}},
                       {{"action", {{"library", "H5P.Audio 1.5"}, {"params", {{"files", {{{"path", "audios/1.mp3"}}}}}}}}}}}},
        {{"elements", {{{"action", {{"library", "H5P.AdvancedText 1.1"}, {"params", {{"text", "chỉ có chữ"}}}}}}}}},
        {{"elements", {{{"action", image("images/2.png")}}}}}}}}}};
    pages = {{{"picture", "media/1.png"}, {"caption", {{"vi", "Sáng nay"}}}, {"narration", "media/1.mp3"}},
             {{"picture", "media/2.png"}, {"caption", {{"vi", "Truyện của cô"}}}}};
  }
  SECTION("Agamotto") {
    spec.library = "H5P.Agamotto";
    spec.content = {{"items", {{{"image", image("images/1.png")}, {"labelText", "Hạt"}},
                               {{"image", image("images/2.png")}, {"description", "<p>Cây</p>"}}}}};
    pages = {{{"picture", "media/1.png"}, {"caption", {{"vi", "Hạt"}}}}, {{"picture", "media/2.png"}, {"caption", {{"vi", "Cây"}}}}};
  }
  SECTION("image slider") {
    spec.library = "H5P.ImageSlider";
    spec.content = {{"imageSlides", {{{"params", {{"image", image("images/1.png")}}}}, {{"params", {{"image", image("images/2.png")}}}}}}};
    pages = {{{"picture", "media/1.png"}, {"caption", {{"vi", "Ảnh"}}}}, {{"picture", "media/2.png"}, {"caption", {{"vi", "Ảnh"}}}}};
  }
  SECTION("dialog cards") {
    spec.library = "H5P.Dialogcards";
    spec.content = {{"dialogs", {{{"text", "<p>Con gì?</p>"}, {"answer", "<p>Con mèo</p>"}, {"image", {{"path", "images/1.png"}}},
                                  {"audio", {{{"path", "audios/1.mp3"}}}}},
                                 {{"text", "Màu gì?"}, {"image", {{"path", "images/2.png"}}}}}}};
    pages = {{{"picture", "media/1.png"}, {"caption", {{"vi", "Con gì? — Con mèo"}}}, {"narration", "media/1.mp3"}},
             {{"picture", "media/2.png"}, {"caption", {{"vi", "Màu gì?"}}}}};
  }
  const PackOnStick pack = scan(stick, spec);
  CHECK(pack.becomes == "a picture story of 2 page(s)");
  const Imported story = import_one(pack, imported.path);
  CHECK(story.kind == "story");
  CHECK(story.spec["pages"] == pages);
}

TEST_CASE("H5P: packages the kiosk cannot play are refused with a reason a teacher understands") {
  TempDir stick, imported;
  H5pSpec spec;
  std::string reason;
  SECTION("a video on the internet") {
    spec.library = "H5P.InteractiveVideo";
    spec.content = {{"interactiveVideo", {{"video", {{"files", {{{"path", "https://www.youtube.com/watch?v=abc"}, {"mime", "video/YouTube"}}}}}}}}};
    reason = "this video is on the internet: download it as MP4 and put it in the package";
  }
  SECTION("a video link without its kind") {
    spec.library = "H5P.InteractiveVideo";
    spec.content = {{"interactiveVideo", {{"video", {{"files", {{{"path", "https://example.org/v.mp4"}}}}}}}}};
    reason = "this video is on the internet";
  }
  SECTION("a kind of content without a game") {
    spec.library = "H5P.Blanks";
    spec.content = {{"text", "Điền vào chỗ trống"}};
    reason = "this kind of H5P content (H5P.Blanks) has no game or lesson on the kiosk";
  }
  SECTION("a version the kiosk does not know") {
    spec.library = "H5P.MemoryGame";
    spec.major = "2";
    spec.minor = "0";
    spec.content = {{"cards", json::array()}};
    reason = "made with H5P.MemoryGame 2.0, a version the kiosk does not know";
  }
  SECTION("too few pictures left to make a game") {
    spec.library = "H5P.MemoryGame";
    spec.content = {{"cards", {{{"image", {{"path", "images/a.png"}}}}, {{"image", {{"path", "images/gone.png"}}}}}}};
    spec.media = {png("images/a.png")};
    reason = "not enough cards with pictures left to make a game";
  }
  const PackOnStick pack = scan(stick, spec);
  CHECK_THAT(problem_of(pack), Catch::Contains(reason));
  CHECK_THROWS_AS(import_pack(pack, imported.path, no_progress), ImportError);
  CHECK(fs::is_empty(imported.path));
}
