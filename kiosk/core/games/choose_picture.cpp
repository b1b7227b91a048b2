// "Choose the right picture": each round asks a spoken question and shows 2-4 pictures; the child
// taps the right one. A wrong tap is counted and the round waits for another try.
#include "core/games/game_reader.h"

namespace {
class ChoosePicture : public GameRules {
 public:
  struct Round {
    Prompt prompt;
    std::vector<std::filesystem::path> pictures;
    size_t answer = 0;
  };
  explicit ChoosePicture(std::vector<Round> rounds) : rounds_(std::move(rounds)) {
    stats_.rounds = static_cast<int>(rounds_.size());
  }
  Outcome tap(size_t piece) override {
    if (stats_.finished || piece >= rounds_[round_].pictures.size()) return Outcome::None;
    bool right = piece == rounds_[round_].answer;
    bool last = right && round_ + 1 == rounds_.size();
    Outcome outcome = answer(right, last);
    if (outcome == Outcome::Right) ++round_;
    return outcome;
  }
  std::vector<Piece> pieces() const override {
    std::vector<Piece> out;
    for (const auto& p : rounds_[round_].pictures) out.push_back({p});
    return out;
  }
  const LocalText& prompt() const override { return rounds_[round_].prompt.text; }
  const std::filesystem::path& narration() const override { return rounds_[round_].prompt.narration; }

 private:
  std::vector<Round> rounds_;
  size_t round_ = 0;
};

struct ChoosePictureSpec : GameSpec {
  std::vector<ChoosePicture::Round> rounds;
  std::unique_ptr<GameRules> start(unsigned /*seed*/) const override { return std::make_unique<ChoosePicture>(rounds); }
  std::filesystem::path art() const override { return rounds.at(0).pictures.at(0); }
};
}  // namespace

std::shared_ptr<const GameSpec> read_choose_picture(ManifestReader& reader, const nlohmann::json& spec,
                                               const std::string& field) {
  reader.known_fields(spec, field, {"id", "template", "title", "rounds"});
  const auto& list = reader.list(spec, "rounds", field + ".rounds");
  auto game = std::make_shared<ChoosePictureSpec>();
  auto& rounds = game->rounds;
  bool ok = !list.empty();
  if (list.empty()) reader.fail(field + ".rounds", "a game needs at least one round");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string f = field + ".rounds[" + std::to_string(i) + "]";
    reader.known_fields(list[i], f, {"prompt", "narration", "pictures", "answer"});
    size_t before = reader.problems().size();
    ChoosePicture::Round round{read_prompt(reader, list[i], f), read_pictures(reader, list[i], "pictures", f, 2, 4), 0};
    if (!list[i].contains("answer") || !list[i]["answer"].is_number_unsigned() ||
        list[i]["answer"].get<size_t>() >= round.pictures.size()) {
      reader.fail(f + ".answer", "must be the number of the right picture, from 0 to " +
                                     std::to_string(round.pictures.empty() ? 0 : round.pictures.size() - 1));
    } else {
      round.answer = list[i]["answer"].get<size_t>();
    }
    ok = ok && reader.problems().size() == before;
    rounds.push_back(std::move(round));
  }
  return ok ? game : nullptr;
}
