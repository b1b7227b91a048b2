#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/auto_pack.h"
#include "core/content_import.h"
#include "core/manifest_reader.h"
#include "media_heads.h"
#include "temp_dir.h"
#include "tmpfs_mount.h"

namespace {
const std::string& kPng = kPngHead;

// A small valid pack; `manifest` replaces its topic.json when given.
void make_pack(const fs::path& dir, const std::string& manifest = "") {
  write_file(dir / "cover.png", kPng);
  write_file(dir / "a.mp4", kMp4Head);
  write_file(dir / "topic.json", manifest.empty() ? R"({"title": {"vi": "Chủ đề của cô"}, "cover": "cover.png",
    "lessons": [{"id": "a", "type": "video", "title": {"vi": "Bài A"}, "file": "a.mp4"}]})"
                                                  : manifest);
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

PackOnStick only_pack(const std::vector<PackOnStick>& packs) {
  REQUIRE(packs.size() == 1);
  return packs[0];
}

bool has_problem(const PackOnStick& pack, const fs::path& file, const std::string& words) {
  return std::any_of(pack.problems.begin(), pack.problems.end(), [&](const Problem& p) {
    return p.file == file && p.message.find(words) != std::string::npos;
  });
}

bool has_staging(const fs::path& imported) {
  for (const auto& item : fs::directory_iterator(imported))
    if (item.path().filename().string().rfind(".staging", 0) == 0) return true;
  return false;
}

void no_progress(double) {}
}  // namespace

TEST_CASE("USB import: names give ids, and files sort in natural order") {
  CHECK(id_from_name("An toàn giao thông") == "an-toan-giao-thong");
  CHECK(id_from_name("Đường đến trường!") == "duong-den-truong");
  CHECK(id_from_name("★").empty());
  CHECK(natural_less("2 qua đường.mp4", "10 đội mũ.mp4"));
  CHECK(natural_less("bai 2", "Bai 10"));
  CHECK(natural_less("p002", "p10"));
  CHECK_FALSE(natural_less("p10", "p9"));
}

TEST_CASE("USB import: scanning a stick finds a valid pack and names a broken one's problems") {
  TempDir stick, imported;
  fs::create_directories(stick / "content");
  fs::copy(fs::path(SAMPLE_CONTENT_DIR) / "hand-washing", stick / "content/hand-washing", fs::copy_options::recursive);
  make_pack(stick / "broken", R"({"title": {"vi": "Hỏng"}, "cover": "nope.png"})");
  write_file(stick / ".Trashes/501/topic.json", "{}");                 // hidden: not a pack
  write_file(stick / "xem-va-noi-2024-05-01/sessions.csv", "uuid\n");  // a kiosk export: not a pack
  write_file(stick / "Documents/letter.docx", "words");                // not media: left out, named
  write_file(stick / "Documents/photo.jpg", kPng);
  write_file(stick / "notes.txt", "a file that is no pack: not listed");

  auto packs = scan_stick(stick.path, imported.path);
  REQUIRE(packs.size() == 3);
  const PackOnStick& broken = packs[0];
  const PackOnStick& documents = packs[1];
  const PackOnStick& good = packs[2];
  CHECK(documents.kind == PackKind::media_folder);
  CHECK(documents.skipped == std::vector<std::string>{"letter.docx: not a video or picture the kiosk can play"});
  CHECK(documents.importable());
  CHECK(good.id == "hand-washing");
  CHECK(good.path == stick / "content/hand-washing");
  CHECK(good.title.vi == "Rửa tay và vệ sinh cá nhân");
  CHECK(good.lessons == 2);
  CHECK(good.games == 3);
  CHECK(good.kind == PackKind::folder);
  CHECK_FALSE(good.replaces_existing);
  for (const auto& p : good.problems) UNSCOPED_INFO(p.describe());
  CHECK(good.importable());

  CHECK(broken.id == "broken");
  CHECK_FALSE(broken.importable());
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].describe() == (stick / "broken/topic.json").string() + ": cover: 'nope.png' is missing");
  CHECK_THROWS_AS(import_pack(broken, imported.path, no_progress), ImportError);
  CHECK(fs::is_empty(imported.path));
}

