#include "core/media_kind.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string_view>

using namespace std::literals;

namespace {
bool starts(const unsigned char* head, size_t size, size_t at, std::string_view magic) {
  return size >= at + magic.size() && std::memcmp(head + at, magic.data(), magic.size()) == 0;
}

// ISO base media ("....ftyp<brand>"): the brand tells a HEIF picture from an MP4/MOV/3GP video.
bool is_iso_media(const unsigned char* head, size_t size) { return starts(head, size, 4, "ftyp"sv); }

// MPEG transport stream: a sync byte every 188 bytes, or every 192 in AVCHD's .mts/.m2ts.
bool is_transport_stream(const unsigned char* head, size_t size) {
  for (size_t packet : {188, 192}) {
    size_t first = packet == 192 ? 4 : 0;
    if (size < first + 2 * packet + 1) continue;
    if (head[first] == 0x47 && head[first + packet] == 0x47 && head[first + 2 * packet] == 0x47) return true;
  }
  return false;
}
}  // namespace

bool is_heif(const unsigned char* head, size_t size) {
  if (!is_iso_media(head, size) || size < 12) return false;
  static const char* kBrands[] = {"heic", "heix", "heim", "heis", "mif1", "msf1", "avif"};
  return std::any_of(std::begin(kBrands), std::end(kBrands), [&](const char* b) { return starts(head, size, 8, std::string_view(b)); });
}

MediaKind media_kind(const unsigned char* head, size_t size) {
  if (starts(head, size, 0, "\x89PNG"sv) || starts(head, size, 0, "\xFF\xD8\xFF"sv) || starts(head, size, 0, "GIF8"sv) ||
      (starts(head, size, 0, "RIFF"sv) && starts(head, size, 8, "WEBP"sv)) || is_heif(head, size))
    return MediaKind::picture;
  if (is_iso_media(head, size) || starts(head, size, 0, "\x1A\x45\xDF\xA3"sv) ||
      (starts(head, size, 0, "RIFF"sv) && starts(head, size, 8, "AVI "sv)) || starts(head, size, 0, "FLV"sv) ||
      starts(head, size, 0, "\x00\x00\x01\xBA"sv) || starts(head, size, 0, "\x30\x26\xB2\x75\x8E\x66\xCF\x11"sv) ||
      is_transport_stream(head, size))
    return MediaKind::video;
  // Ogg is a video only with a Theora stream; Vorbis alone is a sound, not a lesson.
  if (starts(head, size, 0, "OggS"sv) && std::string_view(reinterpret_cast<const char*>(head), size).find("theora") !=
                                            std::string_view::npos)
    return MediaKind::video;
  return MediaKind::none;
}

MediaKind media_kind(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char head[kMediaHeadBytes] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  return media_kind(head, static_cast<size_t>(in.gcount()));
}
