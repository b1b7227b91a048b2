// Exports to a stick that is full, read-only, or pulled out mid-way, on tmpfs mounts (as root;
// without root these tests only warn that they were skipped).
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/export/log_export.h"
#include "export_fixture.h"
#include "temp_dir.h"
#include "tmpfs_mount.h"

namespace {
struct Classroom {
  TempDir dir;
  ExportOptions options;
  std::string journal_bytes;
  Classroom() {
    options.journal_db = dir / "data/journal.sqlite";
    options.destination = dir / "stick";
    options.device_name = "Lớp Lá 1";
    options.now = kNov3 + 86400;
    {
      Journal j(options.journal_db);
      fill_journal(j);
    }
    journal_bytes = read_file(options.journal_db);
  }
  ExportError::Kind export_fails(const std::function<void(double, const std::string&)>& progress) {
    try {
      export_logs(options, progress);
    } catch (const ExportError& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).size() > 10);
      return e.kind;
    }
    FAIL("the export did not fail");
    return ExportError::Kind::Other;
  }
  void check_journal_intact() const {
    CHECK(read_file(options.journal_db) == journal_bytes);
    CHECK(query(options.journal_db, "PRAGMA integrity_check") == "ok");
  }
};

const auto kQuiet = [](double, const std::string&) {};
}  // namespace

TEST_CASE("export failure: a stick too small for the export is Full before anything is written") {
  Classroom room;
  TmpfsMount stick(room.options.destination, 0, "200k");
  if (!stick.mounted) return;
  CHECK(room.export_fails(kQuiet) == ExportError::Kind::Full);
  CHECK(listing(stick.dir).empty());
  room.check_journal_intact();
}

TEST_CASE("export failure: a stick that fills up while the export is written is Full, and is left clean") {
  Classroom room;
  TmpfsMount stick(room.options.destination, 0, "4m");
  if (!stick.mounted) return;
  bool filled = false;
  auto kind = room.export_fails([&](double, const std::string& step) {
    if (filled || step != "Writing sessions.csv") return;
    filled = true;  // another program fills the stick meanwhile
    std::ofstream filler(stick.dir / "filler", std::ios::binary);
    std::string block(4096, 'f');
    while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
  });
  CHECK(filled);
  CHECK(kind == ExportError::Kind::Full);
  CHECK(listing(stick.dir) == std::vector<std::string>{"filler"});
  room.check_journal_intact();
}

TEST_CASE("export failure: a read-only stick is ReadOnly") {
  Classroom room;
  TmpfsMount stick(room.options.destination, MS_RDONLY, "1m");
  if (!stick.mounted) return;
  CHECK(room.export_fails(kQuiet) == ExportError::Kind::ReadOnly);
  CHECK(listing(stick.dir).empty());
  room.check_journal_intact();
}

TEST_CASE("export failure: a stick pulled out mid-export is Gone, with nothing left under a final name") {
  for (const char* when : {"Copying the journal", "Writing sessions.csv", "Writing activities.csv",
                           "Writing report.html", "Checking the copy"}) {
    DYNAMIC_SECTION(when) {
      Classroom room;
      TmpfsMount stick(room.options.destination, 0, "8m");
      if (!stick.mounted) return;
      bool pulled = false;
      auto kind = room.export_fails([&](double, const std::string& step) {
        if (!pulled && step == when) {
          stick.unmount();
          pulled = true;
        }
      });
      CHECK(pulled);
      CHECK(kind == ExportError::Kind::Gone);
      CHECK(listing(room.options.destination).empty());  // the mount point, as the system sees it now
      room.check_journal_intact();
    }
  }
}
