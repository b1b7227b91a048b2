#pragma once
// USB sticks the admin can use, found from the mount table.
//
// How a stick gets mounted is not the kiosk's business: deploy/ has a udev rule that asks systemd to
// mount any USB filesystem under /run/media/system/<label> (udisks2 or a desktop do the same under
// /media/<user> or /run/media/<user>). The kiosk reads /proc/self/mounts, which is cheap enough to
// read every second while the admin screen is open, so a stick shows up by itself.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

struct MountEntry {
  std::string source;            // /dev/sdb1
  std::filesystem::path target;  // /run/media/system/KINGSTON
  std::string type;              // vfat, exfat, ext4...
  bool read_only = false;
};

// Parses /proc/self/mounts text (fields are space separated, spaces in paths escaped as \040).
std::vector<MountEntry> parse_mounts(const std::string& text);

struct UsbStick {
  std::string name;              // the label (the mount folder's name)
  std::filesystem::path path;
  uint64_t free_bytes = 0, size_bytes = 0;
  bool read_only = false;
};

// The mounts that are removable media: a device mounted under /media or /run/media.
std::vector<UsbStick> removable_mounts(const std::vector<MountEntry>& mounts);

// The sticks mounted now, sorted by name. With `stand_in_root` (--usb-root) every folder inside it
// stands for a mounted stick instead (tests, or a machine that mounts sticks elsewhere).
std::vector<UsbStick> find_usb_sticks(const std::filesystem::path& stand_in_root = {});
