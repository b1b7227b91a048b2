#pragma once
// A tmpfs mounted on a folder for a test's lifetime, unmounted (lazily) whatever happens: a full,
// small or read-only disk or stick. Mounting needs root (as in CI); without it the test warns that
// it was skipped, and callers return when `mounted` is false.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

struct TmpfsMount {
  std::filesystem::path dir;
  bool mounted = false;
  // `size` as mount(8) takes it: "200k", "70m".
  TmpfsMount(const std::filesystem::path& where, unsigned long flags, const std::string& size) : dir(where) {
    std::filesystem::create_directories(dir);
    if (geteuid() != 0) {
      WARN("not root: tmpfs test skipped");
      return;
    }
    mounted = mount("tmpfs", dir.c_str(), "tmpfs", flags, ("size=" + size).c_str()) == 0;
    if (!mounted) WARN(std::string("cannot mount tmpfs, test skipped: ") + std::strerror(errno));
  }
  ~TmpfsMount() {
    if (mounted) umount2(dir.c_str(), MNT_DETACH);
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;
  void unmount() {
    umount2(dir.c_str(), MNT_DETACH);
    mounted = false;
  }
};
