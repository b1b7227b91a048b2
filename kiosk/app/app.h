#pragma once
// The kiosk program: one SDL2 window with OpenGL and Dear ImGui, the screens, and a main loop that
// sleeps in SDL_WaitEventTimeout whenever nothing on screen moves.
#include <filesystem>
#include <optional>
#include <string>

struct AppOptions {
  bool windowed = false;  // also allows closing the window; a full-screen kiosk cannot be closed
  int width = 1280, height = 720;  // the window before it goes full screen (or with --windowed)
  std::filesystem::path content_dir, data_dir;
  std::string lang;     // empty: the admin's choice in settings, else Vietnamese
  std::filesystem::path usb_root;  // --usb-root: folders that stand in for mounted USB sticks
  std::filesystem::path asound_root;  // --asound-root: a /proc/asound tree instead of the sound cards
  std::string replay;   // --replay script or named pipe
  std::string ui_tree;  // --ui-tree JSON dump path
  int heartbeat_seconds = 30;
  std::optional<unsigned> game_seed;  // --game-seed: the same game boards each run (tests)
  std::optional<unsigned> texture_cache_mb;  // --texture-cache-mb: the picture cache's cap (textures.h)
};

// Runs until quit; returns the process exit code.
int run_app(const AppOptions& options);
