#include <catch2/catch.hpp>

#include "core/pin_store.h"
#include "temp_dir.h"

TEST_CASE("a new kiosk has no PIN until one is set, and the PIN is stored only as a salted hash") {
  TempDir dir;
  std::string warning;
  PinStore store(dir.path, warning);
  CHECK_FALSE(store.has_pin());
  store.set_pin("2468");
  CHECK(store.has_pin());
  std::string file = read_file(dir / "admin-pin.json");
  CHECK(file.find("2468") == std::string::npos);
  CHECK(file.find("$argon2id$") != std::string::npos);

  TempDir other;
  PinStore second(other.path, warning);
  second.set_pin("2468");
  CHECK(read_file(other / "admin-pin.json") != file);  // salted: the same PIN hashes differently

  PinStore reopened(dir.path, warning);
  CHECK(reopened.check("2468", 1000) == PinStore::Check::Right);
  CHECK(reopened.check("1357", 1000) == PinStore::Check::Wrong);
  CHECK(warning.empty());
}

TEST_CASE("a PIN hashed at the tests' cheap cost is checked like any other, and the kiosk's hash costs 64 MiB") {
  TempDir cheap, real;
  std::string warning;
  PinStore(cheap.path, warning, PinStore::HashCost::TestOnly).set_pin("2468");
  CHECK(read_file(cheap / "admin-pin.json").find("$argon2id$v=19$m=8,") != std::string::npos);
  PinStore reopened(cheap.path, warning);  // a hash carries its own cost
  CHECK(reopened.check("2468", 1000) == PinStore::Check::Right);
  PinStore(real.path, warning).set_pin("2468");
  CHECK(read_file(real / "admin-pin.json").find("$argon2id$v=19$m=65536,") != std::string::npos);
}

TEST_CASE("only 4 to 8 digits make a PIN") {
  CHECK(PinStore::valid_pin("0000"));
  CHECK(PinStore::valid_pin("12345678"));
  CHECK_FALSE(PinStore::valid_pin("123"));
  CHECK_FALSE(PinStore::valid_pin("123456789"));
  CHECK_FALSE(PinStore::valid_pin("12a4"));
  TempDir dir;
  std::string warning;
  PinStore store(dir.path, warning);
  CHECK_THROWS(store.set_pin("12"));
  CHECK_FALSE(store.has_pin());
}

TEST_CASE("repeated wrong PINs lock the pad, longer each time, across restarts") {
  TempDir dir;
  std::string warning;
  int64_t now = 1'000'000;
  {
    PinStore store(dir.path, warning);
    store.set_pin("2468");
    for (int i = 0; i < PinStore::kFreeTries - 1; ++i) CHECK(store.check("0000", now) == PinStore::Check::Wrong);
    CHECK(store.seconds_locked(now) == 0);
    CHECK(store.check("0000", now) == PinStore::Check::Wrong);  // the fifth
    CHECK(store.seconds_locked(now) == PinStore::kFirstLockSeconds);
  }
  PinStore store(dir.path, warning);  // a restart (or a power cut) does not unlock it
  CHECK(store.seconds_locked(now + 1) == PinStore::kFirstLockSeconds - 1);
  CHECK(store.check("2468", now + 1) == PinStore::Check::Locked);  // even the right PIN waits
  now += PinStore::kFirstLockSeconds;
  CHECK(store.check("0000", now) == PinStore::Check::Wrong);
  CHECK(store.seconds_locked(now) == 2 * PinStore::kFirstLockSeconds);
  for (int i = 0; i < 20; ++i) {
    now += store.seconds_locked(now);
    store.check("0000", now);
  }
  CHECK(store.seconds_locked(now) == PinStore::kLongestLockSeconds);
  now += store.seconds_locked(now);
  CHECK(store.check("2468", now) == PinStore::Check::Right);
  CHECK(store.wrong_tries() == 0);
  CHECK(store.seconds_locked(now) == 0);
  PinStore reopened(dir.path, warning);
  CHECK(reopened.wrong_tries() == 0);
}

TEST_CASE("a lock set while the clock was far ahead lasts at most the longest lock once the clock is set back") {
  TempDir dir;
  std::string warning;
  const int64_t ahead = 1'900'000'000, right = ahead - 365 * 86400;  // the clock was a year fast
  {
    PinStore store(dir.path, warning);
    store.set_pin("2468");
    for (int i = 0; i < 20; ++i) store.check("0000", ahead + i * PinStore::kLongestLockSeconds);
  }
  PinStore store(dir.path, warning);  // the clock is right again after a restart
  CHECK(store.seconds_locked(right) == PinStore::kLongestLockSeconds);
  CHECK(store.check("2468", right + PinStore::kLongestLockSeconds) == PinStore::Check::Right);
}

TEST_CASE("a damaged PIN file is kept aside and a new PIN is asked for") {
  TempDir dir;
  write_file(dir / "admin-pin.json", "{\"hash\": \"plain 1234\"}");
  std::string warning;
  PinStore store(dir.path, warning);
  CHECK_FALSE(store.has_pin());
  CHECK(warning.find("admin-pin.json") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "admin-pin.json.broken"));
}
