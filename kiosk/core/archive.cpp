#include "core/archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/i18n.h"
#include "core/import_error.h"
#include "core/media_kind.h"
#include "core/text.h"

namespace {

struct Reader {
  archive* a = archive_read_new();
  ~Reader() { archive_read_free(a); }
};

std::string shown(const fs::path& archive) { return nfc(archive.filename().string()); }

[[noreturn]] void refuse(const fs::path& archive, const std::string& why) {
  throw ImportError(format(tr("%s cannot be imported: %s"), shown(archive).c_str(), why.c_str()));
}

Reader open_archive(const fs::path& archive) {
  Reader r;
  archive_read_support_format_zip(r.a);
  archive_read_support_filter_none(r.a);
  if (archive_read_open_filename(r.a, archive.c_str(), 1 << 16) != ARCHIVE_OK)
    refuse(archive, tr("it is not a zip archive, or it is damaged"));
  return r;
}

// The entry's name as the archive stores it, '\' from Windows tools read as '/'; empty when it is to
// be left out (macOS's __MACOSX/ and hidden files).
std::string entry_name(const fs::path& archive, archive_entry* entry) {
  const char* raw = archive_entry_pathname_utf8(entry);
  if (!raw) raw = archive_entry_pathname(entry);
  std::string name = nfc(raw ? raw : "");
  for (auto& c : name)
    if (c == '\\') c = '/';
  if (name.empty()) refuse(archive, tr("it is not a zip archive, or it is damaged"));  // zeros where a header was
  if (name[0] == '/' || (name.size() > 1 && name[1] == ':'))
    refuse(archive, format(tr("'%s' would be written outside the pack"), name.c_str()));
  for (const auto& part : fs::path(name)) {
    if (part == "..") refuse(archive, format(tr("'%s' would be written outside the pack"), name.c_str()));
    if (part == "__MACOSX" || part.string()[0] == '.') return {};
  }
  return name;
}

// Refuses what a pack never holds: links, devices, encrypted entries.
void check_entry(const fs::path& archive, archive_entry* entry, const std::string& name) {
  const auto type = archive_entry_filetype(entry);
  if (archive_entry_hardlink(entry) || type == AE_IFLNK)
    refuse(archive, format(tr("'%s' is a link: a pack must hold the files themselves"), name.c_str()));
  if (type != AE_IFREG && type != AE_IFDIR)
    refuse(archive, format(tr("'%s' is not a file or a folder"), name.c_str()));
  if (archive_entry_is_encrypted(entry))
    refuse(archive, tr("it is protected by a password. Make the zip again without a password"));
}

// Steps to the next entry; false at the end. Counts entries against kMaxEntries.
bool next_entry(const fs::path& archive, Reader& r, archive_entry*& entry, size_t& count) {
  int status = archive_read_next_header(r.a, &entry);
  if (status == ARCHIVE_EOF) return false;
  if (status < ARCHIVE_WARN) refuse(archive, format(tr("it is damaged (%s)"), archive_error_string(r.a)));
  if (++count > kMaxEntries) refuse(archive, format(tr("it holds more than %zu files"), kMaxEntries));
  return true;
}

[[noreturn]] void unpack_failed(const fs::path& archive, struct archive* a) {
  const char* why = archive_error_string(a);
  if (why && std::strstr(why, "ncrypt"))
    refuse(archive, tr("it is protected by a password. Make the zip again without a password"));
  refuse(archive, format(tr("it is damaged or cut short (%s)"), why ? why : "?"));
}

// Bytes an archive may unpack to (see kMaxRatio).
uint64_t unpack_limit(const fs::path& archive) {
  std::error_code ec;
  const uint64_t size = fs::file_size(archive, ec);
  return std::min(kMaxUnpacked, std::max(kRatioFloor, size * kMaxRatio));
}

[[noreturn]] void too_big(const fs::path& archive) {
  refuse(archive, format(tr("it would unpack to more than %s (at most %s, and at most %llu times the archive's size)"),
                         human_size(unpack_limit(archive)).c_str(), human_size(kMaxUnpacked).c_str(),
                         static_cast<unsigned long long>(kMaxRatio)));
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

[[noreturn]] void write_failed(const fs::path& file, int error) {
  if (error == ENOSPC || error == EDQUOT)
    throw ImportError(tr("The kiosk's disk is full: there is no room for this pack."));
  throw ImportError(format(tr("Cannot write %s on the kiosk: %s"), file.filename().c_str(), std::strerror(error)));
}

void make_folders(const fs::path& into, const fs::path& relative) {
  fs::path at = into;
  for (const auto& part : relative) {
    at /= part;
    if (mkdir(at.c_str(), 0755) != 0 && errno != EEXIST) write_failed(at, errno);
  }
}

}  // namespace

std::vector<ArchiveEntry> list_archive(const fs::path& archive) {
  Reader r = open_archive(archive);
  std::vector<ArchiveEntry> entries;
  archive_entry* entry = nullptr;
  size_t count = 0;
  uint64_t declared = 0;
  while (next_entry(archive, r, entry, count)) {
    const std::string name = entry_name(archive, entry);
    if (name.empty()) continue;
    check_entry(archive, entry, name);
    ArchiveEntry e{name, static_cast<uint64_t>(std::max<la_int64_t>(0, archive_entry_size(entry))), {}};
    if ((declared += e.size) > unpack_limit(archive)) too_big(archive);
    if (archive_entry_filetype(entry) == AE_IFDIR) {
      if (e.name.back() != '/') e.name += '/';
    } else {
      e.head.resize(kMediaHeadBytes);
      la_ssize_t n = archive_read_data(r.a, e.head.data(), e.head.size());
      if (n < 0) unpack_failed(archive, r.a);
      e.head.resize(static_cast<size_t>(n));
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

std::optional<std::string> read_archive_entry(const fs::path& archive, const std::string& name, size_t max_bytes) {
  Reader r = open_archive(archive);
  archive_entry* entry = nullptr;
  size_t count = 0;
  while (next_entry(archive, r, entry, count)) {
    if (entry_name(archive, entry) != name) continue;
    check_entry(archive, entry, name);
    std::string bytes;
    char buffer[1 << 14];
    for (la_ssize_t n; (n = archive_read_data(r.a, buffer, sizeof buffer)) != 0;) {
      if (n < 0) unpack_failed(archive, r.a);
      bytes.append(buffer, static_cast<size_t>(n));
      if (bytes.size() > max_bytes) refuse(archive, format(tr("'%s' is too big"), name.c_str()));
    }
    return bytes;
  }
  return std::nullopt;
}

void unpack_archive(const fs::path& archive, const fs::path& into,
                    const std::function<std::optional<fs::path>(const std::string& name)>& place,
                    const std::function<void(double)>& progress) {
  uint64_t declared = 0;
  for (const auto& e : list_archive(archive)) declared += e.size;
  const uint64_t limit = unpack_limit(archive);
  Reader r = open_archive(archive);
  archive_entry* entry = nullptr;
  size_t count = 0;
  uint64_t written = 0;
  std::vector<char> buffer(1 << 20);
  while (next_entry(archive, r, entry, count)) {
    const std::string name = entry_name(archive, entry);
    if (name.empty()) continue;
    check_entry(archive, entry, name);
    const auto relative = place(name);
    if (!relative || relative->empty()) continue;
    if (archive_entry_filetype(entry) == AE_IFDIR) {
      make_folders(into, *relative);
      continue;
    }
    make_folders(into, relative->parent_path());
    const fs::path to = into / *relative;
    Fd out{open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644)};
    if (out.fd < 0) {
      if (errno == EEXIST) refuse(archive, format(tr("'%s' is in it twice"), name.c_str()));
      write_failed(to, errno);
    }
    for (la_ssize_t n; (n = archive_read_data(r.a, buffer.data(), buffer.size())) != 0;) {
      if (n < 0) unpack_failed(archive, r.a);
      if ((written += static_cast<uint64_t>(n)) > limit) too_big(archive);  // sizes can lie: count what comes out
      for (la_ssize_t done = 0; done < n;) {
        ssize_t w = write(out.fd, buffer.data() + done, static_cast<size_t>(n - done));
        if (w < 0 && errno != EINTR) write_failed(to, errno);
        if (w > 0) done += w;
      }
      if (progress && declared) progress(std::min(1.0, static_cast<double>(written) / static_cast<double>(declared)));
    }
    if (fsync(out.fd) != 0) write_failed(to, errno);
  }
}

void write_zip(const fs::path& dir, const fs::path& out) {
  const fs::path temporary = out.string() + ".part";
  struct Writer {
    archive* a = archive_write_new();
    ~Writer() { archive_write_free(a); }
  } w;
  auto fail = [&](const std::string& why) {
    std::error_code ec;
    fs::remove(temporary, ec);
    throw std::runtime_error(why);
  };
  archive_write_set_format_zip(w.a);
  // Pictures and videos are compressed already: deflating them again only costs time.
  archive_write_set_options(w.a, "zip:compression=store,zip:hdrcharset=UTF-8");
  if (archive_write_open_filename(w.a, temporary.c_str()) != ARCHIVE_OK) fail(archive_error_string(w.a));
  std::vector<fs::path> items;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) items.push_back(it->path());
  if (ec) fail(dir.string() + ": " + ec.message());
  std::sort(items.begin(), items.end());
  std::vector<char> buffer(1 << 20);
  for (const auto& path : items) {
    const auto type = fs::symlink_status(path, ec).type();
    if (type != fs::file_type::regular && type != fs::file_type::directory)
      fail(path.string() + ": is a link or a special file: a pack must hold the files themselves");
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
    std::string name = (dir.filename() / path.lexically_relative(dir)).generic_string();
    if (type == fs::file_type::directory) name += '/';
    archive_entry_set_pathname_utf8(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), type == fs::file_type::directory ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(entry.get(), type == fs::file_type::directory ? 0755 : 0644);
    archive_entry_set_mtime(entry.get(), time(nullptr), 0);
    const uintmax_t size = type == fs::file_type::regular ? fs::file_size(path, ec) : 0;
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
    if (archive_write_header(w.a, entry.get()) != ARCHIVE_OK) fail(archive_error_string(w.a));
    if (type != fs::file_type::regular) continue;
    Fd in{open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)};
    if (in.fd < 0) fail(path.string() + ": " + std::strerror(errno));
    for (ssize_t n; (n = read(in.fd, buffer.data(), buffer.size())) != 0;) {
      if (n < 0) fail(path.string() + ": " + std::strerror(errno));
      if (archive_write_data(w.a, buffer.data(), static_cast<size_t>(n)) != n) fail(archive_error_string(w.a));
    }
  }
  if (archive_write_close(w.a) != ARCHIVE_OK) fail(archive_error_string(w.a));
  fs::rename(temporary, out, ec);
  if (ec) fail(out.string() + ": " + ec.message());
}
