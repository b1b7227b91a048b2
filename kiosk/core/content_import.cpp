#include "core/content_import.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string_view>

#include "core/atomic_file.h"
#include "core/auto_pack.h"
#include "core/i18n.h"
#include "core/archive.h"
#include "core/importers/h5p_import.h"
#include "core/importers/pdf_import.h"
#include "core/importers/zip_import.h"
#include "core/manifest_reader.h"
#include "core/text.h"

namespace {

struct PackFile {
  fs::path relative;
  bool folder = false;
  uintmax_t size = 0;
};

// Every folder and regular file a copy of the pack takes (for a generated pack, its media). The
// copy never follows links, so a link anywhere, even one pointing inside, is a problem.
std::vector<PackFile> files_to_copy(const fs::path& dir, const std::optional<MediaFolder>& media,
                                    std::vector<Problem>& problems) {
  std::vector<PackFile> files;
  auto add = [&](const fs::path& path, fs::file_type type) {
    std::error_code ec;
    if (type == fs::file_type::directory)
      files.push_back({path.lexically_relative(dir), true, 0});
    else if (type == fs::file_type::regular)
      files.push_back({path.lexically_relative(dir), false, fs::file_size(path, ec)});
    else if (type == fs::file_type::symlink)
      problems.push_back({path, "", "is a symbolic link: a pack must hold the files themselves"});
    else
      problems.push_back({path, "", "is not a file or a folder"});
  };
  std::error_code ec, type_ec;
  if (media) {
    for (const auto* list : {&media->videos, &media->pictures})
      for (const auto& path : *list) add(path, fs::symlink_status(path, type_ec).type());
  } else {
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      add(it->path(), it->symlink_status(type_ec).type());
  }
  if (ec) problems.push_back({dir, "", "cannot be read: " + ec.message()});
  return files;
}

// Folders and files on the stick that may be packs: not hidden, not links, not a kiosk export.
std::vector<fs::path> candidates(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec, item_ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    const auto type = it->symlink_status(item_ec).type();
    if (path.filename().string()[0] == '.' || (type != fs::file_type::directory && type != fs::file_type::regular)) continue;
    if (fs::exists(path / "sessions.csv", item_ec) || fs::exists(path / "journal.sqlite", item_ec)) continue;
    found.push_back(path);
  }
  return found;
}

std::string lessons_and_games(int lessons, int games) {
  return format(tr("%d lesson(s), %d game(s)"), lessons, games);
}

PackOnStick read_folder_pack(const fs::path& dir) {
  PackOnStick pack;
  pack.path = dir;
  Topic topic = load_topic(dir, dir.filename().string());
  pack.id = topic.id;
  pack.title = topic.title;
  pack.lessons = static_cast<int>(topic.lessons.size());
  pack.games = static_cast<int>(topic.games.size());
  pack.problems = topic.problems;
  pack.becomes = lessons_and_games(pack.lessons, pack.games);
  files_to_copy(dir, std::nullopt, pack.problems);
  return pack;
}

PackOnStick read_media_pack(const fs::path& dir, const MediaFolder& media) {
  PackOnStick pack;
  pack.path = dir;
  pack.kind = PackKind::media_folder;
  const std::string name = nfc(dir.filename().string());
  pack.id = id_from_name(name);
  pack.title.vi = name;
  pack.lessons = static_cast<int>(media.videos.size()) + (media.pictures.empty() ? 0 : 1);
  pack.becomes = format(tr("made from a folder: %zu video lesson(s) and a story of %zu picture(s)"),
                        media.videos.size(), media.pictures.size());
  std::error_code ec;
  for (const auto& item : media.skipped)
    pack.skipped.push_back(format(fs::is_directory(fs::symlink_status(item, ec))
                                      ? tr("%s: a folder inside (only the files beside it are used)")
                                      : tr("%s: not a video or picture the kiosk can play"),
                                  nfc(item.filename().string()).c_str()));
  if (pack.id.empty())
    pack.problems.push_back({dir, "", "the folder's name needs a letter or a digit (it gives the topic id)"});
  files_to_copy(dir, media, pack.problems);
  return pack;
}

// The importer of each kind of file: what the file becomes, and how.
struct FileImporter {
  PackKind kind;
  PackOnStick (*read)(const fs::path& file);
  ConvertFile convert;
};
const FileImporter kImporters[] = {
    {PackKind::zip, read_zip_pack, convert_zip_pack},
    {PackKind::h5p, read_h5p, convert_h5p},
    {PackKind::pdf, read_pdf_story, convert_pdf_story},
    {PackKind::slides, read_slides_story, convert_slides_story},
};

const FileImporter* importer_of(PackKind kind) {
  for (const auto& importer : kImporters)
    if (importer.kind == kind) return &importer;
  return nullptr;
}

