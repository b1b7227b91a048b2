#pragma once
// Reads fields of a pack's topic.json, adding a Problem (file + field + message) for each fault.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog.h"

namespace fs = std::filesystem;

bool looks_like_picture(const fs::path& file);  // a picture by its first bytes (media_kind.h)
bool is_valid_id(const std::string& id);        // a-z, 0-9 and single '-' between

class ManifestReader {
 public:
  ManifestReader(const fs::path& pack_dir, const fs::path& manifest, std::vector<Problem>& problems)
      : dir_(pack_dir), manifest_(manifest), problems_(problems) {}

  void fail(const std::string& field, const std::string& message);
  // A {"vi": ..., "en": ...} object; Vietnamese is required, English may be left out.
  LocalText local_text(const nlohmann::json& parent, const std::string& key, const std::string& field);
  std::string string_field(const nlohmann::json& parent, const std::string& key, const std::string& field, bool required);
  std::string id_field(const nlohmann::json& parent, const std::string& field);
  std::optional<double> number(const nlohmann::json& parent, const std::string& key, const std::string& field,
                               bool required);
  // A file inside the pack (see resolve_pack_file); empty when missing, optional and absent, or refused.
  fs::path pack_file(const nlohmann::json& parent, const std::string& key, const std::string& field, bool required);
  // As pack_file, and the file must be a picture (PNG, JPEG, WebP, GIF, HEIC).
  fs::path picture(const nlohmann::json& parent, const std::string& key, const std::string& field, bool required);
  // The array under `key` (absent: empty); a non-array is a problem.
  const nlohmann::json& list(const nlohmann::json& parent, const std::string& key, const std::string& field);

  // A field not in `known` is a problem: most often a typo ("lesson" for "lessons") that would
  // otherwise silently leave something out. `field` prefixes the names in messages.
  void known_fields(const nlohmann::json& object, const std::string& field, std::initializer_list<const char*> known);

  std::vector<Problem>& problems() { return problems_; }
  // Every text local_text() has read so far (each language), in NFC: what the pack shows.
  const std::vector<std::string>& texts() const { return texts_; }

 private:
  fs::path dir_, manifest_;
  std::vector<Problem>& problems_;
  std::vector<std::string> texts_;
};
