#include "app/screenshot.h"

#include <SDL_image.h>
#include <SDL_opengl.h>
#include <cstdio>
#include <cstring>
#include <vector>

bool save_screenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL rows run bottom-up; PNG rows top-down.
  const size_t row = static_cast<size_t>(width) * 4;
  std::vector<unsigned char> line(row);
  for (int y = 0; y < height / 2; ++y) {
    unsigned char* a = pixels.data() + y * row;
    unsigned char* b = pixels.data() + (height - 1 - y) * row;
    std::memcpy(line.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, line.data(), row);
  }
  for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // the window is opaque
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(pixels.data(), width, height, 32, static_cast<int>(row),
                                                            SDL_PIXELFORMAT_ABGR8888);
  std::string tmp = path + ".tmp";
  bool ok = surface && IMG_SavePNG(surface, tmp.c_str()) == 0 && std::rename(tmp.c_str(), path.c_str()) == 0;
  if (!ok) std::fprintf(stderr, "kiosk: cannot save screenshot %s: %s\n", path.c_str(), SDL_GetError());
  SDL_FreeSurface(surface);
  return ok;
}
