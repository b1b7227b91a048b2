// The kiosk as systemd runs it: `kiosk relay-notify -- kiosk ...` is the unit's main process, and
// a socket of the test's own plays systemd's NOTIFY_SOCKET. The kiosk says READY=1 once the home
// screen is up and feeds the watchdog from its main loop; a stopped main loop stops feeding it.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "harness.h"

namespace {
struct Message {
  std::string text;
  pid_t sender;
};

// systemd's side of the protocol: a datagram socket that learns each sender's PID.
class FakeSystemd {
 public:
  explicit FakeSystemd(const std::filesystem::path& path) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path.string().copy(addr.sun_path, sizeof addr.sun_path - 1);
    int on = 1;
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(setsockopt(fd_, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == 0);
  }
  ~FakeSystemd() { close(fd_); }
  // Every message waiting now.
  std::vector<Message> take() {
    std::vector<Message> out;
    for (;;) {
      char buf[1024];
      alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
      iovec iov{buf, sizeof buf};
      msghdr msg{};
      msg.msg_iov = &iov;
      msg.msg_iovlen = 1;
      msg.msg_control = control;
      msg.msg_controllen = sizeof control;
      ssize_t n = recvmsg(fd_, &msg, 0);
      if (n <= 0) return out;
      ucred cred{};
      if (const cmsghdr* c = CMSG_FIRSTHDR(&msg); c && c->cmsg_type == SCM_CREDENTIALS)
        std::memcpy(&cred, CMSG_DATA(c), sizeof cred);
      out.push_back({std::string(buf, size_t(n)), cred.pid});
    }
  }

 private:
  int fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
};

int count(const std::vector<Message>& messages, const std::string& line) {
  int n = 0;
  for (const auto& m : messages) n += m.text.find(line) != std::string::npos;
  return n;
}

pid_t only_child(pid_t parent) {
  std::ifstream in("/proc/" + std::to_string(parent) + "/task/" + std::to_string(parent) + "/children");
  pid_t child = -1;
  in >> child;
  return child;
}
}  // namespace

TEST_CASE("under systemd the kiosk says ready at its first home frame and feeds the watchdog only while its loop runs") {
  KioskRun k;
  ensure_display();  // before NOTIFY_SOCKET is set: Xvfb would say READY=1 there too
  FakeSystemd systemd(k.dir / "notify");
  setenv("NOTIFY_SOCKET", (k.dir / "notify").c_str(), 1);
  setenv("WATCHDOG_USEC", "1000000", 1);  // WatchdogSec=1: a keep-alive every half second
  std::vector<std::string> args = {"relay-notify", "--", KIOSK_EXE};
  auto kiosk_args = k.args(k.dir / "no-replay");
  std::vector<std::string> without_replay(kiosk_args.begin(), kiosk_args.end() - 2);  // no --replay FILE
  args.insert(args.end(), without_replay.begin(), without_replay.end());
  KioskProcess relay(args, k.dir.path);
  unsetenv("NOTIFY_SOCKET");
  unsetenv("WATCHDOG_USEC");

  std::vector<Message> seen;
  auto heard = [&](const std::string& line, int times) {
    return wait_until([&] {
      auto more = systemd.take();
      seen.insert(seen.end(), more.begin(), more.end());
      return count(seen, line) >= times;
    }, 30);
  };
  REQUIRE(heard("READY=1", 1));
  CHECK(count(seen, "READY=1") == 1);
  CHECK(wait_until([&] { return read_json(k.tree)["screen"] == "home"; }, 5));
  REQUIRE(heard("WATCHDOG=1", 3));
  for (const auto& m : seen) CHECK(m.sender == relay.pid());  // all as the unit's main process

  pid_t kiosk = only_child(relay.pid());
  REQUIRE(kiosk > 0);
  REQUIRE(kill(kiosk, SIGSTOP) == 0);  // a hung main loop
  // What the relay still had on its way is let through and dropped; then the silence is checked.
  static_cast<void>(wait_until([&] { systemd.take(); return false; }, 1));
  seen.clear();
  CHECK_FALSE(wait_until([&] { return !systemd.take().empty(); }, 3));  // six keep-alives missed: systemd would kill it
  REQUIRE(kill(kiosk, SIGCONT) == 0);
  CHECK(heard("WATCHDOG=1", 2));

  kill(relay.pid(), SIGTERM);  // systemctl stop: passed on to the kiosk, which ends cleanly
  CHECK(relay.wait(20) == 0);
}
