#include "app/textures.h"

#define GL_GLEXT_PROTOTYPES
#include <SDL_image.h>
#include <SDL_opengl.h>
#include <libexif/exif-data.h>
#include <libheif/heif.h>
#include <webp/demux.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/media_kind.h"

namespace {
// A WebP's EXIF (its RIFF "EXIF" chunk, found by libwebp's demuxer), or null. The chunk holds the
// TIFF data alone; libexif reads it behind JPEG's "Exif\0\0" header, which some writers include.
ExifData* webp_exif(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const WebPData file = {reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()};
  WebPDemuxer* demux = WebPDemux(&file);
  if (!demux) return nullptr;
  ExifData* data = nullptr;
  WebPChunkIterator chunk;
  if (WebPDemuxGetChunk(demux, "EXIF", 1, &chunk)) {
    static const std::string header("Exif\0\0", 6);
    std::string exif(reinterpret_cast<const char*>(chunk.chunk.bytes), chunk.chunk.size);
    if (exif.compare(0, header.size(), header) != 0) exif.insert(0, header);
    data = exif_data_new_from_data(reinterpret_cast<const unsigned char*>(exif.data()), static_cast<unsigned>(exif.size()));
    WebPDemuxReleaseChunkIterator(&chunk);
  }
  WebPDemuxDelete(demux);
  return data;
}

bool webp_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[12] = {};
  in.read(head, sizeof head);
  return in.gcount() == 12 && std::string(head, 4) == "RIFF" && std::string(head + 8, 4) == "WEBP";
}

// EXIF orientation (1-8) of a JPEG or WebP, 1 when it has none: phones store photos sideways and say so.
int exif_orientation(const std::filesystem::path& path) {
  ExifData* data = webp_file(path) ? webp_exif(path) : exif_data_new_from_file(path.c_str());
  if (!data) return 1;
  int orientation = 1;
  if (ExifEntry* entry = exif_data_get_entry(data, EXIF_TAG_ORIENTATION))
    orientation = exif_get_short(entry->data, exif_data_get_byte_order(data));
  exif_data_unref(data);
  return (orientation >= 1 && orientation <= 8) ? orientation : 1;
}

bool heif_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char head[32] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  return is_heif(head, static_cast<size_t>(in.gcount()));
}

// An iPhone's HEIC photo (SDL2_image does not read HEIF), decoded by libheif as RGBA. libheif turns
// it upright by the file's own rotation and mirroring (irot/imir), which is authoritative in HEIF:
// its EXIF orientation is never applied on top. Null with SDL's error set when it cannot.
SDL_Surface* load_heif(const std::filesystem::path& path) {
  heif_context* context = heif_context_alloc();
  heif_image_handle* handle = nullptr;
  heif_image* image = nullptr;
  SDL_Surface* surface = nullptr;
  heif_error error = heif_context_read_from_file(context, path.c_str(), nullptr);
  if (!error.code) error = heif_context_get_primary_image_handle(context, &handle);
  if (!error.code) error = heif_decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, nullptr);
  if (!error.code) {
    int stride = 0;
    const uint8_t* pixels = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
    const int w = heif_image_get_width(image, heif_channel_interleaved), h = heif_image_get_height(image, heif_channel_interleaved);
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);  // bytes R, G, B, A
    for (int y = 0; surface && y < h; ++y)
      std::copy_n(pixels + y * stride, w * 4, static_cast<uint8_t*>(surface->pixels) + y * surface->pitch);
  } else {
    SDL_SetError("HEIF: %s", error.message);
  }
  heif_image_release(image);
  heif_image_handle_release(handle);
  heif_context_free(context);
  return surface;
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
// Level 0 and each mipmap level below it, each scaled from the one above by half (a 2x2 average),
// down to 1x1 or the first that cannot be made. Made here rather than by glGenerateMipmap, which
// Mesa's software renderer does with a shader it must first compile: that alone cost the first frame
// about 50 ms; and made on the CPU, it can be made on a prefetch thread.
std::vector<SDL_Surface*> mipmap_chain(SDL_Surface* level0) {
  std::vector<SDL_Surface*> levels = {level0};
  while (levels.back()->w > 1 || levels.back()->h > 1) {
    SDL_Surface* level = levels.back();
    SDL_Surface* next =
        SDL_CreateRGBSurfaceWithFormat(0, std::max(1, level->w / 2), std::max(1, level->h / 2), 32, level->format->format);
    if (!next || SDL_SoftStretchLinear(level, nullptr, next, nullptr) != 0) {
      SDL_FreeSurface(next);
      break;
    }
    levels.push_back(next);
  }
  return levels;
}
}  // namespace

