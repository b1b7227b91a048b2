// kiosk: the Xem và Nói classroom program, and its command-line tools.
#include <CLI/CLI.hpp>
#include <malloc.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <regex>

#include "app/app.h"
#include "app/textures.h"
#include "app/trace.h"
#include "core/archive.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/content_import.h"
#include "core/export/log_export.h"
#include "core/export/log_merge.h"
#include "core/i18n.h"
#include "core/notify_relay.h"
#include "core/paths.h"
#include "core/pin_store.h"
#include "core/settings.h"
#include "core/text.h"

namespace {
// A zip, H5P package, PDF or PowerPoint: what importing it would make, or why it cannot be.
int check_file(const std::filesystem::path& file) {
  const auto pack = read_pack(file, {});
  if (!pack) {
    std::fprintf(stderr, "%s: not a topic pack, zip, H5P package, PDF or PowerPoint the kiosk can import\n", file.c_str());
    return 1;
  }
  for (const auto& p : pack->problems) std::fprintf(stderr, "%s\n", p.describe().c_str());
  for (const auto& s : pack->skipped) std::printf("%s: left out: %s\n", file.c_str(), s.c_str());
  if (!pack->becomes.empty()) std::printf("%s: topic '%s' (%s): %s\n", file.c_str(), pack->id.c_str(), pack->title.vi.c_str(), pack->becomes.c_str());
  return pack->importable() ? 0 : 1;
}

int check_content(const std::filesystem::path& dir) {
  if (std::filesystem::is_regular_file(dir)) return check_file(dir);
  Catalog catalog = load_catalog(dir);
  for (const auto& p : catalog.problems) std::fprintf(stderr, "%s\n", p.describe().c_str());
  size_t lessons = 0, games = 0;
  for (const auto& t : catalog.topics) {
    lessons += t.lessons.size();
    games += t.games.size();
  }
  std::printf("%zu topic(s), %zu lesson(s), %zu game(s), %zu problem(s)\n", catalog.topics.size(), lessons, games,
              catalog.problems.size());
  return catalog.problems.empty() ? 0 : 1;
}

// A pack folder as one zip, to send to another school; the pack must pass check-content first.
int pack_folder(const std::filesystem::path& dir, const std::filesystem::path& out) {
  const Topic topic = load_topic(dir, dir.filename().string());
  for (const auto& p : topic.problems) std::fprintf(stderr, "%s\n", p.describe().c_str());
  if (!topic.problems.empty()) {
    std::fprintf(stderr, "not packed: fix the problems above first\n");
    return 1;
  }
  try {
    write_zip(dir, out);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  std::printf("%s: %zu lesson(s), %zu game(s), %s\n", out.c_str(), topic.lessons.size(), topic.games.size(),
              human_size(std::filesystem::file_size(out)).c_str());
  return 0;
}

// A line each time the step changes: enough to follow an export in a terminal or a log.
void print_progress(double fraction, const std::string& step) {
  static std::string last;
  if (step == last) return;
  last = step;
  std::printf("%3.0f%%  %s\n", fraction * 100, step.c_str());
  std::fflush(stdout);
}

// The report's period from --period or --from/--until (a range), else `fallback`.
struct PeriodOptions {
  std::string choice, from, until;

  void add_to(CLI::App* command) {
    command->add_option("--period", choice,
                        "period of the report files: all, school-year[:YYYY], year[:YYYY-MM-DD] or FROM..UNTIL");
    command->add_option("--from", from, "the report's first day, YYYY-MM-DD")->excludes("--period");
    command->add_option("--until", until, "the report's last day, YYYY-MM-DD")->excludes("--period");
  }
  // Throws std::invalid_argument with a message for the user.
  ReportPeriod get(const std::string& fallback, int64_t now) const {
    std::string c = !from.empty() || !until.empty() ? from + ".." + until : choice.empty() ? fallback : choice;
    return parse_period(c, iso8601_local(now).substr(0, 10));
  }
};

int export_logs_to(const std::filesystem::path& data_dir, const std::filesystem::path& to,
                   const std::filesystem::path& content_dir, const PeriodOptions& period) {
  std::string warning;
  Settings settings = load_settings(data_dir, warning);
  if (!warning.empty()) std::fprintf(stderr, "%s\n", warning.c_str());
  ExportOptions o;
  o.journal_db = data_dir / "journal.sqlite";
  o.destination = to;
  o.device_name = settings.device_name;
  o.school = settings.school;
  o.report = settings.report;
  o.now = unix_now();
  for (const auto& topic : load_catalog(content_dir).topics) o.topic_titles[topic.id] = topic.title.vi;
  try {
    o.period = period.get(settings.report.period, o.now);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  try {
    ExportResult r = export_logs(o, print_progress);
    std::printf("%d session(s), %d activity(ies), %llu bytes in %s\n", r.sessions, r.activities,
                static_cast<unsigned long long>(r.bytes), r.folder.c_str());
    return 0;
  } catch (const ExportError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}

int merge(const std::filesystem::path& out_dir, const std::vector<std::filesystem::path>& exports,
          const PeriodOptions& period_options) {
  ReportPeriod period;
  try {
    period = period_options.get("all", unix_now());
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  try {
    MergeResult r = merge_exports(out_dir, exports, print_progress, period);
    std::printf("%d export(s) merged: %d device(s), %d session(s) (%d new), %d activity(ies) (%d new) in %s\n",
                r.exports, r.devices, r.sessions, r.new_sessions, r.activities, r.new_activities, out_dir.c_str());
    return 0;
  } catch (const ExportError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
// One line from stdin; on a terminal it asks with `prompt` and does not echo what is typed.
std::string read_secret(const char* prompt) {
  termios old{};
  const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    termios quiet = old;
    quiet.c_lflag &= ~ECHO;
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  return line;
}

// xem-va-noi-setup asks for the admin PIN here, so that nobody in front of a fresh kiosk chooses it
// first. The PIN is typed twice (on stdin, two lines, when it is not a terminal).
int set_admin_pin(const std::filesystem::path& data_dir) {
  std::string warning;
  try {
    std::filesystem::create_directories(data_dir);
    PinStore pins(data_dir, warning);
    if (!warning.empty()) std::fprintf(stderr, "%s\n", warning.c_str());
    std::string pin = read_secret("Admin PIN (4 to 8 digits): ");
    if (!PinStore::valid_pin(pin)) {
      std::fprintf(stderr, "kiosk: the admin PIN must be 4 to 8 digits; nothing was changed\n");
      return 1;
    }
    if (read_secret("The same PIN again: ") != pin) {
      std::fprintf(stderr, "kiosk: the two PINs differ; nothing was changed\n");
      return 1;
    }
    pins.set_pin(pin);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk: admin PIN: %s\n", e.what());
    return 1;
  }
  std::printf("The admin PIN is set.\n");
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  trace_startup("main");
  CLI::App cli{"Xem và Nói (Watch and Talk): a classroom kiosk for preschools."};
  cli.set_version_flag("--version", "xem-va-noi " KIOSK_VERSION);
  AppOptions options;
  std::string windowed;
  cli.add_option("--windowed", windowed, "run in a window of this size, e.g. 1280x720 (closing it quits)")
      ->check([](const std::string& v) {
        return std::regex_match(v, std::regex("[1-9][0-9]{2,4}x[1-9][0-9]{2,4}")) ? "" : "expected WIDTHxHEIGHT";
      });
  cli.add_option("--content", options.content_dir, "content folder of topic packs (default: the bundled samples)");
  cli.add_option("--data", options.data_dir, "folder of the journal and settings (default: $XDG_DATA_HOME/xem-va-noi)");
  cli.add_option("--lang", options.lang, "interface language: vi (default), en, or any with a translation")
      ->check([](const std::string& v) {
        return std::regex_match(v, std::regex("[a-z]{2,3}(_[A-Z]{2})?")) ? "" : "expected a language code like vi";
      });
  cli.add_option("--usb-root", options.usb_root, "treat each folder inside DIR as a mounted USB stick (tests)")
      ->check(CLI::ExistingDirectory);
  cli.add_option("--asound-root", options.asound_root, "list the sound outputs of this /proc/asound tree instead of the sound cards' (tests)")
      ->check(CLI::ExistingDirectory);
  cli.add_option("--replay", options.replay, "drive the kiosk from a script or named pipe (for tests)");
  cli.add_option("--ui-tree", options.ui_tree, "write the screen's actionable elements to this JSON file after each change");
  cli.add_option("--heartbeat", options.heartbeat_seconds, "seconds between journal heartbeats of a running session")
      ->check(CLI::Range(1, 30));
  cli.add_option("--game-seed", options.game_seed, "shuffle the games' boards from this seed: the same boards each run (tests)");
  cli.add_option("--texture-cache-mb", options.texture_cache_mb, "memory for pictures not on screen, in MiB (default: " + std::to_string(TextureCache::kDefaultCapBytes >> 20) + ")")
      ->check(CLI::Range(1, 65536));

  std::filesystem::path check_dir;
  auto* check = cli.add_subcommand("check-content", "validate every topic pack in DIR, or what a .zip, .h5p or .pdf would "
                                                     "become; exit 1 on any problem");
  check->add_option("DIR", check_dir, "content folder, or a .zip, .h5p, .pdf, .pptx file")->required();

  std::filesystem::path pack_dir, pack_out;
  auto* pck = cli.add_subcommand("pack", "zip the topic pack DIR into OUT.zip, to carry it to another kiosk");
  pck->add_option("DIR", pack_dir, "a topic pack folder (named with its id, holding topic.json)")->required()->check(CLI::ExistingDirectory);
  pck->add_option("OUT", pack_out, "the zip to write")->required();

  std::filesystem::path export_data = default_data_dir(), export_to, export_content = find_install_paths().content;
  auto* exp = cli.add_subcommand("export", "copy the journal, CSV files and the report to a folder (a USB stick)");
  exp->add_option("--data", export_data, "folder of the journal and settings")->capture_default_str();
  exp->add_option("--to", export_to, "where to write the export folder, e.g. the stick's mount point")->required();
  exp->add_option("--content", export_content, "content folder, for topic titles (default: the bundled samples)");
  PeriodOptions export_period;
  export_period.add_to(exp);

  std::filesystem::path merge_out;
  std::vector<std::filesystem::path> merge_in;
  auto* mrg = cli.add_subcommand("merge", "merge the export folders of several classrooms into OUT_DIR");
  mrg->add_option("OUT_DIR", merge_out, "folder of merged.sqlite, the CSV files and the report")->required();
  mrg->add_option("EXPORT_DIR", merge_in, "export folders written by `kiosk export`")->required()->check(CLI::ExistingDirectory);
  PeriodOptions merge_period;
  merge_period.add_to(mrg);

  std::filesystem::path pin_data = default_data_dir();
  auto* pin = cli.add_subcommand("set-admin-pin", "choose the admin PIN (typed twice on stdin), as xem-va-noi-setup does");
  pin->add_option("--data", pin_data, "folder of the journal and settings")->capture_default_str();

  std::vector<std::string> relayed;
  auto* relay = cli.add_subcommand("relay-notify", "run COMMAND, passing its systemd notifications on as this process's (the unit's ExecStart)");
  relay->add_option("COMMAND", relayed, "the command and its arguments, after --")->required();

  CLI11_PARSE(cli, argc, argv);
  if (*check) return check_content(check_dir);
  if (*pck) {
    auto dir = std::filesystem::absolute(pack_dir).lexically_normal();
    return pack_folder(dir.has_filename() ? dir : dir.parent_path(), pack_out);  // "DIR/" names DIR
  }
  if (*relay) return run_notify_relay(relayed);
  if (*pin) return set_admin_pin(pin_data);
  if (*exp || *mrg) init_i18n(find_install_paths().locale.string(), options.lang);
  if (*exp) return export_logs_to(export_data, export_to, export_content, export_period);
  if (*mrg) return merge(merge_out, merge_in, merge_period);
  if (!windowed.empty()) {
    options.windowed = true;
    std::sscanf(windowed.c_str(), "%dx%d", &options.width, &options.height);
  }
  // Before any thread starts. glibc gives threads that allocate at once arenas of their own, up to
  // eight per core, and keeps what is freed in each: the threads of mpv, its decoders and llvmpipe,
  // started anew for every video, left the kiosk's memory creeping up for hundreds of sessions
  // before it levelled off, over 100 MiB higher (tests/bench/soak.py). Two arenas keep it near flat.
  mallopt(M_ARENA_MAX, 2);
  trace_startup("command line read");
  return run_app(options);
}
