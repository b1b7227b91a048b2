// "Put in order": the steps of a routine (the six steps of hand washing) come shuffled; the child
// drags each into its place in the row. A step dropped on the wrong place goes back.
#include <algorithm>
#include <random>

#include "core/games/game_reader.h"

namespace {
class PutInOrder : public GameRules {
 public:
  PutInOrder(Prompt prompt, std::vector<std::filesystem::path> steps, unsigned seed) : prompt_(std::move(prompt)) {
    for (size_t i = 0; i < steps.size(); ++i) pieces_.push_back({steps[i], i});
    std::mt19937 rng(seed);
    do std::shuffle(pieces_.begin(), pieces_.end(), rng);  // never already in order
    while (std::is_sorted(pieces_.begin(), pieces_.end(), [](const Step& a, const Step& b) { return a.place < b.place; }));
    stats_.rounds = static_cast<int>(steps.size());
  }
  // Zone k is the k-th place of the routine.
  Outcome drop(size_t piece, size_t zone) override {
    if (stats_.finished || piece >= pieces_.size() || zone >= pieces_.size() || pieces_[piece].placed) return Outcome::None;
    bool right = pieces_[piece].place == zone;
    pieces_[piece].placed = right;
    return answer(right, right && stats_.right + 1 == stats_.rounds);
  }
  std::vector<Piece> pieces() const override {
    std::vector<Piece> out;
    for (const auto& s : pieces_) out.push_back({s.picture, true, s.placed, s.placed ? static_cast<int>(s.place) : -1});
    return out;
  }
  std::vector<Zone> zones() const override {
    std::vector<Zone> places;
    for (size_t i = 0; i < pieces_.size(); ++i) places.push_back({{std::to_string(i + 1), ""}, {}});
    return places;
  }
  const LocalText& prompt() const override { return prompt_.text; }
  const std::filesystem::path& narration() const override { return prompt_.narration; }

 private:
  struct Step {
    std::filesystem::path picture;
    size_t place;
    bool placed = false;
  };
  Prompt prompt_;
  std::vector<Step> pieces_;  // in the shuffled order they are shown
};

struct PutInOrderSpec : GameSpec {
  Prompt prompt;
  std::vector<std::filesystem::path> steps;  // in the routine's order
  std::unique_ptr<GameRules> start(unsigned seed) const override { return std::make_unique<PutInOrder>(prompt, steps, seed); }
  std::filesystem::path art() const override { return steps.at(0); }
};
}  // namespace

std::shared_ptr<const GameSpec> read_put_in_order(ManifestReader& reader, const nlohmann::json& spec,
                                                   const std::string& field) {
  reader.known_fields(spec, field, {"id", "template", "title", "prompt", "narration", "steps"});
  size_t before = reader.problems().size();
  auto game = std::make_shared<PutInOrderSpec>();
  game->prompt = read_prompt(reader, spec, field);
  game->steps = read_pictures(reader, spec, "steps", field, 2, 8);
  if (reader.problems().size() != before) return nullptr;
  return game;
}
