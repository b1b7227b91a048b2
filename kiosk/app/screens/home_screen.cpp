#include "app/screens/home_screen.h"

#include <algorithm>
#include <cmath>

#include "app/scenery.h"
#include "app/style.h"
#include "app/ui_clock.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr float kMargin = 60;
constexpr float kHeaderH = 170;
constexpr float kChipsY = 190, kChipH = 120, kChipW = 300;
constexpr float kTilesTop = 360;
constexpr float kTitleBandH = 120;
constexpr double kHintSeconds = 1;

// Icon file for a class group: the four standard Vietnamese kindergarten groups have their own.
std::string class_icon(const std::string& group) {
  std::string slug = ascii_slug(group);
  std::transform(slug.begin(), slug.end(), slug.begin(), ::tolower);
  for (const char* known : {"nha-tre", "mam", "choi", "la"})
    if (slug == known) return std::string("class-") + known;
  return "star";
}
}  // namespace

std::vector<std::filesystem::path> HomeScreen::pictures(const Icons& icons, const std::vector<std::string>& class_groups,
                                                        const Catalog& catalog) {
  std::vector<std::filesystem::path> paths = {icons.path("logo")};
  for (const auto& group : class_groups) paths.push_back(icons.path(class_icon(group)));
  for (const auto& topic : catalog.topics)
    if (!topic.cover.empty()) paths.push_back(topic.cover);
  return paths;
}

void HomeScreen::enter(double now) {
  entered_ = now;
  catalog_ = services_.content.catalog();
}

void HomeScreen::update(const Canvas& c, Targets& targets, double /*now*/) {
  const float w = c.design_width();

  chips_.clear();
  const auto& groups = services_.settings.class_groups;
  const float chips_x = kMargin + 160, chip_gap = 28;
  const float chip_w = std::min(kChipW, (w - chips_x - kMargin - chip_gap * (groups.size() - 1)) / groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    Rect r = c.px(chips_x + i * (chip_w + chip_gap), kChipsY, chip_w, kChipH);
    chips_.push_back({groups[i], r});
    targets.add("class:" + ascii_slug(groups[i]), format(tr("Class %s"), groups[i].c_str()), r);
  }

  // Topic tiles: the number of columns that gives the largest tiles in the space below the chips.
  tiles_.clear();
  const auto& topics = catalog_->topics;
  const int n = static_cast<int>(topics.size());
  if (n == 0) return;
  const float gap = 48;
  const float avail_w = w - 2 * kMargin, avail_h = c.design_height() - kTilesTop - 40;
  int cols = 1;
  float tile_w = 0;
  for (int k = 1; k <= n; ++k) {
    int r = (n + k - 1) / k;
    float by_width = (avail_w - (k - 1) * gap) / k;
    float by_height = ((avail_h - (r - 1) * gap) / r - kTitleBandH) / 0.75f;
    float size = std::min({560.0f, by_width, by_height});
    if (size > tile_w) {
      tile_w = size;
      cols = k;
    }
  }
  const float tile_h = tile_w * 0.75f + kTitleBandH;
  const float grid_w = cols * tile_w + (cols - 1) * gap;
  const float x0 = (w - grid_w) / 2;
  for (int i = 0; i < n; ++i) {
    int col = i % cols, row = i / cols;
    Rect r = c.px(x0 + col * (tile_w + gap), kTilesTop + row * (tile_h + gap), tile_w, tile_h);
    tiles_.push_back({&topics[i], r});
    if (!topics[i].broken) targets.add("topic:" + topics[i].id, topics[i].title.in(ui_language()), r);
  }
}

bool HomeScreen::animating(double now) const { return now - entered_ < 0.6 || now < hint_until_; }

void HomeScreen::activate(const std::string& id) {
  if (id.rfind("class:", 0) == 0) {
    for (const auto& chip : chips_)
      if ("class:" + ascii_slug(chip.group) == id) services_.settings.last_class = chip.group;
    services_.save_settings();
    return;
  }
  if (id.rfind("topic:", 0) == 0) {
    auto topic = share_topic(catalog_, id.substr(6));
    if (!topic) return;
    const auto& groups = services_.settings.class_groups;
    if (std::find(groups.begin(), groups.end(), services_.settings.last_class) == groups.end()) {
      hint_until_ = ui_now() + kHintSeconds;  // the class chips wiggle
      services_.notices.notify(tr("Choose a class first"));
      return;
    }
    services_.sessions.start(services_.settings.last_class, topic->id, unix_now());
    routes_.topic(std::move(topic));
  }
}

