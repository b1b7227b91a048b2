#include "app/media_player.h"

#include <dlfcn.h>

#include <cstring>
#include <future>
#include <mutex>
#include <stdexcept>

#include "core/paths.h"

MediaPlayer::Setup MediaPlayer::setup_;

namespace {
// The loaded module's factory, or why there is none.
struct Module {
  KioskMpvCreate create = nullptr;
  std::string error;
};

Module load_module() {
  const auto file = find_install_paths().modules / "kiosk-mpv.so";
  // RTLD_LOCAL: libmpv's libraries serve the module only; RTLD_NOW: a missing symbol shows here.
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {nullptr, std::string("the video module cannot be loaded: ") + dlerror()};
  const auto* version = static_cast<const char*>(dlsym(handle, KIOSK_MPV_VERSION_SYMBOL));
  if (!version || std::strcmp(version, KIOSK_VERSION) != 0)
    return {nullptr, file.string() + " is of version " + (version ? version : "?") + ", the kiosk of " + KIOSK_VERSION +
                         ": the kiosk was upgraded and starts anew at the next reboot"};
  auto create = reinterpret_cast<KioskMpvCreate>(dlsym(handle, KIOSK_MPV_CREATE_SYMBOL));
  if (!create) return {nullptr, file.string() + " has no " KIOSK_MPV_CREATE_SYMBOL};
  return {create, ""};
}

std::shared_future<Module>& module() {
  static std::shared_future<Module> loaded;
  return loaded;
}
}  // namespace

void MediaPlayer::preload() {
  static std::once_flag once;
  std::call_once(once, [] { module() = std::async(std::launch::async, load_module).share(); });
}

std::unique_ptr<MediaPlayer> MediaPlayer::create(Kind kind, uint32_t wake_event, SDL_Window* window) {
  preload();
  const Module& m = module().get();
  if (!m.create) throw std::runtime_error(m.error);
  return std::unique_ptr<MediaPlayer>(m.create(kind, wake_event, window, setup_));
}
