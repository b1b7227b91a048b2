#include "core/pin_store.h"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

PinStore::PinStore(fs::path data_dir, std::string& warning, HashCost cost)
    : file_(data_dir / "admin-pin.json"), cost_(cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  if (!fs::exists(file_)) return;
  try {
    std::ifstream in(file_);
    json j = json::parse(in);
    hash_ = j.at("hash").get<std::string>();
    wrong_tries_ = j.value("wrong_tries", 0);
    locked_until_ = j.value("locked_until", int64_t{0});
    if (hash_.rfind("$argon2", 0) != 0) throw std::runtime_error("not an Argon2 hash");
  } catch (const std::exception& e) {
    hash_.clear();
    wrong_tries_ = 0;
    locked_until_ = 0;
    std::error_code ec;
    fs::rename(file_, file_.string() + ".broken", ec);
    warning = file_.string() + ": " + e.what() + " (kept as admin-pin.json.broken; a new PIN must be set)";
  }
}

bool PinStore::valid_pin(const std::string& pin) {
  return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void PinStore::set_pin(const std::string& pin) {
  if (!valid_pin(pin)) throw std::runtime_error("a PIN is 4 to 8 digits");
  char hash[crypto_pwhash_STRBYTES];
  const bool cheap = cost_ == HashCost::TestOnly;
  if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), cheap ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        cheap ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("not enough memory to hash the PIN");
  std::string old_hash = std::exchange(hash_, hash);
  int old_tries = std::exchange(wrong_tries_, 0);
  int64_t old_lock = std::exchange(locked_until_, 0);
  try {
    save();
  } catch (...) {
    hash_ = old_hash;
    wrong_tries_ = old_tries;
    locked_until_ = old_lock;
    throw;
  }
}

int64_t PinStore::seconds_locked(int64_t now) {
  if (locked_until_ > now + kLongestLockSeconds) {
    locked_until_ = now + kLongestLockSeconds;
    save_if_possible();
  }
  return locked_until_ > now ? locked_until_ - now : 0;
}

PinStore::Check PinStore::check(const std::string& pin, int64_t now) {
  if (seconds_locked(now) > 0) return Check::Locked;
  if (!hash_.empty() && crypto_pwhash_str_verify(hash_.c_str(), pin.c_str(), pin.size()) == 0) {
    if (wrong_tries_ > 0 || locked_until_ > 0) {
      wrong_tries_ = 0;
      locked_until_ = 0;
      save_if_possible();
    }
    return Check::Right;
  }
  ++wrong_tries_;
  if (wrong_tries_ >= kFreeTries) {
    // 30 s after the fifth wrong try, then twice as long after each further one, up to 15 minutes.
    int doublings = std::min(wrong_tries_ - kFreeTries, 10);
    locked_until_ = now + std::min<int64_t>(int64_t{kFirstLockSeconds} << doublings, kLongestLockSeconds);
  }
  save_if_possible();
  return Check::Wrong;
}

void PinStore::save() const {
  json j = {{"hash", hash_}, {"wrong_tries", wrong_tries_}, {"locked_until", locked_until_}};
  write_file_atomically(file_, j.dump(2) + "\n");
}

// The count of wrong tries still works in memory when the disk does not take it: a full disk must
// not lock the admin out, nor unlock the pad.
void PinStore::save_if_possible() const {
  try {
    save();
  } catch (const std::exception&) {
  }
}
