#include <catch2/catch.hpp>

#include "core/archive.h"
#include "core/content_import.h"
#include "media_heads.h"
#include "temp_dir.h"
#include "tmpfs_mount.h"
#include "zip_maker.h"

namespace {
const std::string kManifest = R"({"title": {"vi": "Chủ đề nén"}, "cover": "cover.png",
  "lessons": [{"id": "a", "type": "video", "title": {"vi": "Bài A"}, "file": "videos/a.mp4"}]})";

const std::vector<ZipItem> kPackItems = {{"chu-de/", "", ""},
                                         {"chu-de/topic.json", kManifest, ""},
                                         {"chu-de/cover.png", kPngHead, ""},
                                         {"chu-de/videos/a.mp4", kMp4Head + "rest of the video", ""}};

PackOnStick only_pack(const fs::path& stick, const fs::path& imported) {
  auto packs = scan_stick(stick, imported);
  REQUIRE(packs.size() == 1);
  return packs[0];
}

void no_progress(double) {}

bool nothing_staged(const fs::path& imported) {
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(imported, ec))
    if (item.path().filename().string().rfind(".staging", 0) == 0) return false;
  return true;
}

// A hostile or broken zip is listed with its reason, and importing it changes nothing.
void check_refused(const fs::path& zip, const std::string& reason) {
  TempDir imported;
  const PackOnStick pack = only_pack(zip.parent_path(), imported.path);
  CHECK(pack.kind == PackKind::zip);
  REQUIRE(pack.problems.size() == 1);
  CHECK_THAT(pack.problems[0].message, Catch::Contains(reason));
  CHECK_THROWS_AS(import_pack(pack, imported.path, no_progress), ImportError);
  CHECK(fs::is_empty(imported.path));
}
}  // namespace

TEST_CASE("Zipped packs: a zip of a pack folder imports as if it were unzipped") {
  TempDir stick, imported;
  make_zip(stick / "Chủ đề của cô.zip", kPackItems);
  const PackOnStick pack = only_pack(stick.path, imported.path);
  CHECK(pack.kind == PackKind::zip);
  CHECK(pack.id == "chu-de");  // the folder inside names it, as it would unzipped
  CHECK(pack.title.vi == "Chủ đề nén");
  CHECK(pack.becomes == "a zipped topic pack: 1 lesson(s), 0 game(s)");
  CHECK(pack.importable());
  double last = 0;
  import_pack(pack, imported.path, [&](double f) { last = f; });
  CHECK(last == 1);
  CHECK(read_file(imported / "chu-de/videos/a.mp4") == kMp4Head + "rest of the video");
  const Catalog c = load_catalog(imported.path);
  CHECK(c.problems.empty());
  REQUIRE(c.find("chu-de"));
  CHECK(c.find("chu-de")->lessons.size() == 1);
  CHECK(nothing_staged(imported.path));
}

TEST_CASE("Zipped packs: a zip of photos and videos from a phone becomes a topic, other files are named") {
  TempDir stick, imported;
  make_zip(stick / "Tham quan.zip", {{"Bé đi chơi.MOV", kMp4Head, ""},
                                     {"IMG_2.JPG", "\xFF\xD8\xFF\xE0 jpeg", ""},
                                     {"ghi chú.txt", "words", ""},
                                     {"__MACOSX/._IMG_2.JPG", "junk", ""},
                                     {".DS_Store", "junk", ""}});
  const PackOnStick pack = only_pack(stick.path, imported.path);
  CHECK(pack.id == "tham-quan");
  CHECK(pack.title.vi == "Tham quan");
  CHECK(pack.becomes == "a zipped folder: 1 video lesson(s) and a story of 1 picture(s)");
  CHECK(pack.skipped == std::vector<std::string>{"ghi chú.txt: not a video or picture the kiosk can play"});
  import_pack(pack, imported.path, no_progress);
  CHECK_FALSE(fs::exists(imported / "tham-quan/ghi chú.txt"));
  const Catalog c = load_catalog(imported.path);
  for (const auto& p : c.problems) UNSCOPED_INFO(p.describe());
  CHECK(c.problems.empty());
  REQUIRE(c.find("tham-quan"));
  CHECK(c.find("tham-quan")->lessons.size() == 2);
}

TEST_CASE("Zipped packs: write_zip makes a zip that imports back to the same files") {
  TempDir work, stick, imported;
  write_file(work / "my-topic/topic.json", kManifest);
  write_file(work / "my-topic/cover.png", kPngHead);
  write_file(work / "my-topic/videos/a.mp4", kMp4Head);
  write_zip(work / "my-topic", stick / "my-topic.zip");
  CHECK_FALSE(fs::exists(stick / "my-topic.zip.part"));
  import_pack(only_pack(stick.path, imported.path), imported.path, no_progress);
  for (const char* file : {"topic.json", "cover.png", "videos/a.mp4"})
    CHECK(read_file(imported / "my-topic" / file) == read_file(work / "my-topic" / file));

  fs::create_symlink("cover.png", work / "my-topic/link.png");
  CHECK_THROWS_WITH(write_zip(work / "my-topic", stick / "again.zip"), Catch::Contains("link"));
  CHECK_FALSE(fs::exists(stick / "again.zip"));
  CHECK_FALSE(fs::exists(stick / "again.zip.part"));
}