void HomeScreen::draw(const Canvas& c, double now) const {
  draw_sky(c);
  const float w = c.design_width();

  // Header: logo and name.
  c.icon(c.px(kMargin - 10, 20, 140, 140), services_.icons.get("logo"));
  c.text(c.px(kMargin + 150), c.px(38), FontSize::Huge, rgb(style::kInk), tr("Watch and Talk"));
  // A problem with the class records, for the teacher to pass on.
  std::string problem = !services_.journal_error.empty()
                            ? format(tr("The journal cannot be written: %s"), services_.journal_error.c_str())
                        : !services_.clock_problem.empty()
                            ? tr("The kiosk's date and time are wrong, so sessions are dated wrong: ask for them to be set.")
                            : "";
  if (!problem.empty()) {
    Rect banner = c.px(w / 2 + 40, 40, w / 2 - 100, 100);
    c.card(banner, rgb(0xFFE3C2), c.px(24));
    c.text_centered(banner.inset(c.px(16)), FontSize::Small, rgb(0x9A3412), problem);
  }

  // Class chips.
  bool hinting = now < hint_until_;
  float wiggle = hinting ? std::sin(static_cast<float>(now * 18)) * c.px(6) : 0;
  c.text(c.px(kMargin), c.px(kChipsY + 30), FontSize::Title, rgb(style::kInk), tr("Class"));
  for (const auto& chip : chips_) {
    bool selected = chip.group == services_.settings.last_class;
    Rect r{chip.rect.x + wiggle, chip.rect.y, chip.rect.w, chip.rect.h};
    c.card(r, selected ? rgb(style::kSun) : rgb(0xFFFFFF), c.px(style::kRadius));
    if (!selected) c.outline(r, rgb(0xFFD58A), c.px(style::kRadius), c.px(4));
    c.icon({r.x + c.px(14), r.y + c.px(12), c.px(96), c.px(96)}, services_.icons.get(class_icon(chip.group)));
    c.text_centered({r.x + c.px(110), r.y, r.w - c.px(120), r.h}, FontSize::Title,
                    selected ? rgb(0xFFFFFF) : rgb(style::kInk), chip.group, selected);
  }

  if (tiles_.empty()) {
    c.text_centered(c.px(kMargin, kTilesTop, w - 2 * kMargin, 300), FontSize::Title, rgb(style::kInk),
                    format(tr("No topics found in %s"), catalog_->dir.c_str()));
  }
  for (size_t i = 0; i < tiles_.size(); ++i) draw_tile(c, tiles_[i], now, i);
}

void HomeScreen::draw_tile(const Canvas& c, const Tile& tile, double now, size_t index) const {
  // Tiles rise into place one after another when the screen opens.
  float rise = 1 - style::ease_out(now, entered_ + 0.08 * index, 0.35);
  Rect r = tile.rect;
  r.y += c.px(60) * rise;
  const Topic& topic = *tile.topic;
  const float radius = c.px(style::kRadius);
  const unsigned int band = topic.color ? topic.color : 0x219EBC;
  const float band_h = r.h - r.w * 0.75f;
  Rect pic{r.x, r.y, r.w, r.h - band_h};
  Rect title{r.x, r.y + pic.h, r.w, band_h};

  if (topic.broken) {
    c.card(r, rgb(0xEDEDED), radius);
    c.icon({r.cx() - c.px(70), r.y + c.px(40), c.px(140), c.px(140)}, services_.icons.get("warning"));
    c.text_centered({r.x + c.px(20), r.y + c.px(190), r.w - c.px(40), c.px(70)}, FontSize::Heading, rgb(style::kInk),
                    tr("This topic cannot open"));
    std::string why = topic.problems.empty() ? "" : topic.problems.front().describe();
    c.text_centered({r.x + c.px(24), r.y + c.px(270), r.w - c.px(48), r.h - c.px(290)}, FontSize::Small,
                    rgb(0x6B7280), why);
    return;
  }
  c.card(r, rgb(band), radius);
  if (topic.cover.empty() || !c.picture(pic, c.textures().get(topic.cover), radius, ImDrawFlags_RoundCornersTop)) {
    c.fill(pic, rgb(0xFFFFFF, 120), radius, ImDrawFlags_RoundCornersTop);
    c.icon({pic.cx() - c.px(60), pic.cy() - c.px(90), c.px(120), c.px(120)}, services_.icons.get("warning"));
    c.text_centered({pic.x, pic.cy() + c.px(40), pic.w, c.px(60)}, FontSize::Small, rgb(style::kInk),
                    tr("Picture missing"));
  }
  c.text_fitted(title.inset(c.px(10)), rgb(0xFFFFFF), topic.title.in(ui_language()), true);
}
