#pragma once
// Media the lesson tests make for themselves: videos with ffmpeg, pictures with SDL_image.
#include <filesystem>
#include <string>

// Runs ffmpeg with `args` (quiet, overwriting); false when it failed.
bool ffmpeg(const std::string& args);
// A PNG or JPEG of `width` x `height`: the top half `top` (0xRRGGBB), the bottom half `bottom`.
// For a JPEG, `exif_orientation` (1-8) is written into an EXIF block, as a phone does.
void write_two_tone_picture(const std::filesystem::path& file, int width, int height, uint32_t top, uint32_t bottom,
                            int exif_orientation = 1);