// A file's kind by its content: the name's extension only tells an old .ppt from other Office files.
std::optional<PackKind> file_kind(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  const std::string_view start(head, static_cast<size_t>(in.gcount()));
  if (start.substr(0, 5) == "%PDF-") return PackKind::pdf;
  std::string extension = file.extension().string();
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (start.substr(0, 4) == "\xD0\xCF\x11\xE0" && extension == ".ppt") return PackKind::slides;
  if (start.substr(0, 4) != "PK\x03\x04") return std::nullopt;
  try {  // H5P packages and Office files are zips too: PowerPoint's hold ppt/, OpenDocument's say what they are
    for (const auto& entry : list_archive(file)) {
      if (entry.name == "h5p.json") return PackKind::h5p;
      if (entry.name == "ppt/presentation.xml") return PackKind::slides;
      if (entry.name == "mimetype" && entry.head.find("opendocument.presentation") != std::string::npos)
        return PackKind::slides;
    }
  } catch (const ImportError&) {  // the zip importer names what is wrong with it
  }
  return PackKind::zip;
}

}  // namespace

void ensure_room(uintmax_t bytes, const fs::path& staging) {
  std::error_code ec;
  if (auto space = fs::space(staging, ec); !ec && space.available < bytes + kImportLeavesFree)
    throw ImportError(format(tr("Not enough room on the kiosk for this pack: it needs %s, %s are free, and %s must "
                                "stay free for the class records."),
                             human_size(bytes).c_str(), human_size(space.available).c_str(),
                             human_size(kImportLeavesFree).c_str()));
}

namespace {

// A full disk is told apart from other write failures: it is the one the admin can fix.
[[noreturn]] void write_failed(const fs::path& file, int error) {
  if (error == ENOSPC || error == EDQUOT)
    throw ImportError(tr("The kiosk's disk is full: there is no room for this pack."));
  throw ImportError(format(tr("Cannot write %s on the kiosk: %s"), file.filename().c_str(), std::strerror(error)));
}

[[noreturn]] void read_failed(const fs::path& file) {
  throw ImportError(format(tr("Cannot read %s from the USB stick. Was it taken out?"), file.filename().c_str()));
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

// Copies one file and syncs it to disk, telling `copied` each chunk's size.
void copy_file_synced(const fs::path& from, const fs::path& to, const std::function<void(size_t)>& copied) {
  Fd in{open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)};
  if (in.fd < 0) read_failed(from);
  Fd out{open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)};
  if (out.fd < 0) write_failed(to, errno);
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = read(in.fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) read_failed(from);
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t written = write(out.fd, buffer.data() + done, static_cast<size_t>(n - done));
      if (written < 0 && errno != EINTR) write_failed(to, errno);
      if (written > 0) done += written;
    }
    copied(static_cast<size_t>(n));
  }
  if (fsync(out.fd) != 0) write_failed(to, errno);
}

// Copies the pack into `staging` (generating the manifest of a plain folder), checks the copy as
// the catalog will read it, and syncs it to disk.
void copy_pack(const PackOnStick& pack, const fs::path& staging, const std::function<void(double)>& progress) {
  std::optional<MediaFolder> media;
  if (pack.kind == PackKind::media_folder && !(media = read_media_folder(pack.path)))
    throw ImportError(format(tr("The pack changed on the USB stick: %s"), pack.path.filename().c_str()));
  std::vector<Problem> problems;
  const auto files = files_to_copy(pack.path, media, problems);
  if (!problems.empty())
    throw ImportError(format(tr("The pack changed on the USB stick: %s"), problems.front().describe().c_str()));

  uintmax_t total = 0, done = 0;
  for (const auto& file : files) total += file.size;
  ensure_room(total, staging);
  for (const auto& file : files) {
    const fs::path to = staging / file.relative;
    if (file.folder) {
      if (mkdir(to.c_str(), 0755) != 0) write_failed(to, errno);
      continue;
    }
    copy_file_synced(pack.path / file.relative, to, [&](size_t n) {
      done += n;
      if (progress) progress(static_cast<double>(done) / static_cast<double>(total));
    });
  }
  if (media) write_auto_manifest(*media, pack.title.vi, staging);
}

// The pack in `staging` checked as the catalog will read it, and every folder of it synced (its
// files were synced as they were written).
void check_and_sync(const PackOnStick& pack, const fs::path& staging) {
  Topic copy = load_topic(staging, pack.id);
  if (!copy.problems.empty()) {
    Problem first = copy.problems.front();
    first.file = first.file.lexically_relative(staging);
    throw ImportError(format(tr("The copied pack has problems: %s"), first.describe().c_str()));
  }
  std::vector<fs::path> folders{staging};
  std::error_code ec;
  for (fs::recursive_directory_iterator it(staging, ec), end; !ec && it != end; it.increment(ec))
    if (it->symlink_status(ec).type() == fs::file_type::directory) folders.push_back(it->path());
  for (const auto& folder : folders)
    if (int error = sync_folder(folder)) write_failed(folder, error);
}

