// "Spot it in the picture": a scene and a prompt ("every child not holding an adult's hand"); the
// child taps the places that match. Each place is a circle in fractions of the scene's size.
#include <cmath>

#include "core/games/game_reader.h"

namespace {
class SpotIt : public GameRules {
 public:
  struct Spot {
    double x, y, r;
    bool found = false;
  };
  SpotIt(Prompt prompt, std::filesystem::path scene, std::vector<Spot> spots)
      : prompt_(std::move(prompt)), scene_(std::move(scene)), spots_(std::move(spots)) {
    stats_.rounds = static_cast<int>(spots_.size());
  }
  Outcome tap_at(double x, double y) override {
    if (stats_.finished) return Outcome::None;
    for (auto& s : spots_) {
      if (std::hypot(x - s.x, y - s.y) > s.r) continue;
      if (s.found) return Outcome::None;  // found already: no score, no "wrong"
      s.found = true;
      return answer(true, stats_.right + 1 == stats_.rounds);
    }
    return answer(false, false);
  }
  bool taps_scene() const override { return true; }
  // Piece 0 is the scene; piece k > 0 is spot k-1, "done" once found.
  std::vector<Piece> pieces() const override {
    std::vector<Piece> out{{scene_}};
    for (const auto& s : spots_) out.push_back({{}, true, s.found, -1, s.x, s.y, s.r});
    return out;
  }
  const LocalText& prompt() const override { return prompt_.text; }
  const std::filesystem::path& narration() const override { return prompt_.narration; }

 private:
  Prompt prompt_;
  std::filesystem::path scene_;
  std::vector<Spot> spots_;
};

struct SpotItSpec : GameSpec {
  Prompt prompt;
  std::filesystem::path scene;
  std::vector<SpotIt::Spot> spots;
  std::unique_ptr<GameRules> start(unsigned /*seed*/) const override { return std::make_unique<SpotIt>(prompt, scene, spots); }
  std::filesystem::path art() const override { return scene; }
};
}  // namespace

std::shared_ptr<const GameSpec> read_spot_it(ManifestReader& reader, const nlohmann::json& spec,
                                              const std::string& field) {
  reader.known_fields(spec, field, {"id", "template", "title", "prompt", "narration", "scene", "spots"});
  size_t before = reader.problems().size();
  auto game = std::make_shared<SpotItSpec>();
  game->prompt = read_prompt(reader, spec, field);
  game->scene = reader.picture(spec, "scene", field + ".scene", true);
  auto& spots = game->spots;
  const auto& list = reader.list(spec, "spots", field + ".spots");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string f = field + ".spots[" + std::to_string(i) + "]";
    reader.known_fields(list[i], f, {"x", "y", "r"});
    auto x = reader.number(list[i], "x", f + ".x", true), y = reader.number(list[i], "y", f + ".y", true);
    auto r = reader.number(list[i], "r", f + ".r", true);
    if (x && y && r && (*x > 1 || *y > 1 || *r <= 0 || *r > 0.5)) {
      reader.fail(f, "x and y are fractions of the scene (0 to 1), r a radius above 0 and at most 0.5");
    } else if (x && y && r) {
      spots.push_back({*x, *y, *r});
    }
  }
  if (list.empty()) reader.fail(field + ".spots", "needs at least one place to find");
  if (reader.problems().size() != before) return nullptr;
  return game;
}
