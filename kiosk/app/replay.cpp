#include "app/replay.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/clock.h"

ReplayDriver::ReplayDriver(const std::string& path, uint32_t wake_event) {
  std::thread(read_lines, inbox_, path, wake_event).detach();
}

ReplayDriver::~ReplayDriver() { inbox_->stopping = true; }

void ReplayDriver::read_lines(std::shared_ptr<Inbox> inbox, std::string path, uint32_t wake_event) {
  auto wake = [&] {
    SDL_Event e{};
    e.type = wake_event;
    if (!inbox->stopping) SDL_PushEvent(&e);
  };
  std::ifstream in(path);  // blocks until a writer opens a named pipe
  if (!in) {
    std::lock_guard lock(inbox->mutex);
    inbox->open_failed = true;
    return wake();
  }
  const bool regular = std::filesystem::is_regular_file(path);
  std::string line;
  while (!inbox->stopping) {
    if (!std::getline(in, line)) {
      if (!regular) return;  // the writer closed the pipe
      in.clear();            // a file: wait for more lines
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    {
      std::lock_guard lock(inbox->mutex);
      inbox->lines.push_back(line);
    }
    wake();
  }
}

void ReplayDriver::error(const std::string& what) {
  ++errors_;
  std::fprintf(stderr, "kiosk: replay: %s\n", what.c_str());
}

double ReplayDriver::seconds_to_next(double now, uint64_t frames) {
  if (!scheduled_.empty()) return std::max(0.0, scheduled_.front().at - now);
  if (wait_until_ > now) return wait_until_ - now;
  // Until the frame is drawn, or the host settles (it draws frames for that by itself).
  if (running_command_ || frames == 0) return frames > frame_of_last_event_ ? 0 : -1;
  std::lock_guard lock(inbox_->mutex);
  return inbox_->lines.empty() && !inbox_->open_failed ? -1 : 0;
}

void ReplayDriver::push_key(ReplayHost& host, Uint32 type, SDL_Keycode key, Uint16 mod) {
  SDL_Event e{};
  e.type = type;
  e.key.windowID = host.window_id();
  e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.sym = key;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
  e.key.keysym.mod = mod;
  SDL_PushEvent(&e);
}

void ReplayDriver::push_mouse(ReplayHost& host, Uint32 type, float x, float y) {
  SDL_Event e{};
  e.type = type;
  if (type == SDL_MOUSEMOTION) {
    e.motion.windowID = host.window_id();
    e.motion.x = static_cast<Sint32>(x);
    e.motion.y = static_cast<Sint32>(y);
    e.motion.state = scheduled_.empty() ? 0 : SDL_BUTTON_LMASK;
  } else {
    e.button.windowID = host.window_id();
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = static_cast<Sint32>(x);
    e.button.y = static_cast<Sint32>(y);
  }
  SDL_PushEvent(&e);
}

void ReplayDriver::step(ReplayHost& host, double now, uint64_t frames) {
  while (!scheduled_.empty() && scheduled_.front().at <= now) {
    auto s = scheduled_.front();
    scheduled_.pop_front();
    if (s.type == SDL_KEYUP) push_key(host, s.type, s.key);
    else push_mouse(host, s.type, s.x, s.y);
    frame_of_last_event_ = frames;  // the command completes in a frame that saw this event
    host.request_frame();
  }
  if (frames == 0) return;  // the first command waits for the first frame
  if (running_command_) {
    if (!scheduled_.empty() || now < wait_until_ || frames <= frame_of_last_event_ || !host.input_settled()) return;
    finish_command(host);
  }

  std::string line;
  {
    std::lock_guard lock(inbox_->mutex);
    if (inbox_->open_failed) {
      inbox_->open_failed = false;
      error("cannot open the script");
      return host.request_quit();  // a test with no script must fail, not hang
    }
    if (inbox_->lines.empty()) return;
    line = inbox_->lines.front();
    inbox_->lines.pop_front();
  }
  std::string why;
  auto cmd = parse_replay_line(line, why);
  if (!why.empty()) {
    error(why);
    return finish_command(host);
  }
  if (!cmd) return;
  running_command_ = true;
  frame_of_last_event_ = frames;
  host.request_frame();
  if (!run(*cmd, host, now)) finish_command(host);
}

void ReplayDriver::finish_command(ReplayHost& host) {
  running_command_ = false;
  ++handled_;
  host.request_frame();  // the --ui-tree dump shows the new count
}

bool ReplayDriver::run(const ReplayCommand& cmd, ReplayHost& host, double now) {
  using K = ReplayCommand::Kind;
  switch (cmd.kind) {
    case K::Wait:
      wait_until_ = now + cmd.ms / 1000.0;
      break;
    case K::Advance:
      advance_clocks(cmd.ms / 1000.0);
      break;
    case K::TapId: {
      const Target* t = host.current_targets().find(cmd.text);
      if (!t) {
        error("no element @" + cmd.text + " on screen '" + host.current_screen() + "'");
        return false;
      }
      ReplayCommand tap = cmd;
      tap.kind = K::Tap;
      tap.x = t->rect.cx();
      tap.y = t->rect.cy();
      return run(tap, host, now);
    }
    case K::Tap:  // held as briefly as a finger does: ImGui widgets see the press and the release in separate frames
      push_mouse(host, SDL_MOUSEMOTION, cmd.x, cmd.y);
      push_mouse(host, SDL_MOUSEBUTTONDOWN, cmd.x, cmd.y);
      scheduled_.push_back({now + kPressSeconds, SDL_MOUSEBUTTONUP, cmd.x, cmd.y});
      break;
    case K::Drag: {
      push_mouse(host, SDL_MOUSEMOTION, cmd.x, cmd.y);
      push_mouse(host, SDL_MOUSEBUTTONDOWN, cmd.x, cmd.y);
      const int steps = std::max(1, cmd.ms / 16);
      for (int i = 1; i <= steps; ++i) {
        float f = float(i) / steps;
        scheduled_.push_back({now + cmd.ms / 1000.0 * f, SDL_MOUSEMOTION, cmd.x + (cmd.x2 - cmd.x) * f,
                              cmd.y + (cmd.y2 - cmd.y) * f});
      }
      scheduled_.push_back({now + cmd.ms / 1000.0, SDL_MOUSEBUTTONUP, cmd.x2, cmd.y2});
      break;
    }
    case K::Key: {
      // "Ctrl+Alt+A": modifiers first, each ending in '+'.
      std::string name = cmd.text;
      Uint16 mod = KMOD_NONE;
      for (auto [prefix, flag] : {std::pair{"Ctrl+", KMOD_LCTRL}, {"Alt+", KMOD_LALT}, {"Shift+", KMOD_LSHIFT}})
        if (name.size() > std::strlen(prefix) && SDL_strncasecmp(name.c_str(), prefix, std::strlen(prefix)) == 0) {
          mod |= flag;
          name.erase(0, std::strlen(prefix));
        }
      SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
      if (key == SDLK_UNKNOWN) {
        error("unknown key name '" + cmd.text + "'");
        return false;
      }
      push_key(host, SDL_KEYDOWN, key, mod);
      scheduled_.push_back({now + kPressSeconds, SDL_KEYUP, 0, 0, key});
      break;
    }
    case K::Text:  // one event per character, as typing sends them (and each fits SDL's 32 bytes)
      for (size_t i = 0; i < cmd.text.size();) {
        size_t n = 1;
        while (i + n < cmd.text.size() && (static_cast<unsigned char>(cmd.text[i + n]) & 0xC0) == 0x80) ++n;
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        e.text.windowID = host.window_id();
        cmd.text.copy(e.text.text, n, i);
        SDL_PushEvent(&e);
        i += n;
      }
      break;
    case K::Screenshot:
      host.request_screenshot(cmd.text);
      break;
    case K::Quit:
      host.request_quit();
      break;
  }
  return true;
}
