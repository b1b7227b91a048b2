#pragma once
#include <cstdint>
#include <string>

// Wall-clock seconds since the epoch: what the journal records.
int64_t unix_now();
// ISO 8601 local time with its UTC offset, e.g. "2026-11-25T08:40:00+07:00".
std::string iso8601_local(int64_t unix_seconds);
