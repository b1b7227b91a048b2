#include "core/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <cstdio>

ServiceNotifier::ServiceNotifier() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_ = usec / 2e6;
}

void ServiceNotifier::ready() {
  if (ready_sent_) return;
  ready_sent_ = true;
  if (sd_notify(0, "READY=1\nSTATUS=On the home screen") < 0) std::fprintf(stderr, "kiosk: sd_notify READY failed\n");
}

void ServiceNotifier::alive(double now) {
  if (interval_ <= 0 || (last_ >= 0 && now - last_ < interval_)) return;
  last_ = now;
  sd_notify(0, "WATCHDOG=1");
}

double ServiceNotifier::seconds_to_next(double now) const {
  if (interval_ <= 0) return -1;
  if (last_ < 0) return 0;
  double left = last_ + interval_ - now;
  return left > 0 ? left : 0;
}
