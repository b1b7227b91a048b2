#pragma once
// SHA-256 through libsodium (crypto_hash_sha256), as lowercase hex: what sha256sum prints.
#include <sodium.h>

#include <filesystem>
#include <string>
#include <string_view>

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::string hex();  // finishes the hash; call once

 private:
  crypto_hash_sha256_state state_;
};

// Hashes a file by streaming it. Throws std::system_error (with errno) when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);
