#pragma once
// The first bytes of media files, enough for the kiosk to judge a file by its content in tests that
// never decode it (tests that play media make real files with ffmpeg).
#include <string>

const std::string kPngHead = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kMp4Head = std::string("\0\0\0\x18" "ftypisom\0\0\x02\0isomiso2", 24);
const std::string kWebmHead = std::string("\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01", 9);
