#pragma once
// Pictures decoded once with SDL_image, turned upright by their EXIF orientation, scaled down to
// at most a 1920x1080 screen, and kept as OpenGL textures, by path.
//
// GL: get(), clear() and the destructor need the window's GL context current (the UI thread, while
// it exists); the cache must be destroyed before the context. A Texture reference stays valid until
// clear() or the cache's end.
#include <filesystem>
#include <map>
#include <string>

struct Texture {
  unsigned int id = 0;  // 0: not loaded (see error)
  int width = 0, height = 0;
  std::string error;
  void* imgui_id() const { return reinterpret_cast<void*>(static_cast<intptr_t>(id)); }
};

class TextureCache {
 public:
  ~TextureCache();
  // Loads on first use; a picture that cannot be decoded gives a Texture with `error` set
  // (reported once on stderr) so the screen can draw a placeholder.
  const Texture& get(const std::filesystem::path& path);
  // Forgets every picture (content was replaced under the same names); they load again when drawn.
  void clear();

 private:
  static constexpr int kMaxWidth = 1920, kMaxHeight = 1080;
  std::map<std::filesystem::path, Texture> cache_;
};
