#include "app/textures.h"

#define GL_GLEXT_PROTOTYPES
#include <SDL_image.h>
#include <SDL_opengl.h>
#include <libexif/exif-data.h>

#include <algorithm>
#include <cstdio>

namespace {
// EXIF orientation (1-8) of a JPEG, 1 when it has none: phones store photos sideways and say so.
int exif_orientation(const std::filesystem::path& path) {
  ExifData* data = exif_data_new_from_file(path.c_str());
  if (!data) return 1;
  int orientation = 1;
  if (ExifEntry* entry = exif_data_get_entry(data, EXIF_TAG_ORIENTATION))
    orientation = exif_get_short(entry->data, exif_data_get_byte_order(data));
  exif_data_unref(data);
  return (orientation >= 1 && orientation <= 8) ? orientation : 1;
}

// A copy of a 32-bit surface turned upright for EXIF orientation `o` (2-8 mirror and/or rotate).
SDL_Surface* upright(SDL_Surface* src, int o) {
  const bool swap = o >= 5;
  const int w = src->w, h = src->h;
  SDL_Surface* dst = SDL_CreateRGBSurfaceWithFormat(0, swap ? h : w, swap ? w : h, 32, src->format->format);
  if (!dst) return nullptr;
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(static_cast<const uint8_t*>(src->pixels) + y * src->pitch);
    for (int x = 0; x < w; ++x) {
      int dx = x, dy = y;  // where pixel (x, y) of the stored image goes in the upright one
      switch (o) {
        case 2: dx = w - 1 - x; break;
        case 3: dx = w - 1 - x; dy = h - 1 - y; break;
        case 4: dy = h - 1 - y; break;
        case 5: dx = y; dy = x; break;
        case 6: dx = h - 1 - y; dy = x; break;
        case 7: dx = h - 1 - y; dy = w - 1 - x; break;
        case 8: dx = y; dy = w - 1 - x; break;
      }
      *reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(dst->pixels) + dy * dst->pitch + dx * 4) = row[x];
    }
  }
  return dst;
}

// Scales down (never up) to fit max_w x max_h, keeping the aspect ratio.
SDL_Surface* fit(SDL_Surface* src, int max_w, int max_h) {
  float s = std::min({1.0f, float(max_w) / src->w, float(max_h) / src->h});
  if (s >= 1.0f) return nullptr;
  SDL_Surface* dst = SDL_CreateRGBSurfaceWithFormat(0, std::max(1, int(src->w * s)), std::max(1, int(src->h * s)), 32,
                                                    src->format->format);
  if (dst && SDL_SoftStretchLinear(src, nullptr, dst, nullptr) != 0) {
    SDL_FreeSurface(dst);
    return nullptr;
  }
  return dst;
}
}  // namespace

TextureCache::~TextureCache() { clear(); }

void TextureCache::clear() {
  for (auto& [path, tex] : cache_)
    if (tex.id) glDeleteTextures(1, &tex.id);
  cache_.clear();
}

const Texture& TextureCache::get(const std::filesystem::path& path) {
  auto it = cache_.find(path);
  if (it != cache_.end()) return it->second;
  Texture tex;
  SDL_Surface* loaded = IMG_Load(path.c_str());
  SDL_Surface* rgba = loaded ? SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ABGR8888, 0) : nullptr;
  SDL_FreeSurface(loaded);
  if (rgba) {
    // Big photos are scaled to the screen once, here, so drawing them stays cheap.
    int orientation = exif_orientation(path);
    bool sideways = orientation >= 5;
    if (SDL_Surface* small = fit(rgba, sideways ? kMaxHeight : kMaxWidth, sideways ? kMaxWidth : kMaxHeight)) {
      SDL_FreeSurface(rgba);
      rgba = small;
    }
    if (orientation != 1) {
      SDL_Surface* turned = upright(rgba, orientation);
      SDL_FreeSurface(rgba);
      rgba = turned;
    }
  }
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
  return cache_.emplace(path, std::move(tex)).first->second;
}
