#include "core/games/game_rules.h"
#include "core/games/game_reader.h"

Outcome GameRules::answer(bool right, bool last) {
  if (!right) {
    ++stats_.wrong;
    return Outcome::Wrong;
  }
  ++stats_.right;
  stats_.finished = stats_.finished || last;
  return last ? Outcome::Done : Outcome::Right;
}

Prompt read_prompt(ManifestReader& reader, const nlohmann::json& spec, const std::string& field) {
  return {reader.local_text(spec, "prompt", field + ".prompt"),
          reader.pack_file(spec, "narration", field + ".narration", false)};
}

std::vector<std::filesystem::path> read_pictures(ManifestReader& reader, const nlohmann::json& spec,
                                                 const std::string& key, const std::string& field, size_t min,
                                                 size_t max) {
  const auto& list = reader.list(spec, key, field + "." + key);
  std::vector<std::filesystem::path> pictures;
  for (size_t i = 0; i < list.size(); ++i) {
    nlohmann::json holder = {{"p", list[i]}};  // reuse the single-field checks
    pictures.push_back(reader.picture(holder, "p", field + "." + key + "[" + std::to_string(i) + "]", true));
  }
  if (list.size() < min || list.size() > max)
    reader.fail(field + "." + key, "needs " + std::to_string(min) + " to " + std::to_string(max) + " pictures");
  return pictures;
}

std::shared_ptr<const GameSpec> read_game(ManifestReader& reader, const std::string& kind, const nlohmann::json& spec,
                                          const std::string& field) {
  const GameReader* read = find_game_template(kind);
  if (!read) {
    std::string names;
    for (const auto& n : game_template_names()) names += (names.empty() ? "" : ", ") + n;
    reader.fail(field + ".template", "'" + kind + "' is not a game template (" + names + ")");
    return nullptr;
  }
  return (*read)(reader, spec, field);
}
