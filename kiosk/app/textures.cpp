#include "app/textures.h"

#define GL_GLEXT_PROTOTYPES
#include <SDL_image.h>
#include <SDL_opengl.h>
#include <cstdio>

TextureCache::~TextureCache() {
  for (auto& [path, tex] : cache_)
    if (tex.id) glDeleteTextures(1, &tex.id);
}

const Texture& TextureCache::get(const std::filesystem::path& path) {
  auto it = cache_.find(path);
  if (it != cache_.end()) return it->second;
  Texture tex;
  SDL_Surface* loaded = IMG_Load(path.c_str());
  SDL_Surface* rgba = loaded ? SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ABGR8888, 0) : nullptr;
  if (!rgba) {
    tex.error = SDL_GetError();
    std::fprintf(stderr, "kiosk: cannot load picture %s: %s\n", path.c_str(), tex.error.c_str());
  } else {
    tex.width = rgba->w;
    tex.height = rgba->h;
    glGenTextures(1, &tex.id);
    glBindTexture(GL_TEXTURE_2D, tex.id);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, rgba->pitch / 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, rgba->w, rgba->h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba->pixels);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glGenerateMipmap(GL_TEXTURE_2D);  // covers are drawn smaller than their size: mipmaps keep them smooth
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  SDL_FreeSurface(rgba);
  SDL_FreeSurface(loaded);
  return cache_.emplace(path, std::move(tex)).first->second;
}
