#pragma once
// A fresh folder under /tmp for one test, removed with everything in it at scope exit.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "xvn-test-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() {  // XVN_KEEP_TEST_DIRS=1 keeps them, to look at a failed test's screenshots
    std::error_code ec;
    if (!std::getenv("XVN_KEEP_TEST_DIRS")) std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

inline void write_file(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// The whole file, byte for byte (empty if it cannot be read).
inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
