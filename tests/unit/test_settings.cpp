#include <catch2/catch.hpp>

#include "core/settings.h"
#include "temp_dir.h"

TEST_CASE("settings default to the four Vietnamese class groups") {
  TempDir dir;
  std::string warning;
  Settings s = load_settings(dir.path, warning);
  CHECK(warning.empty());
  CHECK(s.class_groups == std::vector<std::string>{"Nhà trẻ", "Mầm", "Chồi", "Lá"});
  CHECK(s.last_class.empty());
}

TEST_CASE("settings survive a save and load") {
  TempDir dir;
  Settings s;
  s.device_name = "Lớp Lá 1";
  s.class_groups = {"Lá 1", "Lá 2"};
  s.last_class = "Lá 2";
  s.school = "Trường Mầm non Hoa Ban";
  s.language = "en";
  s.volume_limit = 60;
  s.sound_output = "hdmi:CARD=PCH,DEV=1";
  s.report = {"UBND xã Thanh Nưa", "Thanh Nưa", "Nguyễn Thị Hoa", "MNHB", {{"Lá 1", 30}}, "school-year:2026"};
  save_settings(dir / "new", s);
  std::string warning;
  Settings back = load_settings(dir / "new", warning);
  CHECK(warning.empty());
  CHECK(back.device_name == "Lớp Lá 1");
  CHECK(back.class_groups == s.class_groups);
  CHECK(back.sound_output == "hdmi:CARD=PCH,DEV=1");
  CHECK(back.last_class == "Lá 2");
  CHECK(back.school == "Trường Mầm non Hoa Ban");
  CHECK(back.language == "en");
  CHECK(back.volume_limit == 60);
  CHECK(back.report == s.report);
  CHECK_FALSE(std::filesystem::exists(dir / "new" / "settings.json.tmp"));
}

TEST_CASE("a malformed settings file is kept aside and defaults are used") {
  TempDir dir;
  write_file(dir / "settings.json", "{ class_groups: oops");
  std::string warning;
  Settings s = load_settings(dir.path, warning);
  CHECK(warning.find("settings.json") != std::string::npos);
  CHECK(s.class_groups.size() == 4);
  CHECK(std::filesystem::exists(dir / "settings.json.broken"));
}

TEST_CASE("class groups that would share an id or have none are left out") {
  TempDir dir;
  write_file(dir / "settings.json", R"({"class_groups": ["Lá", "La", "!!", "Chồi"]})");
  std::string warning;
  Settings s = load_settings(dir.path, warning);
  CHECK(s.class_groups == std::vector<std::string>{"Lá", "Chồi"});
  CHECK(warning.find("'La' left out") != std::string::npos);
  CHECK(warning.find("'!!' left out") != std::string::npos);
}

TEST_CASE("a volume limit that would silence the kiosk is raised to the smallest allowed") {
  TempDir dir;
  write_file(dir / "settings.json", R"({"volume_limit": 0})");
  std::string warning;
  CHECK(load_settings(dir.path, warning).volume_limit == Settings::kMinVolumeLimit);
}
