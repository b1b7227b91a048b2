#pragma once
// Media the lesson tests make for themselves: videos with ffmpeg, pictures with SDL_image.
#include <filesystem>
#include <string>

// Runs ffmpeg with `args` (quiet, overwriting); false when it failed.
bool ffmpeg(const std::string& args);
// A PNG, JPEG or WebP (by the extension) of `width` x `height`: the top half `top` (0xRRGGBB), the
// bottom half `bottom`. For a JPEG or WebP, `exif_orientation` (1-8) is written into its EXIF, as a
// phone does (a JPEG's APP1 block, a WebP's "EXIF" chunk written with libwebp's muxer).
void write_two_tone_picture(const std::filesystem::path& file, int width, int height, uint32_t top, uint32_t bottom,
                            int exif_orientation = 1);
// A HEIC as an iPhone stores a photo taken sideways: the pixels as the sensor saw them (`width` x
// `height`, `top` over `bottom`), the turn to show them upright as HEIF's own rotation (irot/imir)
// and, as well, as EXIF orientation `orientation`, which must not be applied a second time.
void write_iphone_heic(const std::filesystem::path& file, int width, int height, uint32_t top, uint32_t bottom,
                       int orientation);
// The loudest sample of the 16-bit mono WAV that mpv's pcm output wrote (KIOSK_MPV="ao=pcm,..."), or
// -1 when the file has no sound data yet.
int peak_of_wav(const std::filesystem::path& wav);
