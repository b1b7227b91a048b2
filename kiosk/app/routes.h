#pragma once
// Which screen opens which: the kiosk's one route table. Screens ask for a route; the Navigator
// carries it out between frames (core/navigator.h).
//
//   home ─topic tile─► topic ─card─► video lesson | story | game ─Back─► topic, as it was
//                        └─finish─► summary, in the topic's place ─home─► home
//   home ─admin door─► PIN pad ─right PIN─► admin, in the pad's place ─close─► home
//   admin ─change PIN─► PIN pad ─Back, or the new PIN saved─► admin, as it was
//   PIN pad or admin left alone ─► home
//
// It is also where each screen is handed the services it uses, from the Kiosk (kiosk.h).
// Lifetime: the App owns it with the Navigator; screens keep a reference. UI thread only.
#include <memory>

#include "app/screen.h"
#include "core/navigator.h"
#include "core/catalog.h"
#include "core/journal.h"

struct Kiosk;

class Routes {
 public:
  Routes(Navigator<Screen>& navigator, Kiosk& kiosk) : navigator_(navigator), kiosk_(kiosk) {}

  void start();  // the home screen, the first and lowest of the stack
  // A session has started on `topic`.
  void topic(std::shared_ptr<const Topic> topic);
  // A card of the topic screen: the lesson or game `entry` of `topic`, by its kind.
  void entry(std::shared_ptr<const Topic> topic, const Entry& entry);
  // The session is over: its figures, in the topic screen's place.
  void summary(std::shared_ptr<const Topic> topic, SessionRow row);
  // The admin door was opened on the home screen: check the PIN, or choose the first one.
  void admin_door();
  // The PIN was right, or a new one was saved: admin mode.
  void admin();
  // Admin mode's "change the admin PIN".
  void change_pin();
  void back();  // to the screen below, as it was left
  void home();  // every screen but home goes

 private:
  Navigator<Screen>& navigator_;
  Kiosk& kiosk_;
};
