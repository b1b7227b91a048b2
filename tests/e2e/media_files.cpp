#include "media_files.h"

#include <SDL_image.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <libheif/heif.h>
#include <iterator>
#include <stdexcept>
#include <vector>
#include <webp/encode.h>
#include <webp/mux.h>

bool ffmpeg(const std::string& args) {
  return std::system(("ffmpeg -nostdin -loglevel error -y " + args).c_str()) == 0;
}

namespace {
// A lossless WebP of `picture`, with `exif` (TIFF data, when not empty) in its "EXIF" chunk.
void write_webp(const std::filesystem::path& file, SDL_Surface* picture, const std::vector<unsigned char>& exif) {
  SDL_Surface* rgba = SDL_ConvertSurfaceFormat(picture, SDL_PIXELFORMAT_ABGR8888, 0);  // bytes R, G, B, A
  uint8_t* encoded = nullptr;
  const size_t size = WebPEncodeLosslessRGBA(static_cast<const uint8_t*>(rgba->pixels), rgba->w, rgba->h, rgba->pitch, &encoded);
  SDL_FreeSurface(rgba);
  if (!size) throw std::runtime_error("cannot encode " + file.string());
  WebPMux* mux = WebPMuxNew();
  const WebPData image = {encoded, size}, chunk = {exif.data(), exif.size()};
  WebPData assembled = {nullptr, 0};
  const bool ok = WebPMuxSetImage(mux, &image, 1) == WEBP_MUX_OK &&
                  (exif.empty() || WebPMuxSetChunk(mux, "EXIF", &chunk, 1) == WEBP_MUX_OK) &&
                  WebPMuxAssemble(mux, &assembled) == WEBP_MUX_OK;
  WebPMuxDelete(mux);
  WebPFree(encoded);
  if (ok)
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(assembled.bytes),
                                                static_cast<std::streamsize>(assembled.size));
  WebPDataClear(&assembled);
  if (!ok) throw std::runtime_error("cannot write " + file.string());
}
}  // namespace

void write_two_tone_picture(const std::filesystem::path& file, int width, int height, uint32_t top, uint32_t bottom,
                            int exif_orientation) {
  std::filesystem::create_directories(file.parent_path());
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Rect upper{0, 0, width, height / 2}, lower{0, height / 2, width, height - height / 2};
  SDL_FillRect(s, &upper, top);
  SDL_FillRect(s, &lower, bottom);
  // EXIF with one entry: a big-endian TIFF header and one IFD entry, Orientation (0x0112), SHORT, count 1.
  const unsigned char o = static_cast<unsigned char>(exif_orientation);
  const std::vector<unsigned char> tiff = {'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,  // TIFF header
                                           0x00, 0x01,                                     // one entry
                                           0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, o, 0x00, 0x00,
                                           0x00, 0x00, 0x00, 0x00};                        // no next IFD
  if (file.extension() == ".webp") {
    write_webp(file, s, exif_orientation == 1 ? std::vector<unsigned char>() : tiff);
    SDL_FreeSurface(s);
    return;
  }
  bool jpeg = file.extension() == ".jpg";
  int rc = jpeg ? IMG_SaveJPG(s, file.c_str(), 90) : IMG_SavePNG(s, file.c_str());
  SDL_FreeSurface(s);
  if (rc != 0) throw std::runtime_error("cannot write " + file.string());
  if (!jpeg || exif_orientation == 1) return;

  // Insert an APP1 EXIF block right after the JPEG's start marker.
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), {});
  std::vector<unsigned char> app1 = {0xFF, 0xE1, 0x00, static_cast<unsigned char>(8 + tiff.size()), 'E', 'x', 'i', 'f', 0, 0};
  app1.insert(app1.end(), tiff.begin(), tiff.end());
  bytes.insert(bytes.begin() + 2, app1.begin(), app1.end());
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(bytes.data()),
                                                               static_cast<std::streamsize>(bytes.size()));
}

void write_iphone_heic(const std::filesystem::path& file, int width, int height, uint32_t top, uint32_t bottom,
                       int orientation) {
  heif_context* context = heif_context_alloc();
  heif_image* image = nullptr;
  heif_image_create(width, height, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image);
  heif_image_add_plane(image, heif_channel_interleaved, width, height, 8);
  int stride = 0;
  uint8_t* pixels = heif_image_get_plane(image, heif_channel_interleaved, &stride);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const uint32_t c = y < height / 2 ? top : bottom;
      uint8_t* p = pixels + y * stride + x * 3;
      p[0] = c >> 16 & 0xFF, p[1] = c >> 8 & 0xFF, p[2] = c & 0xFF;
    }
  heif_encoder* encoder = nullptr;
  heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder);
  heif_encoder_set_lossy_quality(encoder, 90);
  heif_encoding_options* options = heif_encoding_options_alloc();
  options->image_orientation = static_cast<heif_orientation>(orientation);  // written as irot/imir
  heif_image_handle* handle = nullptr;
  heif_error error = heif_context_encode_image(context, image, encoder, options, &handle);
  const unsigned char o = static_cast<unsigned char>(orientation);
  const unsigned char exif[] = {'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03,
                                0x00, 0x00, 0x00, 0x01, 0x00, o, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
  if (!error.code) error = heif_context_add_exif_metadata(context, handle, exif, sizeof exif);
  if (!error.code) error = heif_context_write_to_file(context, file.c_str());
  heif_image_handle_release(handle);
  heif_encoding_options_free(options);
  heif_encoder_release(encoder);
  heif_image_release(image);
  heif_context_free(context);
  if (error.code) throw std::runtime_error("cannot write " + file.string() + ": " + error.message);
}

int peak_of_wav(const std::filesystem::path& wav) {
  std::ifstream in(wav, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto data = bytes.find("data");
  if (data == std::string::npos) return -1;
  int peak = 0;
  for (size_t i = data + 8; i + 1 < bytes.size(); i += 2) {
    int16_t sample;
    std::memcpy(&sample, bytes.data() + i, 2);
    peak = std::max(peak, std::abs(int(sample)));
  }
  return peak;
}
