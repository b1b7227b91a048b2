#include "app/notices.h"

#include <cstdio>

#include "app/ui_clock.h"

namespace {
constexpr double kShownSeconds = 5;
}

void Notices::notify(std::string text, Kind kind) {
  std::fprintf(stderr, "kiosk: %s\n", text.c_str());
  text_ = std::move(text);
  kind_ = kind;
  until_ = ui_now() + kShownSeconds;
}
