#pragma once
// The admin PIN, kept in <data>/admin-pin.json as libsodium's salted, deliberately slow password
// hash (Argon2id, crypto_pwhash_str): the PIN itself is never stored. Wrong tries are counted in the
// same file, so that after kFreeTries wrong PINs in a row the pad locks for a while (longer each
// time), across restarts too. A right PIN clears the count.
//
// Checking takes a fraction of a second on purpose (the hash is slow). Times are passed in (unix
// seconds). Not thread-safe.
#include <cstdint>
#include <filesystem>
#include <string>

class PinStore {
 public:
  static constexpr int kFreeTries = 5;
  static constexpr int kFirstLockSeconds = 30;
  static constexpr int kLongestLockSeconds = 15 * 60;

  // How slow set_pin()'s hash is. TestOnly is libsodium's minimum, for tests only: they set and
  // check PINs many times on a loaded machine. A hash keeps its own cost, so check() works either way.
  enum class HashCost { Interactive, TestOnly };

  // Reads the file if there is one. A damaged file counts as "no PIN set yet" and is kept aside
  // as admin-pin.json.broken (reported through `warning`).
  PinStore(std::filesystem::path data_dir, std::string& warning, HashCost cost = HashCost::Interactive);

  bool has_pin() const { return !hash_.empty(); }
  // 4 to 8 digits.
  static bool valid_pin(const std::string& pin);
  // Stores a new PIN (and clears wrong tries). Throws std::runtime_error if it cannot be saved or
  // the PIN is not valid.
  void set_pin(const std::string& pin);

  enum class Check { Right, Wrong, Locked };
  // Never throws: the count of wrong tries is saved when the disk takes it.
  Check check(const std::string& pin, int64_t now);
  // Seconds left before the pad takes PINs again; 0 when it is not locked. Never more than the
  // longest lock: a lock set while the clock was ahead ends when the clock is set right (the lock
  // is then brought back to kLongestLockSeconds from now, not left to run for months).
  int64_t seconds_locked(int64_t now);
  int wrong_tries() const { return wrong_tries_; }

 private:
  void save() const;
  void save_if_possible() const;

  std::filesystem::path file_;
  HashCost cost_;
  std::string hash_;
  int wrong_tries_ = 0;
  int64_t locked_until_ = 0;
};