TEST_CASE("USB import: a pack whose manifest names a path with .. is refused") {
  TempDir stick, imported;
  write_file(stick / "secret.png", kPng);
  make_pack(stick / "dots", R"({"title": {"vi": "T"}, "cover": "../secret.png"})");
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(has_problem(pack, stick / "dots/topic.json", "must not leave the pack"));
  CHECK_THROWS_AS(import_pack(pack, imported.path, no_progress), ImportError);
}

TEST_CASE("USB import: a pack whose manifest names an absolute path is refused") {
  TempDir stick, imported;
  const std::string cover = (stick / "absolute/cover.png").string();
  make_pack(stick / "absolute", R"({"title": {"vi": "T"}, "cover": ")" + cover + "\"}");
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(has_problem(pack, stick / "absolute/topic.json", "absolute path"));
  CHECK_FALSE(pack.importable());
}

TEST_CASE("USB import: a pack holding a symlink is refused, even one pointing inside the pack") {
  TempDir stick, imported;
  write_file(stick / "secret.txt", "not for the kiosk");
  make_pack(stick / "linked");
  fs::create_symlink(stick / "secret.txt", stick / "linked/out.txt");
  fs::create_symlink("cover.png", stick / "linked/inside.png");
  fs::create_directory_symlink("..", stick / "linked/up");
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(has_problem(pack, stick / "linked/out.txt", "symbolic link"));
  CHECK(has_problem(pack, stick / "linked/inside.png", "symbolic link"));
  CHECK(has_problem(pack, stick / "linked/up", "symbolic link"));
  CHECK_THROWS_AS(import_pack(pack, imported.path, no_progress), ImportError);
  CHECK(fs::is_empty(imported.path));
}

TEST_CASE("USB import: an imported pack shows in the catalog beside the bundled ones") {
  TempDir stick, data;
  make_pack(stick / "xem-va-noi/my-topic");
  const fs::path imported = data / "content";  // created by the first import
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported));
  CHECK(pack.id == "my-topic");
  std::vector<double> progress;
  import_pack(pack, imported, [&](double f) { progress.push_back(f); });
  REQUIRE_FALSE(progress.empty());
  CHECK(std::is_sorted(progress.begin(), progress.end()));
  CHECK(progress.back() == 1.0);
  CHECK_FALSE(has_staging(imported));

  Catalog c = load_catalog(SAMPLE_CONTENT_DIR, imported);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  CHECK(c.problems.empty());
  CHECK(c.topics.size() == 4);
  const Topic* topic = c.find("my-topic");
  REQUIRE(topic);
  CHECK(topic->dir == imported / "my-topic");
  CHECK(topic->title.vi == "Chủ đề của cô");
  CHECK(c.find("hand-washing"));
}

TEST_CASE("USB import: re-importing a pack replaces it whole") {
  TempDir stick, imported;
  make_pack(stick / "my-topic");
  write_file(stick / "my-topic/extra/old.png", kPng);
  import_pack(only_pack(scan_stick(stick.path, imported.path)), imported.path, no_progress);
  CHECK(fs::exists(imported / "my-topic/extra/old.png"));

  fs::remove_all(stick / "my-topic/extra");
  make_pack(stick / "my-topic", R"({"title": {"vi": "Bản mới"}, "cover": "cover.png"})");
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(pack.replaces_existing);
  import_pack(pack, imported.path, no_progress);
  CHECK_FALSE(fs::exists(imported / "my-topic/extra"));
  CHECK(read(imported / "my-topic/topic.json").find("Bản mới") != std::string::npos);
  CHECK_FALSE(has_staging(imported.path));
  CHECK(std::distance(fs::directory_iterator(imported.path), fs::directory_iterator()) == 1);
}

TEST_CASE("USB import: a stick pulled out mid-copy leaves the old pack playing and no staging folder") {
  TempDir stick, imported;
  make_pack(stick / "my-topic");
  import_pack(only_pack(scan_stick(stick.path, imported.path)), imported.path, no_progress);
  const std::string old_manifest = read(imported / "my-topic/topic.json");

  make_pack(stick / "my-topic", R"({"title": {"vi": "Bản mới"}, "cover": "cover.png"})");
  write_file(stick / "my-topic/more.mp4", std::string(300000, 'v'));
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  // The first chunk copied, the stick's files are gone.
  auto pull_out = [&](double) { fs::remove_all(stick / "my-topic"); };
  CHECK_THROWS_WITH(import_pack(pack, imported.path, pull_out), Catch::Contains("Was it taken out?"));
  CHECK(read(imported / "my-topic/topic.json") == old_manifest);
  CHECK(fs::exists(imported / "my-topic/a.mp4"));
  CHECK_FALSE(has_staging(imported.path));
  CHECK(load_catalog(imported.path).problems.empty());
}

