#pragma once
// What every lesson and game screen needs, handed to it by the Routes: its icons, the session that
// records its activity (core/activity.h), and the SDL event that wakes the main loop for its
// narrator's player (narrator.h). The services outlive the screens (kiosk.h). UI thread only.
#include <cstdint>

#include "app/icons.h"
#include "core/session_keeper.h"

struct ActivityServices {
  const Icons& icons;
  SessionKeeper& sessions;
  uint32_t wake_event;
};
