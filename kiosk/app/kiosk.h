#pragma once
// The kiosk's services. The Routes (routes.h) hand each screen only those it uses; admin mode,
// which manages the kiosk itself (settings, content import and reload, the journal's export, the
// exit to the desktop), gets the whole Kiosk.
//
// Ownership: the App owns the Kiosk and fills it once in init_kiosk(), before the first screen,
// except `journal`, `journal_error` and `clock_problem`, which come right after the first frame and
// before any input (the journal's opening waits for the disk; `sessions` gets the journal then,
// SessionKeeper::attach); every service lives
// until the App ends, after the last screen is gone, so a screen may keep a reference or pointer to
// any of them. `journal` and `pins` are null when they could not start
// (journal_error says why; admin mode is refused); `sessions` works without a journal.
// Reloads: content->reload() (load_content(), after an import in admin mode) swaps in a new
// catalog snapshot; screens keep the one they hold (content_library.h). `settings` changes only
// through admin mode's Save and the home screen's class choice; apply_settings() then takes effect.
// Threads: the UI thread only. A USB job's worker thread gets copies, never the Kiosk; journal
// writes (through `sessions`) commit synchronously on the UI thread (journal.h).
#include <SDL.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "app/icons.h"
#include "app/notices.h"
#include "app/screen.h"
#include "app/sound_effects.h"
#include "core/content_library.h"
#include "core/pin_store.h"
#include "core/paths.h"
#include "core/session_keeper.h"
#include "core/settings.h"
#include "core/sound_outputs.h"

struct Kiosk {
  InstallPaths paths;
  std::filesystem::path data_dir;
  std::unique_ptr<ContentLibrary> content;  // the packs and the teachers' added cues
  Settings settings;
  std::unique_ptr<Journal> journal;
  std::string journal_error;  // set when the journal could not be opened: shown on the home screen
  std::string clock_problem;  // clock_problem() at start and when admin mode opens: shown there too
  void check_clock();
  std::unique_ptr<SessionKeeper> sessions;
  std::unique_ptr<PinStore> pins;
  std::filesystem::path usb_root;  // --usb-root: its folders stand in for mounted USB sticks
  std::filesystem::path asound_root;  // --asound-root: a /proc/asound tree read instead of asking libasound
  std::string sound_output;        // the ALSA device videos, narration and effects play on
  std::string gl_renderer;         // glGetString(GL_RENDERER), for the admin: "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string video_decoder;       // mpv's hwdec-current on the probe clip ("no": software); empty until known
  int exit_code = -1;              // set (by the admin's "exit to desktop") to leave the program
  TextureCache* textures = nullptr;
  const Icons* icons = nullptr;
  SoundEffects* sounds = nullptr;
  SDL_Window* window = nullptr;  // for players that draw into it
  uint32_t wake_event = 0;       // SDL event type that wakes the main loop (replay lines, mpv)

  // (Re)reads the content: at start, and after content is imported. Problems go to stderr.
  void load_content();
  // After the admin saved settings: the interface language, the volume limit and the sound output
  // take effect.
  void apply_settings();
  // The machine's sound outputs now (from libasound, or the --asound-root tree).
  std::vector<SoundOutput> sound_outputs() const;
  // Chooses the sound output again (core/sound_outputs.h): "automatic" follows a TV switched on or
  // plugged in after the kiosk started. Players made from now on, and the effects, use it.
  void follow_sound_output();
  void save_settings_or_warn();
  // Each game start shuffles its board from a new seed: from std::random_device, or in a row from
  // --game-seed, so a test sees the same boards each run.
  std::mt19937 game_seeds{std::random_device{}()};
  Notices notices;  // the message card over any screen
};