TEST_CASE("USB import: a pack that would leave the kiosk's disk without room for the class records is refused") {
  TempDir stick, imported;
  // A small tmpfs stands for the kiosk's disk: the room an import must leave, and 256 KB more.
  // Mounting needs root (as in CI).
  TmpfsMount disk(imported.path, 0, std::to_string(kImportLeavesFree / 1024 + 256) + "k");
  if (!disk.mounted) return;
  make_pack(stick / "my-topic");
  import_pack(only_pack(scan_stick(stick.path, imported.path)), imported.path, no_progress);

  write_file(stick / "my-topic/big.mp4", std::string(400000, 'v'));  // fits the disk, not with the room left
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK_THROWS_WITH(import_pack(pack, imported.path, no_progress),
                    Catch::Contains("Not enough room on the kiosk") && Catch::Contains("64.0 MB must stay free"));
  CHECK(fs::exists(imported / "my-topic/topic.json"));
  CHECK_FALSE(fs::exists(imported / "my-topic/big.mp4"));
  CHECK_FALSE(has_staging(imported.path));
}

TEST_CASE("USB import: a plain folder of videos and pictures becomes a topic titled from its file names") {
  TempDir stick, imported;
  const fs::path folder = stick / "An toàn giao thông";
  write_file(folder / "10_Đội-mũ bảo hiểm.mp4", kMp4Head);
  write_file(folder / "2 qua đường.MP4", kMp4Head);
  write_file(folder / "03 Đi chậm.webm", kWebmHead);
  write_file(folder / "IMG_0412.jpg", kPng);
  write_file(folder / "Bé ngồi sau xe.png", kPng);
  write_file(folder / "._IMG_0412.jpg", "macOS junk");
  write_file(folder / "Thumbs.db", "windows junk");
  write_file(stick / "Holiday/notes.txt", "a document: not a media folder");

  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(pack.kind == PackKind::media_folder);
  CHECK(pack.id == "an-toan-giao-thong");
  CHECK(pack.title.vi == "An toàn giao thông");
  CHECK(pack.lessons == 4);
  CHECK(pack.importable());
  import_pack(pack, imported.path, no_progress);
  CHECK_FALSE(fs::exists(imported / "an-toan-giao-thong/Thumbs.db"));
  CHECK_FALSE(fs::exists(imported / "an-toan-giao-thong/._IMG_0412.jpg"));

  Catalog c = load_catalog(imported.path);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  CHECK(c.problems.empty());
  const Topic* topic = c.find("an-toan-giao-thong");
  REQUIRE(topic);
  CHECK(topic->title.vi == "An toàn giao thông");
  CHECK(topic->cover == imported / "an-toan-giao-thong/Bé ngồi sau xe.png");  // natural order: B before I
  REQUIRE(topic->lessons.size() == 4);
  CHECK(topic->lessons[0].title.vi == "2 qua đường");  // a number that may be part of the title stays
  CHECK(topic->lessons[0].kind == "video");
  CHECK(topic->lessons[1].title.vi == "Đi chậm");          // "03 " and "10_" only ordered the files
  CHECK(topic->lessons[2].title.vi == "Đội mũ bảo hiểm");
  CHECK(topic->lessons[3].kind == "story");
  CHECK(topic->lessons[3].title.vi == "An toàn giao thông");
  REQUIRE(topic->lessons[3].story);
  const auto& pages = topic->lessons[3].story->pages;
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].caption.vi == "Bé ngồi sau xe");
  CHECK(pages[1].caption.vi == "An toàn giao thông");  // a camera's name says nothing: the title instead
}

