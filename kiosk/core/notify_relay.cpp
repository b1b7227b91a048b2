#include "core/notify_relay.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {
void exec_command(const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  std::fprintf(stderr, "kiosk relay-notify: cannot run %s: %s\n", argv[0], std::strerror(errno));
}

// The lines systemd should hear about the kiosk; MAINPID= and the like stay with the relay.
std::string wanted_lines(const std::string& message) {
  std::istringstream in(message);
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("READY=", 0) == 0 || line.rfind("WATCHDOG=", 0) == 0 || line.rfind("STATUS=", 0) == 0)
      out += line + "\n";
  return out;
}
// Only the kiosk speaks for the service: Xorg, also xinit's child, says READY=1 as soon as it
// listens, long before the home screen is up.
bool same_program(pid_t pid) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  auto other = std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec);
  return !ec && self == other;
}
// Every process below the relay now: its children, theirs, and orphans it adopted as subreaper.
std::vector<pid_t> descendants() {
  std::vector<std::pair<pid_t, pid_t>> parents;  // pid, parent
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;  // not a process
    std::ifstream stat(e.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), {});
    auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(text.substr(close + 2));
    char state;
    pid_t ppid;
    if (rest >> state >> ppid) parents.push_back({std::stoi(name), ppid});
  }
  std::vector<pid_t> found{getpid()};
  for (size_t i = 0; i < found.size(); ++i)
    for (auto [pid, ppid] : parents)
      if (ppid == found[i]) found.push_back(pid);
  found.erase(found.begin());
  return found;
}
}  // namespace

int run_notify_relay(const std::vector<std::string>& command) {
  if (command.empty()) return 1;
  if (!std::getenv("NOTIFY_SOCKET")) {
    exec_command(command);
    return 1;
  }
  int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string name = "xem-va-noi-notify-" + std::to_string(getpid());
  std::memcpy(addr.sun_path + 1, name.data(), name.size());  // abstract: nothing left on disk
  socklen_t len = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + name.size());
  int on = 1;
  if (sock < 0 || bind(sock, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      setsockopt(sock, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) != 0) {
    std::fprintf(stderr, "kiosk relay-notify: cannot open its socket: %s\n", std::strerror(errno));
    return 1;
  }
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
  sigprocmask(SIG_BLOCK, &signals, nullptr);
  // A killed xinit must not leave a stopped kiosk or an X server behind: orphans come to the relay.
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  pid_t child = fork();
  if (child == 0) {
    sigprocmask(SIG_UNBLOCK, &signals, nullptr);
    setenv("NOTIFY_SOCKET", ("@" + name).c_str(), 1);
    unsetenv("WATCHDOG_PID");
    exec_command(command);
    _exit(127);
  }
  if (child < 0) return 1;
  int sigfd = signalfd(-1, &signals, SFD_CLOEXEC);
  for (;;) {
    pollfd fds[] = {{sock, POLLIN, 0}, {sigfd, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) continue;
    if (fds[0].revents & POLLIN) {
      char buf[4096];
      alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
      iovec iov{buf, sizeof buf - 1};
      msghdr msg{};
      msg.msg_iov = &iov;
      msg.msg_iovlen = 1;
      msg.msg_control = control;
      msg.msg_controllen = sizeof control;
      ssize_t n = recvmsg(sock, &msg, MSG_DONTWAIT);
      const cmsghdr* c = n > 0 ? CMSG_FIRSTHDR(&msg) : nullptr;
      if (c && c->cmsg_type == SCM_CREDENTIALS) {
        ucred cred;
        std::memcpy(&cred, CMSG_DATA(c), sizeof cred);
        std::string lines = wanted_lines(std::string(buf, size_t(n)));
        if (cred.uid == getuid() && !lines.empty() && same_program(cred.pid)) sd_notify(0, lines.c_str());
      }
    }
    if (fds[1].revents & POLLIN) {
      signalfd_siginfo info;
      if (read(sigfd, &info, sizeof info) != sizeof info) continue;
      if (info.ssi_signo != SIGCHLD) {  // stop (or the watchdog): xinit ends the session
        kill(child, int(info.ssi_signo));
        for (pid_t p : descendants()) kill(p, SIGCONT);  // a stopped (hung) kiosk must hear it too
        continue;
      }
      int status = 0;
      if (waitpid(child, &status, WNOHANG) != child) {
        while (waitpid(-1, nullptr, WNOHANG) > 0) {}  // adopted orphans that ended
        continue;
      }
      for (pid_t p : descendants()) kill(p, SIGKILL);  // whatever xinit left behind
      while (waitpid(-1, nullptr, 0) > 0) {}
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
  }
}
