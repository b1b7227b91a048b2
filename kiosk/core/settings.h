#pragma once
// Kiosk settings kept in <data>/settings.json, edited on the admin screen.
#include <filesystem>
#include <string>
#include <vector>

#include "core/export/report_settings.h"

struct Settings {
  std::string device_name;  // shown in reports; empty until the admin names the classroom
  std::vector<std::string> class_groups{"Nhà trẻ", "Mầm", "Chồi", "Lá"};
  std::string last_class;   // the class group chosen last, preselected on the home screen
  std::string school;       // shown in reports, in full: "Trường Mầm non Thanh Hưng"
  ReportSettings report;    // the yearly report's header and signature, children per class
  std::string language;     // interface language chosen by the admin; empty: Vietnamese (or --lang)
  int volume_limit = 100;   // percent of full volume the kiosk never goes above (videos, narration, effects)
  std::string sound_output; // ALSA device the admin chose (core/sound_outputs.h); empty: automatic
  static constexpr int kMinVolumeLimit = 10;  // a limit that silences the kiosk is a mistake, not a choice
};

// Reads settings; a missing file gives the defaults. A malformed file is kept aside as
// settings.json.broken (for the admin to inspect), reported through `warning`, and defaults are used.
Settings load_settings(const std::filesystem::path& data_dir, std::string& warning);
// Writes atomically (temporary file, fsync, rename). Throws std::runtime_error on failure.
void save_settings(const std::filesystem::path& data_dir, const Settings& settings);
