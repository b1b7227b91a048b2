// "Sort into groups": the child drags each picture into one of two or three labelled baskets (safe /
// not safe, clean / dirty). A picture dropped in the wrong basket goes back to try again.
#include "core/games/game_reader.h"

namespace {
class SortGroups : public GameRules {
 public:
  struct Item {
    std::filesystem::path picture;
    size_t group;
    bool sorted = false;
  };
  SortGroups(Prompt prompt, std::vector<Zone> groups, std::vector<Item> items)
      : prompt_(std::move(prompt)), groups_(std::move(groups)), items_(std::move(items)) {
    stats_.rounds = static_cast<int>(items_.size());
  }
  Outcome drop(size_t piece, size_t zone) override {
    if (stats_.finished || piece >= items_.size() || zone >= groups_.size() || items_[piece].sorted) return Outcome::None;
    bool right = items_[piece].group == zone;
    items_[piece].sorted = right;
    bool last = right && stats_.right + 1 == stats_.rounds;
    return answer(right, last);
  }
  std::vector<Piece> pieces() const override {
    std::vector<Piece> out;
    for (const auto& i : items_) out.push_back({i.picture, true, i.sorted, i.sorted ? static_cast<int>(i.group) : -1});
    return out;
  }
  std::vector<Zone> zones() const override { return groups_; }
  const LocalText& prompt() const override { return prompt_.text; }
  const std::filesystem::path& narration() const override { return prompt_.narration; }

 private:
  Prompt prompt_;
  std::vector<Zone> groups_;
  std::vector<Item> items_;
};

struct SortGroupsSpec : GameSpec {
  Prompt prompt;
  std::vector<Zone> groups;
  std::vector<SortGroups::Item> items;
  std::unique_ptr<GameRules> start(unsigned /*seed*/) const override {
    return std::make_unique<SortGroups>(prompt, groups, items);
  }
  std::filesystem::path art() const override { return items.at(0).picture; }
};
}  // namespace

std::shared_ptr<const GameSpec> read_sort_groups(ManifestReader& reader, const nlohmann::json& spec,
                                                  const std::string& field) {
  reader.known_fields(spec, field, {"id", "template", "title", "prompt", "narration", "groups", "items"});
  size_t before = reader.problems().size();
  auto game = std::make_shared<SortGroupsSpec>();
  game->prompt = read_prompt(reader, spec, field);
  auto& groups = game->groups;
  const auto& group_list = reader.list(spec, "groups", field + ".groups");
  for (size_t i = 0; i < group_list.size(); ++i) {
    const std::string f = field + ".groups[" + std::to_string(i) + "]";
    reader.known_fields(group_list[i], f, {"label", "picture"});
    groups.push_back({reader.local_text(group_list[i], "label", f + ".label"), reader.picture(group_list[i], "picture", f + ".picture", true)});
  }
  if (groups.size() < 2 || groups.size() > 3) reader.fail(field + ".groups", "needs 2 or 3 groups");
  auto& items = game->items;
  const auto& item_list = reader.list(spec, "items", field + ".items");
  for (size_t i = 0; i < item_list.size(); ++i) {
    const std::string f = field + ".items[" + std::to_string(i) + "]";
    reader.known_fields(item_list[i], f, {"picture", "group"});
    SortGroups::Item item{reader.picture(item_list[i], "picture", f + ".picture", true), 0};
    if (!item_list[i].contains("group") || !item_list[i]["group"].is_number_unsigned() ||
        item_list[i]["group"].get<size_t>() >= groups.size()) {
      reader.fail(f + ".group", "must be the number of its group, from 0 to " + std::to_string(groups.empty() ? 0 : groups.size() - 1));
    } else {
      item.group = item_list[i]["group"].get<size_t>();
    }
    items.push_back(item);
  }
  if (items.size() < 2 || items.size() > 12) reader.fail(field + ".items", "needs 2 to 12 pictures to sort");
  if (reader.problems().size() != before) return nullptr;
  return game;
}
