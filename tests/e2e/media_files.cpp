#include "media_files.h"

#include <SDL_image.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

bool ffmpeg(const std::string& args) {
  return std::system(("ffmpeg -nostdin -loglevel error -y " + args).c_str()) == 0;
}

void write_two_tone_picture(const std::filesystem::path& file, int width, int height, uint32_t top, uint32_t bottom,
                            int exif_orientation) {
  std::filesystem::create_directories(file.parent_path());
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
  SDL_Rect upper{0, 0, width, height / 2}, lower{0, height / 2, width, height - height / 2};
  SDL_FillRect(s, &upper, top);
  SDL_FillRect(s, &lower, bottom);
  bool jpeg = file.extension() == ".jpg";
  int rc = jpeg ? IMG_SaveJPG(s, file.c_str(), 90) : IMG_SavePNG(s, file.c_str());
  SDL_FreeSurface(s);
  if (rc != 0) throw std::runtime_error("cannot write " + file.string());
  if (!jpeg || exif_orientation == 1) return;

  // Insert an APP1 EXIF block right after the JPEG's start marker: a big-endian TIFF header and one
  // IFD entry, Orientation (0x0112), SHORT, count 1.
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), {});
  const unsigned char o = static_cast<unsigned char>(exif_orientation);
  const std::vector<unsigned char> app1 = {0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,   // marker, length 34
                                           'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,        // TIFF header
                                           0x00, 0x01,                                           // one entry
                                           0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, o, 0x00, 0x00,
                                           0x00, 0x00, 0x00, 0x00};                              // no next IFD
  bytes.insert(bytes.begin() + 2, app1.begin(), app1.end());
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(bytes.data()),
                                                               static_cast<std::streamsize>(bytes.size()));
}
