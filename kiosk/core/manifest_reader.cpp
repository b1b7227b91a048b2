#include "core/manifest_reader.h"

#include <algorithm>
#include <fstream>
#include <regex>

#include "core/media_kind.h"
#include "core/text.h"

using nlohmann::json;

bool looks_like_picture(const fs::path& file) { return media_kind(file) == MediaKind::picture; }

bool is_valid_id(const std::string& id) {
  static const std::regex pattern("[a-z0-9]+(-[a-z0-9]+)*");
  return std::regex_match(id, pattern);
}

void ManifestReader::fail(const std::string& field, const std::string& message) {
  problems_.push_back({manifest_, field, message});
}

LocalText ManifestReader::local_text(const json& parent, const std::string& key, const std::string& field) {
  LocalText text;
  if (!parent.contains(key)) {
    fail(field, "missing (needs {\"vi\": ..., \"en\": ...})");
    return text;
  }
  const json& j = parent[key];
  if (!j.is_object()) {
    fail(field, "must be an object {\"vi\": ..., \"en\": ...}");
    return text;
  }
  text.vi = nfc(string_field(j, "vi", field + ".vi", true));  // a text typed with Unikey's "tổ hợp" is decomposed
  text.en = nfc(string_field(j, "en", field + ".en", false));
  for (const std::string* t : {&text.vi, &text.en})
    if (!t->empty()) texts_.push_back(*t);
  return text;
}

std::string ManifestReader::string_field(const json& parent, const std::string& key, const std::string& field,
                                         bool required) {
  if (!parent.contains(key)) {
    if (required) fail(field, "missing");
    return {};
  }
  if (!parent[key].is_string() || parent[key].get<std::string>().empty()) {
    fail(field, "must be a non-empty text");
    return {};
  }
  return parent[key].get<std::string>();
}

std::string ManifestReader::id_field(const json& parent, const std::string& field) {
  auto id = string_field(parent, "id", field + ".id", true);
  if (!id.empty() && !is_valid_id(id)) {
    fail(field + ".id", "'" + id + "' must use only a-z, 0-9 and '-' (it names the element in logs and tests)");
  }
  return id;
}

std::optional<double> ManifestReader::number(const json& parent, const std::string& key, const std::string& field,
                                             bool required) {
  if (!parent.contains(key)) {
    if (required) fail(field, "missing");
    return std::nullopt;
  }
  if (!parent[key].is_number() || parent[key].get<double>() < 0) {
    fail(field, "must be a number of seconds, 0 or more");
    return std::nullopt;
  }
  return parent[key].get<double>();
}

fs::path ManifestReader::pack_file(const json& parent, const std::string& key, const std::string& field,
                                   bool required) {
  auto relative = string_field(parent, key, field, required);
  return relative.empty() ? fs::path() : resolve_pack_file(dir_, manifest_, field, relative, problems_);
}

fs::path ManifestReader::picture(const json& parent, const std::string& key, const std::string& field, bool required) {
  auto path = pack_file(parent, key, field, required);
  if (!path.empty() && !looks_like_picture(path)) {
    fail(field, "'" + parent[key].get<std::string>() + "' is not a PNG, JPEG, WebP, GIF or HEIC picture");
    return {};
  }
  return path;
}

const json& ManifestReader::list(const json& parent, const std::string& key, const std::string& field) {
  static const json empty = json::array();
  if (!parent.contains(key)) return empty;
  if (!parent[key].is_array()) {
    fail(field, "must be a list");
    return empty;
  }
  return parent[key];
}

void ManifestReader::known_fields(const json& object, const std::string& field, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : object.items()) {
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
      fail(field.empty() ? key : field + "." + key, "unknown field (a typo?)");
  }
}
