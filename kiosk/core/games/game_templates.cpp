// The game templates, by the name a manifest gives in "template". A new template is one file in
// this folder and one line here.
#include <map>

#include "core/games/game_reader.h"

std::shared_ptr<const GameSpec> read_choose_picture(ManifestReader&, const nlohmann::json&, const std::string&);
std::shared_ptr<const GameSpec> read_memory_pairs(ManifestReader&, const nlohmann::json&, const std::string&);
std::shared_ptr<const GameSpec> read_sort_groups(ManifestReader&, const nlohmann::json&, const std::string&);
std::shared_ptr<const GameSpec> read_put_in_order(ManifestReader&, const nlohmann::json&, const std::string&);
std::shared_ptr<const GameSpec> read_spot_it(ManifestReader&, const nlohmann::json&, const std::string&);

namespace {
const std::map<std::string, GameReader>& templates() {
  static const std::map<std::string, GameReader> all = {
      {"choose-picture", read_choose_picture},
      {"memory-pairs", read_memory_pairs},
      {"sort-groups", read_sort_groups},
      {"put-in-order", read_put_in_order},
      {"spot-it", read_spot_it},
  };
  return all;
}
}  // namespace

const GameReader* find_game_template(const std::string& name) {
  auto it = templates().find(name);
  return it == templates().end() ? nullptr : &it->second;
}

std::vector<std::string> game_template_names() {
  std::vector<std::string> names;
  for (const auto& [name, _] : templates()) names.push_back(name);
  return names;
}
