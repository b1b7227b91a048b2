#pragma once
// What a file is, judged by its first bytes (a phone's .MTS or a camera's .AVI plays whatever its
// extension), not by a list of extensions.
#include <cstddef>
#include <filesystem>
#include <string>

enum class MediaKind { none, video, picture };

// From the file's first bytes (kMediaHeadBytes are enough). Videos: the containers libmpv plays
// (MP4/MOV/3GP, Matroska/WebM, AVI, MPEG-TS and AVCHD's .mts/.m2ts, MPEG-PS, FLV, ASF/WMV, Ogg
// video). Pictures: PNG, JPEG, WebP, GIF and HEIF/HEIC.
MediaKind media_kind(const unsigned char* head, size_t size);
MediaKind media_kind(const std::filesystem::path& file);
constexpr size_t kMediaHeadBytes = 400;

// HEIF/HEIC (an iPhone's photos), which SDL2_image does not read: the app decodes it with libheif.
bool is_heif(const unsigned char* head, size_t size);
