#include <catch2/catch.hpp>

#include <algorithm>

#include "core/leftovers.h"
#include "core/settings.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {
std::vector<std::string> names(const std::vector<Leftover>& removed, const fs::path& base) {
  std::vector<std::string> out;
  for (const auto& l : removed) out.push_back(l.path.lexically_relative(base).string());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("the start sweep removes what crashed saves and imports left, and nothing else") {
  TempDir dir;
  const fs::path data = dir / "data", imported = data / "content";
  Settings s;
  s.device_name = "Lớp Lá 1";
  save_settings(data, s);
  write_file(data / "settings.json.tmp", "{\"device_name\": \"half");  // a power cut in the middle of a save
  write_file(data / "added-cues.json.tmp", "");
  write_file(data / "journal.sqlite", "records");
  write_file(data / "journal.sqlite-wal", "records too");
  write_file(data / "admin-pin.json.broken", "kept for a person to look at");
  write_file(imported / ".staging-hand-washing-Ab12Cd" / "pages" / "01.png", std::string(5000, 'x'));
  write_file(imported / ".staging-hand-washing-Ab12Cd" / "topic.json", "{}");
  write_file(imported / "hand-washing" / "topic.json", "{\"id\": \"hand-washing\"}");
  write_file(dir / "elsewhere.tmp", "not the kiosk's");
  fs::create_symlink(dir / "elsewhere.tmp", data / "link.tmp");

  auto removed = sweep_leftovers(data, imported);

  CHECK(names(removed, data) ==
        std::vector<std::string>{"added-cues.json.tmp", "content/.staging-hand-washing-Ab12Cd", "settings.json.tmp"});
  for (const auto& l : removed) {
    CHECK_FALSE(fs::exists(fs::symlink_status(l.path)));
    if (l.path.filename() == ".staging-hand-washing-Ab12Cd") CHECK(l.bytes == 5002);
    if (l.path.filename() == "settings.json.tmp") CHECK(l.bytes == 21);
  }
  std::string warning;
  CHECK(load_settings(data, warning).device_name == "Lớp Lá 1");
  CHECK(warning.empty());
  CHECK(read_file(data / "journal.sqlite") == "records");
  CHECK(read_file(data / "journal.sqlite-wal") == "records too");
  CHECK(fs::exists(data / "admin-pin.json.broken"));
  CHECK(fs::exists(imported / "hand-washing" / "topic.json"));
  CHECK(fs::is_symlink(data / "link.tmp"));  // a link is not what the kiosk writes: left alone
  CHECK(read_file(dir / "elsewhere.tmp") == "not the kiosk's");

  CHECK(sweep_leftovers(data, imported).empty());  // the next start finds nothing
}

TEST_CASE("the start sweep of a data folder that does not exist yet removes nothing") {
  TempDir dir;
  CHECK(sweep_leftovers(dir / "new", dir / "new" / "content").empty());
  CHECK_FALSE(fs::exists(dir / "new"));
}
