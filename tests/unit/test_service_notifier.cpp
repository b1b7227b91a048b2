// The kiosk's messages to systemd, read from a NOTIFY_SOCKET of the test's own, as systemd reads them.
#include <catch2/catch.hpp>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "core/service_notifier.h"
#include "temp_dir.h"

namespace {
// A datagram socket where systemd would listen; the test process plays the service.
struct NotifySocket {
  TempDir dir;
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  NotifySocket(const char* watchdog_usec) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::string path = (dir / "notify").string();
    path.copy(addr.sun_path, sizeof addr.sun_path - 1);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    setenv("NOTIFY_SOCKET", path.c_str(), 1);
    if (watchdog_usec) {
      setenv("WATCHDOG_USEC", watchdog_usec, 1);
      setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    }
  }
  ~NotifySocket() {
    close(fd);
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
  }
  // The next message, or "" when none is waiting.
  std::string next() {
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, size_t(n)) : "";
  }
};
}  // namespace

TEST_CASE("the kiosk tells systemd it is ready once, then keeps the watchdog fed at half its interval") {
  NotifySocket systemd("4000000");  // WatchdogSec=4
  ServiceNotifier notifier;
  REQUIRE(notifier.watchdog_enabled());
  notifier.ready();
  CHECK(systemd.next().rfind("READY=1\n", 0) == 0);
  notifier.ready();
  CHECK(systemd.next().empty());

  CHECK(notifier.seconds_to_next(100) == 0);  // nothing sent yet: due now
  notifier.alive(100);
  CHECK(systemd.next() == "WATCHDOG=1");
  notifier.alive(101.5);
  CHECK(systemd.next().empty());  // 2 s (half of 4) have not gone by
  CHECK(notifier.seconds_to_next(101.5) == Approx(0.5));
  notifier.alive(102);
  CHECK(systemd.next() == "WATCHDOG=1");
}

TEST_CASE("a watchdog meant for another PID is not fed (kiosk relay-notify hands its own to the kiosk)") {
  NotifySocket systemd("4000000");
  setenv("WATCHDOG_PID", std::to_string(getpid() + 1).c_str(), 1);
  ServiceNotifier notifier;
  CHECK_FALSE(notifier.watchdog_enabled());
  CHECK(notifier.seconds_to_next(0) == -1);
  notifier.alive(0);
  CHECK(systemd.next().empty());
}

TEST_CASE("outside systemd the notifier does nothing") {
  unsetenv("NOTIFY_SOCKET");
  unsetenv("WATCHDOG_USEC");
  ServiceNotifier notifier;
  CHECK_FALSE(notifier.watchdog_enabled());
  notifier.ready();
  notifier.alive(5);
  CHECK(notifier.seconds_to_next(5) == -1);
}
