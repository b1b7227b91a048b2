#pragma once
// The --replay script language, one command a line ('#' starts a comment):
//   wait MS | advance MS | tap X Y | tap @ID | drag X1 Y1 X2 Y2 MS | key NAME | text STRING |
//   screenshot PATH.png | quit
// `wait` lets real time pass (a video plays on); `advance` moves the program's clocks MS ahead at
// once (core/clock.h), so a timer runs out without waiting for it.
// NAME is an SDL key name ("Return", "Left", "Escape", "AC Back"; may contain spaces), after
// optional modifiers ("Ctrl+Alt+A"). `text` types
// STRING (UTF-8, to the end of the line) as a keyboard's text input does.
#include <optional>
#include <string>

struct ReplayCommand {
  enum class Kind { Wait, Advance, Tap, TapId, Drag, Key, Text, Screenshot, Quit } kind;
  float x = 0, y = 0, x2 = 0, y2 = 0;
  int ms = 0;
  std::string text;  // element id, key name, typed text or screenshot path
};

// Parses one line. Blank and comment lines give nothing with `error` empty; a bad line gives
// nothing with `error` saying why.
std::optional<ReplayCommand> parse_replay_line(const std::string& line, std::string& error);
