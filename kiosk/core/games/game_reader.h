#pragma once
// Reading a game entry of a manifest into its GameSpec (game_rules.h). Used by the catalog's loader
// and the template files only: nothing else sees the manifest's JSON.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/games/game_rules.h"
#include "core/manifest_reader.h"

// Reads a game entry (kind = template name) of a pack; nullptr after adding problems.
using GameReader = std::shared_ptr<const GameSpec> (*)(ManifestReader& reader, const nlohmann::json& spec,
                                                       const std::string& field);
const GameReader* find_game_template(const std::string& name);
std::vector<std::string> game_template_names();

// The game entry `spec` of template `kind`; nullptr after adding problems (an unknown template too).
std::shared_ptr<const GameSpec> read_game(ManifestReader& reader, const std::string& kind, const nlohmann::json& spec,
                                          const std::string& field);

// Shared by the templates: the game's prompt and optional narration, and a list of pictures.
struct Prompt {
  LocalText text;
  std::filesystem::path narration;
};
Prompt read_prompt(ManifestReader& reader, const nlohmann::json& spec, const std::string& field);
std::vector<std::filesystem::path> read_pictures(ManifestReader& reader, const nlohmann::json& spec,
                                                 const std::string& key, const std::string& field, size_t min,
                                                 size_t max);
