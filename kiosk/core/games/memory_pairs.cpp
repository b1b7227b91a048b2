// "Memory pairs": cards lie face down; the child turns two; a matching pair stays open, two that
// do not match turn back (the screen calls settle() after showing them a moment). A card may have
// its own sound (a word, an animal's call), which the screen plays when the card turns face up.
#include <algorithm>
#include <random>

#include "core/games/game_reader.h"

namespace {
struct CardFace {
  std::filesystem::path picture, audio;  // audio: empty when the card has none
};
using CardPair = std::pair<CardFace, CardFace>;

class MemoryPairs : public GameRules {
 public:
  struct Card {
    CardFace face;
    size_t pair;
    bool face_up = false, matched = false;
  };
  MemoryPairs(Prompt prompt, const std::vector<CardPair>& pairs, unsigned seed);
  Outcome tap(size_t piece) override;
  void settle() override;
  std::vector<Piece> pieces() const override {
    std::vector<Piece> out;
    for (const auto& c : cards_) {
      out.push_back({c.face.picture, c.face_up, c.matched});
      out.back().audio = c.face.audio;
    }
    return out;
  }
  const LocalText& prompt() const override { return prompt_.text; }
  const std::filesystem::path& narration() const override { return prompt_.narration; }

 private:
  Prompt prompt_;
  std::vector<Card> cards_;
  std::vector<size_t> open_;  // face-up cards not yet matched (at most two)
};

struct MemoryPairsSpec : GameSpec {
  Prompt prompt;
  std::vector<CardPair> pairs;
  std::unique_ptr<GameRules> start(unsigned seed) const override {
    return std::make_unique<MemoryPairs>(prompt, pairs, seed);
  }
  std::filesystem::path art() const override { return pairs.at(0).first.picture; }
};
}  // namespace

MemoryPairs::MemoryPairs(Prompt prompt, const std::vector<CardPair>& pairs, unsigned seed) : prompt_(std::move(prompt)) {
  for (size_t p = 0; p < pairs.size(); ++p) {
    cards_.push_back({pairs[p].first, p});
    cards_.push_back({pairs[p].second, p});
  }
  std::shuffle(cards_.begin(), cards_.end(), std::mt19937(seed));
  stats_.rounds = static_cast<int>(pairs.size());
}

Outcome MemoryPairs::tap(size_t piece) {
  if (stats_.finished || piece >= cards_.size() || cards_[piece].matched || cards_[piece].face_up) return Outcome::None;
  if (open_.size() == 2) settle();  // a quick child turns a third card: the two go back first
  cards_[piece].face_up = true;
  open_.push_back(piece);
  if (open_.size() < 2) return Outcome::None;
  bool match = cards_[open_[0]].pair == cards_[open_[1]].pair;
  if (match) {
    cards_[open_[0]].matched = cards_[open_[1]].matched = true;
    open_.clear();
  }
  bool last = match && std::all_of(cards_.begin(), cards_.end(), [](const Card& c) { return c.matched; });
  return answer(match, last);
}

void MemoryPairs::settle() {
  for (size_t i : open_) cards_[i].face_up = cards_[i].matched;
  open_.clear();
}

std::shared_ptr<const GameSpec> read_memory_pairs(ManifestReader& reader, const nlohmann::json& spec,
                                             const std::string& field) {
  reader.known_fields(spec, field, {"id", "template", "title", "prompt", "narration", "pairs"});
  // A card is a picture, or {"picture", "audio"} when it has a sound of its own.
  auto card = [&](const nlohmann::json& entry, const std::string& f) {
    CardFace face;
    if (entry.is_object()) {
      reader.known_fields(entry, f, {"picture", "audio"});
      face.picture = reader.picture(entry, "picture", f + ".picture", true);
      face.audio = reader.pack_file(entry, "audio", f + ".audio", false);
    } else {
      nlohmann::json holder = {{"picture", entry}};  // the single-field checks and messages
      face.picture = reader.picture(holder, "picture", f, true);
    }
    return face;
  };
  size_t before = reader.problems().size();
  auto game = std::make_shared<MemoryPairsSpec>();
  game->prompt = read_prompt(reader, spec, field);
  const auto& list = reader.list(spec, "pairs", field + ".pairs");
  auto& pairs = game->pairs;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string f = field + ".pairs[" + std::to_string(i) + "]";
    if (!list[i].is_array() || list[i].size() != 2) {
      reader.fail(f, "a pair needs exactly two pictures (the same one twice for twins)");
      continue;
    }
    pairs.emplace_back(card(list[i][0], f + "[0]"), card(list[i][1], f + "[1]"));
  }
  if (list.size() < 2 || list.size() > 8) reader.fail(field + ".pairs", "needs 2 to 8 pairs");
  if (reader.problems().size() != before) return nullptr;
  return game;
}