TextureCache::~TextureCache() { clear(); }

void TextureCache::forget(std::map<std::filesystem::path, Texture>::iterator it) {
  if (it->second.id) {
    glDeleteTextures(1, &it->second.id);
    --textures_;
  }
  cache_.erase(it);
}

void TextureCache::clear() {
  if (prefetcher_.joinable()) prefetcher_.join();
  prefetched_.clear();
  while (!cache_.empty()) forget(cache_.begin());
  budget_.clear();
}

void TextureCache::end_frame() {
  for (const auto& key : budget_.end_round())
    if (auto it = cache_.find(key); it != cache_.end()) forget(it);
}

// A picture decoded (SDL_image, or libheif for HEIF), upright, fitted to the screen, with its
// mipmaps: CPU work only, on any thread.
struct TextureCache::Decoded {
  std::vector<SDL_Surface*> levels;  // empty: see error
  std::string error;
  Decoded() = default;
  Decoded(const Decoded&) = delete;
  Decoded& operator=(const Decoded&) = delete;
  ~Decoded() {
    for (SDL_Surface* level : levels) SDL_FreeSurface(level);
  }
};

std::shared_ptr<TextureCache::Decoded> TextureCache::decode(const std::filesystem::path& path) {
  auto decoded = std::make_shared<Decoded>();
  const bool heif = heif_file(path);
  SDL_Surface* loaded = heif ? load_heif(path) : IMG_Load(path.c_str());
  SDL_Surface* rgba = loaded ? SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ABGR8888, 0) : nullptr;
  SDL_FreeSurface(loaded);
  if (rgba) {
    // Big photos are scaled to the screen once, here, so drawing them stays cheap.
    const int orientation = heif ? 1 : exif_orientation(path);
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
  if (rgba) decoded->levels = mipmap_chain(rgba);  // covers are drawn smaller than their size: mipmaps keep them smooth
  else decoded->error = SDL_GetError();
  return decoded;
}

void TextureCache::prefetch(std::vector<std::filesystem::path> paths) {
  if (prefetcher_.joinable()) prefetcher_.join();
  paths.erase(std::remove_if(paths.begin(), paths.end(),
                             [this](const auto& p) { return cache_.count(p) || prefetched_.count(p); }),
              paths.end());
  std::vector<std::promise<std::shared_ptr<Decoded>>> promises(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) prefetched_[paths[i]] = promises[i].get_future().share();
  prefetcher_ = std::thread([paths = std::move(paths), promises = std::move(promises)]() mutable {
    for (size_t i = 0; i < paths.size(); ++i) promises[i].set_value(decode(paths[i]));
  });
}

const Texture& TextureCache::get(const std::filesystem::path& path) {
  auto it = cache_.find(path);
  if (it != cache_.end()) {
    budget_.touch(path.string());
    return it->second;
  }
  std::shared_ptr<Decoded> decoded;
  if (auto p = prefetched_.find(path); p != prefetched_.end()) {
    decoded = p->second.get();  // decoded by now, or soon
    prefetched_.erase(p);
  } else {
    decoded = decode(path);
  }
  Texture tex;
  if (decoded->levels.empty()) {
    tex.error = decoded->error;
    std::fprintf(stderr, "kiosk: cannot load picture %s: %s\n", path.c_str(), tex.error.c_str());
  } else {
    tex.width = decoded->levels[0]->w;
    tex.height = decoded->levels[0]->h;
    glGenTextures(1, &tex.id);
    glBindTexture(GL_TEXTURE_2D, tex.id);
    for (size_t i = 0; i < decoded->levels.size(); ++i) {
      SDL_Surface* level = decoded->levels[i];
      glPixelStorei(GL_UNPACK_ROW_LENGTH, level->pitch / 4);
      glTexImage2D(GL_TEXTURE_2D, static_cast<int>(i), GL_RGBA, level->w, level->h, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                   level->pixels);
    }
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, static_cast<int>(decoded->levels.size()) - 1);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    ++textures_;
  }
  // RGBA, and a third more for the mipmaps.
  budget_.add(path.string(), uint64_t(tex.width) * uint64_t(tex.height) * 4 * 4 / 3);
  return cache_.emplace(path, std::move(tex)).first->second;
}
