#pragma once
// Writes zip files for tests with libarchive, including the hostile shapes a kiosk must refuse
// (entries with "..", absolute paths, links, passwords) and the odd ones real tools make.
#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

struct ZipItem {
  std::string name;
  std::string bytes;
  std::string link_to;  // non-empty: a symbolic link to this target
};

inline void make_zip(const std::filesystem::path& out, const std::vector<ZipItem>& items, bool deflate = true,
                     const char* password = nullptr) {
  std::filesystem::create_directories(out.parent_path());
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_set_options(a, deflate ? "zip:compression=deflate" : "zip:compression=store");
  if (password) {
    archive_write_set_options(a, "zip:encryption=zipcrypt");
    archive_write_set_passphrase(a, password);
  }
  if (archive_write_open_filename(a, out.c_str()) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(a));
  for (const auto& item : items) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, item.name.c_str());
    const bool folder = !item.name.empty() && item.name.back() == '/';
    if (!item.link_to.empty()) {
      archive_entry_set_filetype(e, AE_IFLNK);
      archive_entry_set_symlink(e, item.link_to.c_str());
    } else {
      archive_entry_set_filetype(e, folder ? AE_IFDIR : AE_IFREG);
      archive_entry_set_size(e, folder ? 0 : static_cast<la_int64_t>(item.bytes.size()));
    }
    archive_entry_set_perm(e, folder ? 0755 : 0644);
    archive_write_header(a, e);
    if (!folder && item.link_to.empty()) archive_write_data(a, item.bytes.data(), item.bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}
