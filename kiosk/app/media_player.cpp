#include "app/media_player.h"

#include <dlfcn.h>

#include <cstring>
#include <future>
#include <mutex>
#include <stdexcept>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"

MediaPlayer::Setup MediaPlayer::setup_;

namespace {
// The loaded module's factory, or why there is none (in words made on the UI thread, in create()).
struct Module {
  KioskMpvCreate create = nullptr;
  std::string load_error;  // dlerror()'s
  std::string version;     // the module's, when it is not the kiosk's
};

Module load_module() {
  const auto file = find_install_paths().modules / "kiosk-mpv.so";
  // RTLD_LOCAL: libmpv's libraries serve the module only; RTLD_NOW: a missing symbol shows here.
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {nullptr, dlerror(), ""};
  const auto* version = static_cast<const char*>(dlsym(handle, KIOSK_MPV_VERSION_SYMBOL));
  if (!version || std::strcmp(version, KIOSK_VERSION) != 0) return {nullptr, "", version ? version : "?"};
  auto create = reinterpret_cast<KioskMpvCreate>(dlsym(handle, KIOSK_MPV_CREATE_SYMBOL));
  if (!create) return {nullptr, file.string() + ": " + dlerror(), ""};
  return {create, "", ""};
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
  if (!m.version.empty())  // a package upgrade replaced it under this kiosk
    throw std::runtime_error(format(tr("the video module is of version %s and this program of %s: restart the machine"),
                                    m.version.c_str(), KIOSK_VERSION));
  if (!m.create) throw std::runtime_error(format(tr("the video module cannot be loaded: %s"), m.load_error.c_str()));
  return std::unique_ptr<MediaPlayer>(m.create(kind, wake_event, window, setup_));
}
