#include "core/replay_script.h"

#include <sstream>

namespace {
std::string rest_of(std::istringstream& in) {
  std::string rest;
  std::getline(in >> std::ws, rest);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r' || rest.back() == '\t')) rest.pop_back();
  return rest;
}
}  // namespace

std::optional<ReplayCommand> parse_replay_line(const std::string& line, std::string& error) {
  error.clear();
  std::istringstream in(line);
  std::string verb;
  if (!(in >> verb) || verb[0] == '#') return std::nullopt;

  ReplayCommand cmd{};
  auto expect_end = [&]() -> std::optional<ReplayCommand> {
    if (in.fail() || !rest_of(in).empty()) {
      error = "bad arguments: " + line;
      return std::nullopt;
    }
    return cmd;
  };
  if (verb == "wait" || verb == "advance") {
    cmd.kind = verb == "wait" ? ReplayCommand::Kind::Wait : ReplayCommand::Kind::Advance;
    in >> cmd.ms;
    if (cmd.ms < 0) in.setstate(std::ios::failbit);
    return expect_end();
  }
  if (verb == "tap") {
    in >> std::ws;
    if (in.peek() == '@') {
      in.get();
      cmd.kind = ReplayCommand::Kind::TapId;
      cmd.text = rest_of(in);
      if (cmd.text.empty()) error = "tap @ needs an element id: " + line;
      return error.empty() ? std::optional(cmd) : std::nullopt;
    }
    cmd.kind = ReplayCommand::Kind::Tap;
    in >> cmd.x >> cmd.y;
    return expect_end();
  }
  if (verb == "drag") {
    cmd.kind = ReplayCommand::Kind::Drag;
    in >> cmd.x >> cmd.y >> cmd.x2 >> cmd.y2 >> cmd.ms;
    return expect_end();
  }
  if (verb == "key" || verb == "text" || verb == "screenshot") {
    cmd.kind = verb == "key"    ? ReplayCommand::Kind::Key
               : verb == "text" ? ReplayCommand::Kind::Text
                                : ReplayCommand::Kind::Screenshot;
    cmd.text = rest_of(in);
    if (cmd.text.empty()) error = verb + " needs an argument: " + line;
    return error.empty() ? std::optional(cmd) : std::nullopt;
  }
  if (verb == "quit") {
    cmd.kind = ReplayCommand::Kind::Quit;
    return expect_end();
  }
  error = "unknown command '" + verb + "': " + line;
  return std::nullopt;
}
