#include <catch2/catch.hpp>

#include "core/usb_sticks.h"
#include "temp_dir.h"

TEST_CASE("the mount table is parsed with its escaped spaces and read-only flags") {
  auto mounts = parse_mounts(
      "/dev/sda1 / ext4 rw,relatime 0 0\n"
      "/dev/sdb1 /run/media/system/USB\\040CO\\040GIAO vfat rw,nosuid,nodev,relatime,fmask=0022 0 0\n"
      "/dev/sdc1 /media/kiosk/SACH exfat ro,nosuid 0 0\n"
      "broken line\n");
  REQUIRE(mounts.size() == 3);
  CHECK(mounts[1].source == "/dev/sdb1");
  CHECK(mounts[1].target == "/run/media/system/USB CO GIAO");
  CHECK(mounts[1].type == "vfat");
  CHECK_FALSE(mounts[1].read_only);
  CHECK(mounts[2].read_only);

  auto sticks = removable_mounts(mounts);  // the root filesystem is not a stick
  REQUIRE(sticks.size() == 2);
  CHECK(sticks[0].name == "USB CO GIAO");
  CHECK(sticks[1].name == "SACH");
  CHECK(sticks[1].read_only);
  CHECK(removable_mounts(parse_mounts("tmpfs /run/media/x tmpfs rw 0 0\n/dev/sdb1 /mnt/backup ext4 rw 0 0\n")).empty());
}

TEST_CASE("with a stand-in root every folder inside it is a stick, with its free space") {
  TempDir root;
  std::filesystem::create_directories(root / "USB Cô Lan");
  std::filesystem::create_directories(root / "KINGSTON");
  std::filesystem::create_directories(root / ".Trash-0");
  write_file(root / "not-a-stick.txt", "x");
  auto sticks = find_usb_sticks(root.path);
  REQUIRE(sticks.size() == 2);
  CHECK(sticks[0].name == "KINGSTON");
  CHECK(sticks[1].name == "USB Cô Lan");
  CHECK(sticks[1].path == root / "USB Cô Lan");
  CHECK(sticks[0].size_bytes > 0);
  CHECK(sticks[0].free_bytes <= sticks[0].size_bytes);
}
