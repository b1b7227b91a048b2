#pragma once
// Pictures decoded once with SDL_image (HEIF with libheif), turned upright by their orientation
// (EXIF in JPEG and WebP, HEIF's own rotation), scaled down to at most a 1920x1080 screen, and kept
// as OpenGL textures, by path, within a memory cap: after each frame, the pictures that frame did
// not draw go, least recently drawn first, while the textures take more than the cap
// (core/lru_budget.h); a picture dropped loads again when drawn.
//
// prefetch() decodes a screen's pictures on a thread of its own before they are drawn (the home
// screen's, while the window opens at start); get() then only uploads them.
//
// Threading and GL: every call is made on the UI thread; get(), end_frame(), clear() and the
// destructor need the window's GL context current (while it exists), prefetch() does not. The
// cache must be destroyed before the context. A Texture reference stays valid until the next
// end_frame() or clear(), or the cache's end: a screen asks for its pictures in every frame it draws
// and keeps no reference across frames.
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/lru_budget.h"

struct Texture {
  unsigned int id = 0;  // 0: not loaded (see error)
  int width = 0, height = 0;
  std::string error;
  void* imgui_id() const { return reinterpret_cast<void*>(static_cast<intptr_t>(id)); }
};

class TextureCache {
 public:
  // Enough for every picture of the bundled content at once; imported packs with many big photos
  // go past it, and then only the screens visited last keep theirs.
  static constexpr uint64_t kDefaultCapBytes = uint64_t{192} << 20;
  explicit TextureCache(uint64_t cap_bytes = kDefaultCapBytes) : budget_(cap_bytes) {}
  ~TextureCache();
  // Loads on first use; a picture that cannot be decoded gives a Texture with `error` set
  // (reported once on stderr, while it stays cached) so the screen can draw a placeholder.
  const Texture& get(const std::filesystem::path& path);
  // Starts decoding `paths` (not yet cached) on a thread; get() waits for the one it asks for.
  // A second call waits for the first one's thread.
  void prefetch(std::vector<std::filesystem::path> paths);
  // After a frame was rendered (its draw lists name the textures): frees what the cap requires.
  void end_frame();
  // Forgets every picture (content was replaced under the same names); they load again when drawn.
  void clear();

  // OpenGL textures held, and their memory (with their mipmaps) as the cap counts it.
  size_t count() const { return textures_; }
  uint64_t bytes() const { return budget_.bytes(); }

 private:
  static constexpr int kMaxWidth = 1920, kMaxHeight = 1080;
  struct Decoded;
  static std::shared_ptr<Decoded> decode(const std::filesystem::path& path);
  void forget(std::map<std::filesystem::path, Texture>::iterator it);
  std::map<std::filesystem::path, std::shared_future<std::shared_ptr<Decoded>>> prefetched_;
  std::thread prefetcher_;
  std::map<std::filesystem::path, Texture> cache_;
  LruBudget budget_;
  size_t textures_ = 0;
};
