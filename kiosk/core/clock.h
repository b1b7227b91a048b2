#pragma once
#include <cstdint>
#include <string>

// Wall-clock seconds since the epoch: what the journal records. Includes clock_advance().
int64_t unix_now();

// How far the replay's `advance MS` has moved the program's clocks ahead of the real ones, in
// seconds (0 outside tests): unix_now() and the monotonic Kiosk::now() both include it, so tests of
// timers (controls that hide, pages that turn, idle timeouts, the PIN lock-out) take no real time.
// Thread-safe (background jobs read unix_now()).
double clock_advance();
void advance_clocks(double seconds);
// ISO 8601 local time with its UTC offset, e.g. "2026-11-25T08:40:00+07:00".
std::string iso8601_local(int64_t unix_seconds);

// Why the wall clock cannot be right for dating sessions, or "" when it may be: earlier than the
// program's first year, or more than a day before a session already recorded (`latest_recorded`,
// 0 for none): a mini-PC whose clock battery died starts again in the past, and the campaign
// report would count its sessions in the wrong month.
std::string clock_problem(int64_t now, int64_t latest_recorded);
// "25/11/2026 14:30 (UTC+07:00)": the kiosk's date and time as the admin reads them.
std::string local_date_time(int64_t unix_seconds);