TEST_CASE("Zipped packs: hostile and broken archives are refused with a reason, nothing imported") {
  TempDir stick;
  auto items_with = [](ZipItem extra) {
    auto items = kPackItems;
    items.push_back(extra);
    return items;
  };
  SECTION("an entry that climbs out with ..") {
    make_zip(stick / "dots.zip", items_with({"chu-de/../../evil.sh", "echo", ""}));
    check_refused(stick / "dots.zip", "would be written outside the pack");
  }
  SECTION("an entry with an absolute path") {
    make_zip(stick / "abs.zip", items_with({"/etc/evil", "x", ""}));
    check_refused(stick / "abs.zip", "would be written outside the pack");
  }
  SECTION("a Windows path that climbs out") {
    make_zip(stick / "win.zip", items_with({"chu-de\\..\\..\\evil.bat", "x", ""}));
    check_refused(stick / "win.zip", "would be written outside the pack");
  }
  SECTION("a symbolic link") {
    make_zip(stick / "link.zip", items_with({"chu-de/passwd", "", "/etc/passwd"}));
    check_refused(stick / "link.zip", "is a link");
  }
  SECTION("a zip bomb: far more unpacked than its size allows") {
    make_zip(stick / "bomb.zip", items_with({"chu-de/videos/zeros.mp4", kMp4Head + std::string(40 << 20, '\0'), ""}));
    CHECK(fs::file_size(stick / "bomb.zip") < (1 << 20));
    check_refused(stick / "bomb.zip", "would unpack to more than 16.0 MB");
  }
  SECTION("too many entries") {
    auto items = kPackItems;
    for (size_t i = 0; i <= kMaxEntries; ++i) items.push_back({"chu-de/e/" + std::to_string(i), "", ""});
    make_zip(stick / "many.zip", items, false);
    check_refused(stick / "many.zip", "more than 10000 files");
  }
  SECTION("a password") {
    make_zip(stick / "locked.zip", kPackItems, true, "secret");
    check_refused(stick / "locked.zip", "protected by a password");
  }
  SECTION("a truncated download") {
    make_zip(stick / "full.zip", items_with({"chu-de/videos/b.mp4", kMp4Head + std::string(300000, 'x'), ""}), false);
    const std::string bytes = read_file(stick / "full.zip");
    fs::remove(stick / "full.zip");
    write_file(stick / "cut.zip", bytes.substr(0, bytes.size() / 2));
    check_refused(stick / "cut.zip", "damaged");
  }
  SECTION("not a zip at all, though it starts like one") {
    write_file(stick / "fake.zip", "PK\x03\x04 and then nothing a zip holds");
    check_refused(stick / "fake.zip", "damaged");
  }
  SECTION("a header of zeros: an entry with no name is damage, not an escape") {
    write_file(stick / "zeros.zip", "PK\x03\x04" + std::string(40, '\0'));
    check_refused(stick / "zeros.zip", "damaged");
  }
}

TEST_CASE("Zipped packs: a failed import of a zip leaves the old pack playing") {
  TempDir stick, imported;
  make_zip(stick / "pack.zip", kPackItems);
  import_pack(only_pack(stick.path, imported.path), imported.path, no_progress);
  const std::string before = read_file(imported / "chu-de/topic.json");
  auto items = kPackItems;
  items[1].bytes = R"({"title": {"vi": "Mới"}, "cover": "missing.png"})";  // a broken new version
  fs::remove(stick / "pack.zip");
  make_zip(stick / "pack.zip", items);
  CHECK_THROWS_WITH(import_pack(only_pack(stick.path, imported.path), imported.path, no_progress),
                    Catch::Contains("missing.png"));
  CHECK(read_file(imported / "chu-de/topic.json") == before);
  CHECK(nothing_staged(imported.path));
}

TEST_CASE("Zipped packs: a big zip on a nearly full disk is refused before anything is written") {
  TempDir stick, imported;
  TmpfsMount disk(imported.path, 0, "70m");
  if (!disk.mounted) return;
  make_zip(stick / "big.zip", {{"chu-de/topic.json", kManifest, ""}, {"chu-de/cover.png", kPngHead, ""},
                               {"chu-de/videos/a.mp4", kMp4Head + std::string(10 << 20, 'v'), ""}}, false);
  CHECK_THROWS_WITH(import_pack(only_pack(stick.path, imported.path), imported.path, no_progress),
                    Catch::Contains("Not enough room on the kiosk"));
  CHECK(fs::is_empty(imported.path));
}
