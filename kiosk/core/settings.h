#pragma once
// Kiosk settings kept in <data>/settings.json, editable by the admin (later from the admin screen).
#include <filesystem>
#include <string>
#include <vector>

struct Settings {
  std::string device_name;  // shown in reports; empty until the admin names the classroom
  std::vector<std::string> class_groups{"Nhà trẻ", "Mầm", "Chồi", "Lá"};
  std::string last_class;   // the class group chosen last, preselected on the home screen
};

// Reads settings; a missing file gives the defaults. A malformed file is kept aside as
// settings.json.broken (for the admin to inspect), reported through `warning`, and defaults are used.
Settings load_settings(const std::filesystem::path& data_dir, std::string& warning);
// Writes atomically (temporary file, fsync, rename). Throws std::runtime_error on failure.
void save_settings(const std::filesystem::path& data_dir, const Settings& settings);