// The new pack takes the old one's place in a single rename (RENAME_EXCHANGE), so that a power
// cut leaves one of them in place, never neither. `staging` then holds the old pack.
void swap_in(const fs::path& staging, const fs::path& target) {
  std::error_code ec;
  int result = fs::exists(target, ec) ? renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE)
                                      : std::rename(staging.c_str(), target.c_str());
  if (result != 0)
    throw ImportError(format(tr("The new pack could not take the old one's place: %s"), std::strerror(errno)));
  sync_folder(target.parent_path());  // best effort: the new pack is in place whatever it says
}

}  // namespace

std::vector<fs::path> import_leftovers(const fs::path& imported_dir) {
  std::vector<fs::path> leftovers;
  std::error_code ec;
  for (fs::directory_iterator it(imported_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(".staging-", 0) == 0) leftovers.push_back(it->path());
  return leftovers;
}

std::optional<PackOnStick> read_pack(const fs::path& path, const fs::path& imported_dir) {
  std::optional<PackOnStick> pack;
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(path, ec))) {
    if (fs::exists(fs::symlink_status(path / "topic.json", ec))) pack = read_folder_pack(path);
    else if (auto media = read_media_folder(path)) pack = read_media_pack(path, *media);
  } else if (auto kind = file_kind(path); kind && importer_of(*kind)) {
    pack = importer_of(*kind)->read(path);
  }
  if (pack) pack->replaces_existing = !pack->id.empty() && fs::exists(imported_dir / pack->id, ec);
  return pack;
}

std::vector<PackOnStick> scan_stick(const fs::path& stick_root, const fs::path& imported_dir) {
  std::vector<PackOnStick> packs;
  for (const auto& path : candidates(stick_root)) {
    const std::string name = path.filename().string();
    const bool holder = fs::is_directory(path) && (strcasecmp(name.c_str(), "content") == 0 ||
                                                   strcasecmp(name.c_str(), "xem-va-noi") == 0);
    for (const auto& inner : holder ? candidates(path) : std::vector<fs::path>{path})
      if (auto pack = read_pack(inner, imported_dir)) packs.push_back(std::move(*pack));
  }
  std::sort(packs.begin(), packs.end(), [](const PackOnStick& a, const PackOnStick& b) {
    return natural_less(a.path.filename().string(), b.path.filename().string());
  });
  // Two packs of one id would replace each other.
  for (auto& pack : packs) {
    auto same = [&](const PackOnStick& other) { return other.id == pack.id; };
    if (!pack.id.empty() && std::count_if(packs.begin(), packs.end(), same) > 1)
      pack.problems.push_back({pack.path, "", "another pack on this stick has the same id, '" + pack.id + "'"});
  }
  return packs;
}

void import_pack(const PackOnStick& pack, const fs::path& imported_dir, const std::function<void(double)>& progress) {
  if (!pack.importable()) throw ImportError(tr("This pack has problems. Fix them on the USB stick first."));
  std::error_code ec;
  fs::create_directories(imported_dir, ec);
  if (ec) write_failed(imported_dir, ec.value());
  for (const auto& dir : import_leftovers(imported_dir)) fs::remove_all(dir, ec);
  std::string pattern = (imported_dir / (".staging-" + pack.id + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) write_failed(imported_dir, errno);
  // Removed whatever happens: after a failure it holds a partial copy, after the swap the old pack.
  struct RemoveOnExit {
    fs::path dir;
    ~RemoveOnExit() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } staging{pattern};
  fs::permissions(staging.dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                   fs::perms::others_read | fs::perms::others_exec, ec);  // mkdtemp makes it 0700
  try {
    if (pack.kind == PackKind::folder || pack.kind == PackKind::media_folder) {
      copy_pack(pack, staging.dir, progress);
    } else {
      ensure_room(fs::file_size(pack.path, ec), staging.dir);  // no pack is smaller than its file
      importer_of(pack.kind)->convert(pack, staging.dir, progress);
    }
    check_and_sync(pack, staging.dir);
    swap_in(staging.dir, imported_dir / pack.id);
  } catch (const ImportError&) {
    throw;
  } catch (const std::exception& e) {  // a manifest that cannot be written, a name that is not UTF-8...
    throw ImportError(format(tr("The pack could not be imported: %s"), e.what()));
  }
  if (progress) progress(1);
}
