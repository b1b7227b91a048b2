#pragma once
// Tells systemd how the kiosk is doing, through libsystemd's sd_notify: READY=1 once the first home
// frame is on screen (the unit is Type=notify), then WATCHDOG=1 from the main loop at half the
// unit's WatchdogSec=, so that a loop that hangs (a stuck driver, a deadlock) is killed and the
// service restarted. Outside systemd (no NOTIFY_SOCKET, e.g. a developer's terminal) every call
// does nothing.
//
// Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID once, when constructed. Main thread only.
// Times are seconds on any monotonic clock, passed in.
class ServiceNotifier {
 public:
  ServiceNotifier();
  // The kiosk is up (sent once; later calls do nothing).
  void ready();
  // Sends a keep-alive when half the watchdog interval has gone by since the last one.
  void alive(double now);
  // Seconds until alive() must run again (-1: no watchdog), for the main loop's wait.
  double seconds_to_next(double now) const;
  bool watchdog_enabled() const { return interval_ > 0; }

 private:
  double interval_ = 0;  // half of WatchdogSec=, in seconds; 0 without a watchdog
  double last_ = -1;
  bool ready_sent_ = false;
};