TEST_CASE("USB import: a folder of videos only gets a plain cover the catalog accepts") {
  TempDir stick, imported;
  write_file(stick / "Bai hat/Rửa tay.webm", kWebmHead);
  import_pack(only_pack(scan_stick(stick.path, imported.path)), imported.path, no_progress);
  Catalog c = load_catalog(imported.path);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  CHECK(c.problems.empty());
  const Topic* topic = c.find("bai-hat");
  REQUIRE(topic);
  CHECK(topic->cover == imported / "bai-hat/cover.png");
  CHECK(looks_like_picture(topic->cover));
  REQUIRE(topic->lessons.size() == 1);
  CHECK(topic->lessons[0].title.vi == "Rửa tay");
}

TEST_CASE("USB import: two packs with one id are named on the stick") {
  TempDir stick, imported;
  write_file(stick / "Tranh/a.jpg", kPng);
  make_pack(stick / "content/tranh");
  auto packs = scan_stick(stick.path, imported.path);
  REQUIRE(packs.size() == 2);
  for (const auto& pack : packs) CHECK(has_problem(pack, pack.path, "same id, 'tranh'"));
}

TEST_CASE("USB import: media are judged by their content, whatever their names end in, and the rest is named without hiding them") {
  TempDir stick, imported;
  const fs::path folder = stick / "Phone";
  write_file(folder / "camera.MTS", std::string(4, '\0') + "\x47" + std::string(191, '\0') + "\x47" +
                                        std::string(191, '\0') + "\x47" + std::string(200, '\0'));  // AVCHD: 192-byte packets
  write_file(folder / "old.3gp", std::string("\0\0\0\x14" "ftyp3gp4\0\0\0\0", 16));
  write_file(folder / "film.wmv", std::string("\x30\x26\xB2\x75\x8E\x66\xCF\x11\xA6\xD9", 10));
  write_file(folder / "IMG_1.HEIC", std::string("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24));
  write_file(folder / "renamed.dat", kPng);
  write_file(folder / "fake.jpg", "this is not a JPEG, whatever its name says");
  write_file(folder / "Lesson plan.docx", "PK\x03\x04 words");
  write_file(folder / "Old/x.png", kPng);
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(pack.lessons == 4);  // three videos and one story
  CHECK(pack.becomes == "made from a folder: 3 video lesson(s) and a story of 2 picture(s)");
  CHECK(pack.skipped == std::vector<std::string>{"fake.jpg: not a video or picture the kiosk can play",
                                                 "Lesson plan.docx: not a video or picture the kiosk can play",
                                                 "Old: a folder inside (only the files beside it are used)"});
  CHECK(pack.importable());
  import_pack(pack, imported.path, no_progress);
  const Catalog c = load_catalog(imported.path);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  CHECK(c.problems.empty());
  CHECK_FALSE(fs::exists(imported / "phone/fake.jpg"));
  CHECK(c.find("phone")->cover == imported / "phone/IMG_1.HEIC");
}

TEST_CASE("USB import: a folder named in decomposed Unicode (macOS) gets a composed title") {
  TempDir stick, imported;
  const std::string decomposed = "An toa\xCC\x80n giao tho\xCC\x82ng";  // a + U+0300, o + U+0302
  write_file(stick / decomposed / "Be\xCC\x81 qua đươ\xCC\x80ng.mp4", kMp4Head);
  const PackOnStick& pack = only_pack(scan_stick(stick.path, imported.path));
  CHECK(pack.title.vi == "An toàn giao thông");
  CHECK(pack.id == "an-toan-giao-thong");
  import_pack(pack, imported.path, no_progress);
  const Catalog c = load_catalog(imported.path);
  REQUIRE(c.find("an-toan-giao-thong"));
  CHECK(c.find("an-toan-giao-thong")->lessons.at(0).title.vi == "Bé qua đường");
}

TEST_CASE("USB import: an imported pack replaces a bundled one of the same id") {
  TempDir bundled, imported;
  make_pack(bundled / "traffic", R"({"title": {"vi": "Cũ"}, "cover": "cover.png"})");
  make_pack(bundled / "hygiene");
  make_pack(imported / "traffic", R"({"title": {"vi": "Mới"}, "cover": "cover.png"})");
  Catalog c = load_catalog(bundled.path, imported.path);
  CHECK(c.problems.empty());
  REQUIRE(c.topics.size() == 2);
  CHECK(c.find("traffic")->title.vi == "Mới");
  CHECK(c.find("traffic")->dir == imported / "traffic");
  CHECK(load_catalog(bundled.path, bundled / "not-there").topics.size() == 2);  // before any import
}
