// kiosk: the Xem và Nói classroom program, and its command-line tools.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <regex>

#include "app/app.h"
#include "core/catalog.h"

namespace {
int check_content(const std::filesystem::path& dir) {
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
}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Xem và Nói (Watch and Talk): a classroom kiosk for preschools."};
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
  cli.add_option("--replay", options.replay, "drive the kiosk from a script or named pipe (for tests)");
  cli.add_option("--ui-tree", options.ui_tree, "write the screen's actionable elements to this JSON file after each change");
  cli.add_option("--heartbeat", options.heartbeat_seconds, "seconds between journal heartbeats of a running session")
      ->check(CLI::Range(1, 30));

  std::filesystem::path check_dir;
  auto* check = cli.add_subcommand("check-content", "validate every topic pack in DIR; exit 1 on any problem");
  check->add_option("DIR", check_dir, "content folder")->required();

  CLI11_PARSE(cli, argc, argv);
  if (*check) return check_content(check_dir);
  if (!windowed.empty()) {
    options.windowed = true;
    std::sscanf(windowed.c_str(), "%dx%d", &options.width, &options.height);
  }
  return run_app(options);
}
