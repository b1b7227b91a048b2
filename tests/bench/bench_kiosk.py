#!/usr/bin/env python3
"""Benchmark of the Xem và Nói kiosk: start-up, idle CPU and memory; video playback; big photos; games.

It prints numbers and asserts nothing. Every kiosk run starts the kiosk in a window
(--windowed WxH, default 1920x1080) with a fresh temporary --data folder, --ui-tree file and
--replay named pipe, and SDL_AUDIODRIVER=dummy (so the kiosk's mpv uses ao=null). The kiosk is
driven through the pipe (`tap @class:La`, `tap @topic:...`, ...) and watched through the ui-tree
file. At the end of a run it is sent `quit` and given 5 s to exit before SIGKILL. Four parts,
chosen with --only (default: all four, about 8 minutes in all on a 2-core machine):

startup (--runs runs, default 5), with the bundled sample content:
  1. start-up: wall time from just before the process is spawned to the first home frame on
     screen: until the --ui-tree file exists and says "screen": "home" (polled every 1 ms; the
     kiosk writes it once the frame is laid out), plus that frame's render and buffer swap as
     the kiosk's KIOSK_TRACE_STARTUP=1 lines time them (the floor writes its file after its swap);
  2. idle CPU: user+system CPU time of the kiosk (all threads, from /proc/PID/stat) over
     --idle-seconds (default 10) of an untouched home screen, starting 2 s after the first
     frame; shown in seconds and as a percentage of one core;
  3. peak memory: VmHWM (peak resident set size) from /proc/PID/status at the end of the run.

video (--video-runs repetitions, default 3), with a temporary topic pack holding a 1080p30 H.264
clip with an AAC sine track (--clip-seconds long, default 20; made with ffmpeg's testsrc2 and
libx264 at its default preset, yuv420p). Each repetition plays the clip twice, one after the other:
  1. in the kiosk: home -> class La -> the topic -> the video lesson; CPU time of the kiosk from
     the first ui-tree that says "screen": "lesson" until the end card (element
     "lesson:replay") appears, the wall time of the same span, and the kiosk's VmHWM then;
  2. in the mpv command-line player, on the same display with the same video output:
       mpv --no-config --vo=gpu --gpu-api=opengl [--gpu-context=C] --hwdec=auto-safe --ao=null
           --fs --geometry=WxH --keep-open=no clip.mp4
     CPU time (user+sys of the whole process, from wait4) and wall time from spawn to exit, its
     peak RSS (ru_maxrss), and the frames mpv says it dropped (the last "Dropped: V[/D]" of its
     status line; V dropped by the video output, D by the decoder; the sum is shown).
  The ratio kiosk CPU / mpv CPU is taken per repetition. Both wall times should be close to the
  clip's length: less means the clip did not play whole, more means playback fell behind real
  time. (mpv keeps real time by dropping frames, so its drop count is the thing to look at; the
  kiosk's own drops cannot be seen from outside.) mpv's GPU context is probed once first with a
  few frames: mpv's own choice, then --gpu-context=x11egl, then --gpu-context=x11; the first that
  opens a "VO: [gpu]" output is used and printed. (Under Xvfb mpv's automatic probing skips
  software renderers such as llvmpipe, and mpv builds without GLX have no "x11" context.)
  If the kiosk stops on the clip's last frame paused, with the player controls instead of the
  end card, the span ends there and the run is marked "paused, no end card".
  When the benchmark runs its own Xvfb, the X server's CPU time over each span is shown too: the
  copying of software-rendered frames to the screen happens there and is in neither process.

photo (--photo-runs kiosk runs, default 5), with a temporary pack holding a story lesson whose one
page is a 12-megapixel (4000x3000) JPEG with fine detail (ffmpeg's mandelbrot plus noise,
4:2:0, -q:v 3). Pictures are decoded (SDL_image), scaled to the screen once and cached by path in
the first frame that draws them -- and the topic screen's card for a story already draws its
first page. So in each run, after choosing the class, four wall times are taken, each from
writing the command to the pipe until the ui-tree shows the screen it leads to (polled every 1 ms):
  1. `tap @topic:<topic>` until "screen": "topic": the first frame of the topic screen, which
     decodes and scales the photo for the story's card (and starts the session);
  2. `tap @lesson:<topic>/photo` until "screen": "story" -- the first time;
  3. `key Escape` until "screen": "topic" again (the card's picture is cached now);
  4. the same tap until "screen": "story" -- the second time.
Compare 1 with 3 for the cost of the photo; 2 and 4 both find the picture cached.

games (about 2.5 minutes), with a temporary topic pack "lab" holding two games whose pictures are
512x512 PNGs, all different (frames of ffmpeg's testsrc2); one kiosk run for each game:
  1. tap-to-feedback latency, in a choose-picture game of 200 rounds (more if --game-taps needs
     them, so it never ends), each round two new pictures, the first one right. After opening it
     (class La -> topic -> game) and one unmeasured wrong tap, --game-taps taps (default 200) go
     alternately to the right picture (`tap @piece:0`: green ring and a star, and the next round,
     whose two new pictures are decoded and uploaded in that very frame) and to the wrong one
     (`tap @piece:1`: a shake and a red ring; the round stays). Each tap is timed from just before
     its line is written to the pipe until the ui-tree file is seen rewritten (a new inode or
     mtime_ns, polled every 0.5 ms) with "focus" on the tapped piece.
     Why that write is the tap's feedback frame: the kiosk writes the ui-tree with every frame,
     once the frame is built, just before rendering and swapping it. Pictures, stars and prompt are not in it, so a
     right answer alone changes nothing there (the next round has the same two piece ids) -- but
     a tap also moves the focus to the tapped piece, and as the taps alternate between the two
     pieces, every tap changes "focus". The kiosk handles the replayed press and release (focus
     and answer together) before it draws its next frame, so the first frame with the new focus
     is the first frame with the feedback. The time thus covers: the pipe, the kiosk's reader
     thread and wake-up, its replay driver, waiting for a frame slot while an animation runs (the
     kiosk draws at most 60 frames/s), building the frame (for a right answer, decoding two
     PNGs), writing the file, and up to about 0.6 ms of polling. Not in it: rendering the frame
     and its buffer swap (under Xvfb, llvmpipe's drawing and copy into the X server), which the
     frame draw time printed beside it includes, and the X server to light on a screen.
     The taps run in a cycle of four: right at rest, wrong quick, right quick, wrong at rest.
     "Quick" taps are sent 0.05-0.35 s after the previous tap's feedback frame was seen, while its
     0.6 s animation still runs; "at rest" taps 0.75-0.85 s after it, when the screen is still
     (random gaps, fixed seed). Shown per kind and over all taps: n, median, 90th percentile
     (nearest rank), min and max, in ms.
  2. frames while a memory-pairs game of 6 pairs (12 cards, twins of 6 different pictures)
     animates. Each game start shuffles the cards, but the first board of kiosks started with the
     same --game-seed is the same: one kiosk finds the places by turning cards two at a time (a
     matched pair leaves the ui-tree); a second kiosk opens the game (all face down, same places)
     and a card is tapped every 0.25 s so that every
     second tap makes a wrong pair: its cards shake with a red ring for 0.6 s, and the next wrong
     pair comes 0.5 s later, so the screen never stops animating. The span measured runs from the
     ui-tree write of the first wrong pair to 0.25 s after the last tap (about --animate-seconds):
     - frames: the kiosk keeps no frame times one can read from outside, and its ui-tree is
       rewritten only on changes, so presented frames are counted by the X server: an X DAMAGE
       object (libX11 and libXdamage through ctypes) on the kiosk's window (found by _NET_WM_PID)
       reports every change of its contents, one event per buffer swap (with llvmpipe under
       Xvfb: one whole-window rectangle a frame). Shown: frames in the span, frames per second,
       and the time between consecutive frames by the X server's clock (1 ms steps): median, p90,
       min, max. That interval is the true frame time when the kiosk cannot keep up with its
       60 frames/s cap, and about 17 ms when it can; it does not show how long a frame took to
       draw when that was shorter. It counts frames handed to the X server, not monitor refreshes.
       Without libXdamage, on a display that is not X11, or with no window carrying the
       kiosk's _NET_WM_PID, the line says why and only the numbers below are shown.
     - CPU: user+system time of the kiosk (all threads) over the span, as % of one core and per
       presented frame; with our own Xvfb, the Xvfb's CPU too (it copies the frames in).
     - taps while animating: every tap, from its write to the ui-tree write with the focus on
       that card, as in 1 (the first tap of all only turns one card).
  Both report the CPU that all other processes used over their span (busy time of the whole
  machine from /proc/stat, less the kiosk, our Xvfb and this script), as % of one core: anything
  well above 0 means something else ran alongside and the numbers are not clean (on a real
  display, its X server and compositor count as others).

Tables show median, min and max (the games part: n, median, 90th percentile, min, max); the last
line is everything as one JSON object (the start-up numbers at its top level, as before; "video",
"photo" and "games" objects for the others).

It uses the X display in $DISPLAY, or, when DISPLAY is unset, starts its own Xvfb (screen size
--size) on a free display number (Xvfb -displayfd picks it and reports when the server is ready)
and stops it at the end. On a real display mpv --fs fills the whole screen, whatever --size is.
Under Xvfb OpenGL is drawn in software (Mesa llvmpipe), so CPU numbers are much higher than on a
mini-PC's GPU; compare runs on the same machine only.

Generated media go to a temporary folder, or to --media-dir, where they are kept and reused by
later runs (the 20 s clip takes about 45 s to encode on a small machine).

Usage: python3 tests/bench/bench_kiosk.py [--only startup,video,photo,games] [--kiosk build/kiosk/kiosk]
           [--size 1920x1080] [--runs N] [--idle-seconds S] [--video-runs N] [--clip-seconds S]
           [--photo-runs N] [--game-taps N] [--animate-seconds S] [--mpv mpv] [--ffmpeg ffmpeg]
           [--media-dir DIR]
Needs Xvfb (unless DISPLAY is set), and for video/photo/games ffmpeg (and mpv for the comparison;
libXdamage for the frames of the games part). Only the Python standard library is used; Linux only
(/proc).
"""

import argparse
import ctypes
import ctypes.util
import json
import math
import os
import random
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PARTS = ("startup", "video", "photo", "games", "sound")
SETTLE_SECONDS = 2.0  # idle measurement starts this long after the first frame
START_TIMEOUT = 30.0  # give up on a run whose first frame takes longer
STEP_TIMEOUT = 30.0  # give up on a screen change (other than the end of a clip) that takes longer
QUIT_TIMEOUT = 5.0  # wait this long for `quit` before SIGKILL
VIDEO_POLL = 0.01  # the clip's end is polled every 10 ms, to take little CPU from the players
HOME_RE = re.compile(rb'"screen"\s*:\s*"home"')
STARTUP_STEP_RE = re.compile(r"^kiosk: startup +([0-9.]+) ms \(\+ *[0-9.]+\) (.*)$", re.M)
FRAME_RE = re.compile(r"^kiosk: frame [0-9]+ (\S+) drawn in ([0-9.]+) ms$", re.M)
CLK_TCK = os.sysconf("SC_CLK_TCK")
TOPIC = "bench"  # id (folder name) of the generated topic pack
CLASS = "class:La"
COVER = REPO / "content/traffic-safety/cover.png"
PHOTO_SIZE = "4000x3000"
MPV_CONTEXTS = ([], ["--gpu-context=x11egl"], ["--gpu-context=x11"])


def parse_args():
    p = argparse.ArgumentParser(description="Measure the kiosk's start-up, idle CPU and memory, video playback "
                                            "against the mpv player, and the opening of a big photo.")
    p.add_argument("--only", default=",".join(PARTS),
                   help="comma-separated parts to run, of " + ", ".join(PARTS) + " (default: all)")
    p.add_argument("--build", default=str(REPO / "build"),
                   help="build folder whose kiosk/kiosk is measured, e.g. one of an older commit (default: %(default)s)")
    p.add_argument("--kiosk", help="kiosk executable (default: BUILD/kiosk/kiosk)")
    p.add_argument("--floor", default=str(REPO / "build/tests/bench_floor"),
                   help="startup: the floor program, built with the tests of this tree (default: %(default)s)")
    p.add_argument("--size", default="1920x1080",
                   help="kiosk window size, mpv --geometry, and screen size of our own Xvfb (default: %(default)s)")
    p.add_argument("--runs", type=int, default=5, help="startup: number of runs (default: %(default)s)")
    p.add_argument("--idle-seconds", type=float, default=10.0,
                   help="startup: length of the idle CPU measurement (default: %(default)s)")
    p.add_argument("--video-runs", type=int, default=3, help="video: repetitions, kiosk then mpv (default: %(default)s)")
    p.add_argument("--clip-seconds", type=int, default=20, help="video: length of the 1080p clip (default: %(default)s)")
    p.add_argument("--photo-runs", type=int, default=5, help="photo: number of kiosk runs (default: %(default)s)")
    p.add_argument("--game-taps", type=int, default=200,
                   help="games: taps in the choose-picture game, alternately wrong and right (default: %(default)s)")
    p.add_argument("--animate-seconds", type=float, default=5.0,
                   help="games: how long the memory game is kept animating (default: %(default)s)")
    p.add_argument("--sound-taps", type=int, default=40,
                   help="sound: taps in the choose-picture game, each after the last sound ended (default: %(default)s)")
    p.add_argument("--mpv", default="mpv", help="video: mpv player to compare with (default: %(default)s)")
    p.add_argument("--ffmpeg", default="ffmpeg", help="ffmpeg that makes the clip and the photo (default: %(default)s)")
    p.add_argument("--media-dir", help="keep the generated clip, photo and game pictures in this folder and reuse them")
    args = p.parse_args()
    args.parts = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in args.parts if s not in PARTS]
    if unknown or not args.parts:
        p.error(f"--only: expected some of {', '.join(PARTS)}, got {args.only!r}")
    args.parts = [s for s in PARTS if s in args.parts]  # always in the same order
    if not re.fullmatch(r"[1-9][0-9]{2,4}x[1-9][0-9]{2,4}", args.size):
        p.error("--size: expected WIDTHxHEIGHT, e.g. 1920x1080")
    if min(args.runs, args.video_runs, args.photo_runs) < 1 or args.idle_seconds <= 0 or args.clip_seconds < 1:
        p.error("--runs, --video-runs, --photo-runs and --clip-seconds must be at least 1, --idle-seconds positive")
    if args.game_taps < 1 or not 1 <= args.animate_seconds <= 600:
        p.error("--game-taps must be at least 1, --animate-seconds from 1 to 600")
    kiosk = Path(args.kiosk or Path(args.build) / "kiosk/kiosk")
    if not kiosk.is_file() and not kiosk.is_absolute() and (REPO / kiosk).is_file():
        kiosk = REPO / kiosk  # accept a path relative to the repository too
    if not (kiosk.is_file() and os.access(kiosk, os.X_OK)):
        p.error(f"--kiosk: {args.kiosk} is not an executable file (build it with cmake --build build)")
    args.kiosk = str(kiosk.resolve())
    if "startup" in args.parts and not os.access(args.floor, os.X_OK):
        p.error(f"--floor: {args.floor} is not an executable file (cmake --build build --target bench_floor)")
    if {"video", "photo", "games", "sound"} & set(args.parts) and not shutil.which(args.ffmpeg):
        p.error(f"--ffmpeg: {args.ffmpeg} not found (needed to make the clip, the photo and the game pictures)")
    return args


class OwnXvfb:
    """An Xvfb started for the benchmark on a free display, stopped by close()."""

    def __init__(self, size):
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        number = b""
        deadline = time.monotonic() + 15
        try:
            while not number.endswith(b"\n"):  # Xvfb writes the number once it accepts clients
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([read_fd], [], [], left)[0]:
                    raise RuntimeError("Xvfb did not become ready within 15 s")
                chunk = os.read(read_fd, 16)
                if not chunk:
                    raise RuntimeError(f"Xvfb exited (code {self.proc.poll()}) before it was ready")
                number += chunk
        except BaseException:
            self.close()
            raise
        finally:
            os.close(read_fd)
        self.display = ":" + number.decode().strip()

    def cpu(self):
        return cpu_seconds(self.proc.pid)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def cpu_seconds(pid):
    """User+system CPU time of all of the process's threads, in seconds."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    # fields[0] is field 3 (state) of proc(5); utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


class Kiosk:
    """One kiosk process with its own temporary data folder, ui-tree file and replay pipe.

    Use as a context manager: on leaving, the kiosk is sent `quit` (SIGKILL after QUIT_TIMEOUT),
    its last output is shown if it failed, and the temporary folder is removed."""

    def __init__(self, args, env, index, content=None, extra=()):
        self.index = index
        self._tmp = tempfile.TemporaryDirectory(prefix="kiosk-bench-")
        tmp = Path(self._tmp.name)
        data, self.ui_tree, pipe, self.log = tmp / "data", tmp / "ui.json", tmp / "replay.pipe", tmp / "kiosk.log"
        os.mkfifo(pipe)
        # Held read-write, so the kiosk's reader opens it at once and sees no end until we close it.
        self.pipe_fd = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)
        cmd = [args.kiosk, "--windowed", args.size, "--data", str(data), "--ui-tree", str(self.ui_tree),
               "--replay", str(pipe)]
        if content:
            cmd += ["--content", str(content)]
        cmd += list(extra)
        self.log_file = open(self.log, "wb")
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=self.log_file,
                                     stderr=subprocess.STDOUT)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            stop(self.proc, self.pipe_fd, self.index)
            if self.proc.returncode not in (0, None):
                self.log_file.flush()
                tail = self.log.read_text(errors="replace").strip().splitlines()[-5:]
                print(f"  run {self.index}: kiosk exited with code {self.proc.returncode}; its last output:",
                      file=sys.stderr)
                for line in tail:
                    print("    " + line, file=sys.stderr)
        finally:
            os.close(self.pipe_fd)
            self.log_file.close()
            self._tmp.cleanup()

    def send(self, *lines):
        os.write(self.pipe_fd, "".join(line + "\n" for line in lines).encode())

    def tree(self):
        """The ui-tree as a dict, or None before the first frame (the file is replaced atomically)."""
        try:
            return json.loads(self.ui_tree.read_bytes())
        except (FileNotFoundError, ValueError):
            return None

    def wait_for(self, what, test, timeout=STEP_TIMEOUT, poll=0.001):
        """Polls the ui-tree until test(tree) is true; returns the tree. Raises on exit or timeout."""
        deadline = time.perf_counter() + timeout
        while True:
            tree = self.tree()
            if tree is not None and test(tree):
                return tree
            if self.proc.poll() is not None:
                raise RuntimeError(f"the kiosk exited (code {self.proc.returncode}) while waiting for {what}")
            if time.perf_counter() > deadline:
                last = f"screen {tree['screen']!r}, elements {ids(tree)}" if tree else "no ui-tree"
                raise RuntimeError(f"no {what} within {timeout:.0f} s ({last})")
            time.sleep(poll)

    def cpu(self):
        return cpu_seconds(self.proc.pid)

    def peak_rss_mib(self):
        hwm_kib = status_kib(self.proc.pid, "VmHWM")
        return hwm_kib / 1024 if hwm_kib is not None else float("nan")


def ids(tree):
    return [e.get("id") for e in tree.get("elements", [])]


def on_screen(screen, element=None):
    return lambda t: t.get("screen") == screen and (element is None or element in ids(t))


def open_topic(k, lesson_id):
    """From the start: wait for home, choose the class, open the topic; wait until `lesson_id` shows."""
    k.wait_for("home screen", on_screen("home", f"topic:{TOPIC}"), START_TIMEOUT)
    k.send(f"tap @{CLASS}", f"tap @topic:{TOPIC}")  # the replay driver lets a frame pass after each
    k.wait_for("topic screen", on_screen("topic", f"lesson:{TOPIC}/{lesson_id}"))


def stop(proc, pipe_fd, index):
    """Ask the kiosk to quit through the replay pipe; SIGKILL it if it has not after QUIT_TIMEOUT."""
    if proc.poll() is not None:
        return
    try:
        os.write(pipe_fd, b"quit\n")
        proc.wait(QUIT_TIMEOUT)
        return
    except (OSError, subprocess.TimeoutExpired):
        pass
    print(f"  run {index}: the kiosk did not quit within {QUIT_TIMEOUT:.0f} s; killed", file=sys.stderr)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


# ---------------------------------------------------------------------------------------------
# startup: start-up time, idle CPU, peak memory (the bundled content)

def wait_for_home(proc, ui_tree, start, what):
    """Polls `ui_tree` every 1 ms until it says "screen": "home"; returns the ms since `start`."""
    deadline = start + START_TIMEOUT
    while True:
        try:
            if HOME_RE.search(ui_tree.read_bytes()):
                return (time.perf_counter() - start) * 1000
        except FileNotFoundError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited (code {proc.returncode}) before drawing its first frame")
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no first frame of {what} within {START_TIMEOUT:.0f} s")
        time.sleep(0.001)


def thread_switches(pid):
    """{thread id: (name, voluntary + involuntary context switches so far)} of the process's threads."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            fields = dict(line.split(":", 1) for line in (task / "status").read_text().splitlines() if ":" in line)
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread ended
        out[task.name] = (fields["Name"].strip(),
                          int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"]))
    return out


def wakeups_by_thread(before, after, seconds):
    """Context switches per second of each thread name between two thread_switches(), most first."""
    rates = {}
    for tid, (name, n) in after.items():
        rates[name] = rates.get(name, 0.0) + (n - before.get(tid, (name, 0))[1]) / seconds
    return sorted(rates.items(), key=lambda kv: -kv[1])


def floor_run(args, env, index, atlas):
    """The floor program: ms to its first presented frame, and its peak RSS (MiB)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-floor-") as tmp:
        ui_tree = Path(tmp) / "ui.json"
        cmd = [args.floor, "--windowed", args.size, "--ui-tree", str(ui_tree)] + (["--atlas"] if atlas else [])
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        try:
            ms = wait_for_home(proc, ui_tree, start, "the floor program")
            hwm = status_kib(proc.pid, "VmHWM")
        finally:
            proc.terminate()
            try:
                proc.wait(QUIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                print(f"  run {index}: the floor program did not end on SIGTERM; killed", file=sys.stderr)
                proc.kill()
                proc.wait()
        return ms, hwm / 1024 if hwm is not None else float("nan")


def startup_run(args, env, index):
    r = {}
    # The floor first, then the floor with the font atlas, then the kiosk: the three see the same load.
    r["floor_ms"], r["floor_rss_mib"] = floor_run(args, env, index, atlas=False)
    r["atlas_ms"], r["atlas_rss_mib"] = floor_run(args, env, index, atlas=True)
    with Kiosk(args, env, index) as k:
        # 1. time to the first drawn home screen
        r["startup_ms"] = wait_for_home(k.proc, k.ui_tree, k.start, "the kiosk")
        first_frame = time.perf_counter()

        # 2. CPU used and wake-ups while the home screen sits idle
        time.sleep(max(0.0, first_frame + SETTLE_SECONDS - time.perf_counter()))
        cpu0, switches0, wall0 = k.cpu(), thread_switches(k.proc.pid), time.perf_counter()
        time.sleep(args.idle_seconds)
        cpu1, switches1, wall1 = k.cpu(), thread_switches(k.proc.pid), time.perf_counter()
        if k.proc.poll() is not None:
            raise RuntimeError(f"the kiosk exited (code {k.proc.returncode}) while idle")
        r["idle_cpu_s"] = cpu1 - cpu0
        r["idle_cpu_pct"] = 100 * r["idle_cpu_s"] / (wall1 - wall0)
        r["idle_switches_per_s"] = (sum(n for _, n in switches1.values()) -
                                    sum(switches0.get(tid, (name, 0))[1] for tid, (name, _) in switches1.items())
                                    ) / (wall1 - wall0)
        r["idle_threads"] = len(switches1)
        r["wakeups_by_thread"] = wakeups_by_thread(switches0, switches1, wall1 - wall0)

        # 3. peak resident memory
        r["peak_rss_mib"] = k.peak_rss_mib()
        k.log_file.flush()
        r["steps"] = [(step, float(ms)) for ms, step in STARTUP_STEP_RE.findall(k.log.read_text(errors="replace"))]
    # The kiosk writes its ui-tree once the first frame is laid out, before it is rendered and
    # swapped; the floor writes its own after its swap. So the kiosk's render and swap, as its trace
    # times them, are added: both then count to the first frame on screen. (A build without the
    # trace is timed to its ui-tree only, and says so.)
    at = {step.split(":")[0]: ms for step, ms in r["steps"]}
    r["tree_ms"] = r["startup_ms"]
    if "first frame laid out and drawn into lists" in at and "first frame rendered and swapped" in at:
        r["startup_ms"] += at["first frame rendered and swapped"] - at["first frame laid out and drawn into lists"]
    else:
        r["startup_ms"] = float("nan")
    r["startup_ratio"] = r["startup_ms"] / r["floor_ms"]
    return r


STARTUP_METRICS = [  # key, label, unit, format
    ("floor_ms", "floor: bare SDL2 + GL window, first frame", "ms", "{:.0f}"),
    ("atlas_ms", "floor + ImGui and the kiosk's font atlas", "ms", "{:.0f}"),
    ("tree_ms", "kiosk: start to first home frame laid out (ui-tree)", "ms", "{:.0f}"),
    ("startup_ms", "kiosk: start to first home frame on screen", "ms", "{:.0f}"),
    ("startup_ratio", "kiosk start-up / floor (per run)", "x", "{:.2f}"),
    ("idle_cpu_s", "idle CPU time (user+sys)", "s", "{:.2f}"),
    ("idle_cpu_pct", "idle CPU, % of one core", "%", "{:.2f}"),
    ("idle_switches_per_s", "idle context switches, all threads", "/s", "{:.1f}"),
    ("idle_threads", "threads of the idle kiosk", "", "{:.0f}"),
    ("floor_rss_mib", "peak RSS (VmHWM), floor", "MiB", "{:.1f}"),
    ("atlas_rss_mib", "peak RSS (VmHWM), floor + font atlas", "MiB", "{:.1f}"),
    ("peak_rss_mib", "peak RSS (VmHWM), kiosk", "MiB", "{:.1f}"),
]


def bench_startup(args, env):
    print(f"\n== startup: {args.runs} run(s) of the floor, the floor + font atlas, and the kiosk; the kiosk idle "
          f"{args.idle_seconds:g} s from {SETTLE_SECONDS:g} s after its first frame", flush=True)
    runs = []
    for i in range(1, args.runs + 1):
        r = startup_run(args, env, i)
        runs.append(r)
        shown = ("floor_ms", "atlas_ms", "tree_ms", "startup_ms", "idle_cpu_pct", "idle_switches_per_s", "peak_rss_mib")
        print(f"  run {i}: " + ", ".join(f"{label.split(':')[0].split(',')[0]} {fmt.format(r[k])}{unit}"
                                         for k, label, unit, fmt in STARTUP_METRICS if k in shown), flush=True)
        busiest = ", ".join(f"{name} {rate:.1f}/s" for name, rate in r["wakeups_by_thread"][:4])
        print(f"    idle context switches by thread: {busiest}", flush=True)
    summary = table(runs, STARTUP_METRICS)
    kiosk, floor, atlas = (statistics.median(r[key] for r in runs) for key in ("startup_ms", "floor_ms", "atlas_ms"))
    print(f"\n  start-up, medians: kiosk {kiosk:.0f} ms = {kiosk / floor:.2f}x the floor ({floor:.0f} ms), "
          f"{kiosk / atlas:.2f}x the floor with the font atlas ({atlas:.0f} ms)")
    summary["startup_ratio_of_medians"] = kiosk / floor
    steps = [r["steps"] for r in runs]
    if all(steps) and len({tuple(name for name, _ in st) for st in steps}) == 1:
        print("\n  the kiosk's start-up steps (KIOSK_TRACE_STARTUP=1), ms since the process started (counted from"
              "\n  /proc's start time, in 10 ms ticks), median of the runs; the ui-tree is written after 'laid out':")
        rows = [("step", "at", "step took")]
        previous = 0.0
        for i, (name, _) in enumerate(steps[0]):
            at = statistics.median(st[i][1] for st in steps)
            rows.append((name, f"{at:.1f}", f"{at - previous:.1f}"))
            previous = at
        print_rows(rows, left=1)
        summary["steps_ms"] = {name: statistics.median(st[i][1] for st in steps) for i, (name, _) in enumerate(steps[0])}
    summary["wakeups_by_thread"] = runs[-1]["wakeups_by_thread"]
    return summary


# ---------------------------------------------------------------------------------------------
# media and the generated topic pack

def ffmpeg(args, out, *inputs_and_options):
    tmp = out.with_name(out.stem + ".part" + out.suffix)
    cmd = [args.ffmpeg, "-nostdin", "-v", "error", "-y", *inputs_and_options, str(tmp)]
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg failed (code {result.returncode}): {' '.join(cmd)}\n{result.stdout.strip()}")
    tmp.rename(out)


def make_media(args, media_dir):
    """Makes (or, in --media-dir, reuses) the clip and/or the photo; returns {lesson id: path}."""
    files = {}
    if "video" in args.parts:
        clip = media_dir / f"clip-1920x1080p30-{args.clip_seconds}s.mp4"
        if not clip.exists():
            t = time.perf_counter()
            ffmpeg(args, clip, "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
                   "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                   "-t", str(args.clip_seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k")
            print(f"made {clip.name} ({clip.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - t:.0f} s",
                  flush=True)
        else:
            print(f"reusing {clip}")
        files["clip"] = clip
    if "photo" in args.parts:
        photo = media_dir / f"photo-{PHOTO_SIZE}.jpg"
        if not photo.exists():
            t = time.perf_counter()
            ffmpeg(args, photo, "-f", "lavfi", "-i", f"mandelbrot=size={PHOTO_SIZE}",
                   "-vf", "noise=alls=12:allf=u,format=yuvj420p", "-frames:v", "1", "-q:v", "3")
            print(f"made {photo.name} ({photo.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - t:.0f} s",
                  flush=True)
        else:
            print(f"reusing {photo}")
        files["photo"] = photo
    return files


def make_pack(content_dir, files):
    """A content folder with one topic pack, TOPIC, holding the lessons whose media were made."""
    pack = content_dir / TOPIC
    pack.mkdir(parents=True)
    shutil.copyfile(COVER, pack / "cover.png")
    lessons = []
    if "clip" in files:
        shutil.copyfile(files["clip"], pack / "clip.mp4")
        lessons.append({"id": "clip", "type": "video", "title": {"vi": "Phim"}, "file": "clip.mp4", "cues": []})
    if "photo" in files:
        shutil.copyfile(files["photo"], pack / "big.jpg")
        lessons.append({"id": "photo", "type": "story", "title": {"vi": "Ảnh"},
                        "pages": [{"picture": "big.jpg", "caption": {"vi": "Ảnh lớn"}}]})
    topic = {"title": {"vi": "Thử"}, "cover": "cover.png", "lessons": lessons}
    (pack / "topic.json").write_text(json.dumps(topic, ensure_ascii=False, indent=1), encoding="utf-8")
    return content_dir


# ---------------------------------------------------------------------------------------------
# video: the kiosk against the mpv player

def kiosk_video_run(args, env, content, xvfb, index):
    with Kiosk(args, env, index, content) as k:
        open_topic(k, "clip")
        k.send(f"tap @lesson:{TOPIC}/clip")
        k.wait_for("lesson screen", on_screen("lesson"))
        wall0, cpu0, x0 = time.perf_counter(), k.cpu(), xvfb.cpu() if xvfb else None
        # The end card, or else the player controls: with no input they only show when paused,
        # which here means the kiosk stopped on the last frame without showing the end card.
        tree = k.wait_for("end of the clip", lambda t: t.get("screen") != "lesson" or
                          {"lesson:replay", "lesson:play-pause"} & set(ids(t)),
                          timeout=3 * args.clip_seconds + 15, poll=VIDEO_POLL)
        wall1, cpu1, x1 = time.perf_counter(), k.cpu(), xvfb.cpu() if xvfb else None
        if tree.get("screen") != "lesson":
            raise RuntimeError(f"the kiosk left the lesson for screen {tree.get('screen')!r} while playing")
        return {
            "kiosk_cpu_s": cpu1 - cpu0,
            "kiosk_wall_s": wall1 - wall0,
            "kiosk_peak_rss_mib": k.peak_rss_mib(),
            "kiosk_xvfb_cpu_s": x1 - x0 if xvfb else float("nan"),
            "end_card": "lesson:replay" in ids(tree),
        }


def mpv_command(args, context, clip, *extra):
    return [args.mpv, "--no-config", "--vo=gpu", "--gpu-api=opengl", *context, "--hwdec=auto-safe", "--ao=null",
            "--fs", f"--geometry={args.size}", "--keep-open=no", *extra, str(clip)]


def pick_mpv_context(args, env, clip):
    """The first of MPV_CONTEXTS with which mpv opens its gpu output and plays a few frames."""
    for context in MPV_CONTEXTS:
        name = context[0] if context else "mpv's own choice (no --gpu-context)"
        try:
            r = subprocess.run(mpv_command(args, context, clip, "--frames=5"), env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30, text=True, errors="replace")
            out, code = r.stdout, r.returncode
        except subprocess.TimeoutExpired:
            out, code = "", "timeout"
        if code == 0 and "VO: [gpu]" in out:
            print(f"  mpv GPU context: {name}: works", flush=True)
            return context, name
        lines = [s.strip() for s in re.split(r"[\r\n]+", out) if re.search(r"(?i)fail|error|cannot|could not", s)]
        why = next((s for s in lines if re.search(r"(?i)failed initializing|could not be parsed", s)),
                   lines[0] if lines else "no VO")
        print(f"  mpv GPU context: {name}: fails (exit code {code}: {why})", flush=True)
    return None, None


def mpv_video_run(args, env, clip, context, xvfb, index):
    with tempfile.TemporaryFile() as out:
        x0 = xvfb.cpu() if xvfb else None
        start = time.perf_counter()
        proc = subprocess.Popen(mpv_command(args, context, clip), env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT)
        deadline = start + 3 * args.clip_seconds + 15
        while True:  # wait4 gives the CPU time of the whole process, all threads, at its exit
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                print(f"  run {index}: mpv did not finish within {deadline - start:.0f} s; killed", file=sys.stderr)
                break
            time.sleep(VIDEO_POLL)
        wall = time.perf_counter() - start
        x1 = xvfb.cpu() if xvfb else None
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    if proc.returncode != 0:
        tail = [s for s in re.split(r"[\r\n]+", text) if s.strip()][-3:]
        raise RuntimeError(f"mpv exited with code {proc.returncode}: " + " | ".join(tail))
    drops = re.findall(r"Dropped: (\d+)(?:/(\d+))?", text)
    dropped = sum(int(n or 0) for n in drops[-1]) if drops else 0
    return {
        "mpv_cpu_s": usage.ru_utime + usage.ru_stime,
        "mpv_wall_s": wall,
        "mpv_peak_rss_mib": usage.ru_maxrss / 1024,  # KiB on Linux
        "mpv_xvfb_cpu_s": x1 - x0 if xvfb else float("nan"),
        "mpv_dropped": dropped,
    }


VIDEO_METRICS = [
    ("kiosk_cpu_s", "kiosk CPU, lesson to end card", "s", "{:.2f}"),
    ("mpv_cpu_s", "mpv CPU, start to exit", "s", "{:.2f}"),
    ("ratio", "CPU ratio kiosk / mpv", "x", "{:.2f}"),
    ("kiosk_wall_s", "kiosk wall, lesson to end card", "s", "{:.2f}"),
    ("mpv_wall_s", "mpv wall, start to exit", "s", "{:.2f}"),
    ("kiosk_cpu_pct", "kiosk CPU, % of one core", "%", "{:.0f}"),
    ("mpv_cpu_pct", "mpv CPU, % of one core", "%", "{:.0f}"),
    ("mpv_dropped", "frames mpv dropped", "", "{:.0f}"),
    ("kiosk_peak_rss_mib", "kiosk peak RSS (VmHWM)", "MiB", "{:.1f}"),
    ("mpv_peak_rss_mib", "mpv peak RSS (ru_maxrss)", "MiB", "{:.1f}"),
    ("kiosk_xvfb_cpu_s", "Xvfb CPU during the kiosk", "s", "{:.2f}"),
    ("mpv_xvfb_cpu_s", "Xvfb CPU during mpv", "s", "{:.2f}"),
]


def bench_video(args, env, content, clip, xvfb):
    print(f"\n== video: {args.video_runs} repetition(s) of a {args.clip_seconds} s 1920x1080 30 fps H.264 clip, "
          f"the kiosk then mpv, window/screen {args.size}", flush=True)
    if shutil.which(args.mpv):
        version = subprocess.run([args.mpv, "--version"], stdout=subprocess.PIPE, text=True).stdout.splitlines()
        print(f"  {version[0] if version else args.mpv}")
        context, context_name = pick_mpv_context(args, env, clip)
        if context is None:
            print("  mpv cannot open a GL output on this display: the kiosk is measured alone")
    else:
        context = context_name = None
        print(f"  {args.mpv} not found: the kiosk is measured alone")
    metrics = [m for m in VIDEO_METRICS if context is not None or m[0].startswith("kiosk")]
    if not xvfb:
        metrics = [m for m in metrics if "xvfb" not in m[0]]
    runs = []
    for i in range(1, args.video_runs + 1):
        r = kiosk_video_run(args, env, content, xvfb, i)
        r["kiosk_cpu_pct"] = 100 * r["kiosk_cpu_s"] / r["kiosk_wall_s"]
        line = (f"  run {i}: kiosk {r['kiosk_cpu_s']:.2f} s CPU in {r['kiosk_wall_s']:.2f} s "
                f"({'end card' if r['end_card'] else 'PAUSED ON THE LAST FRAME, NO END CARD'}), "
                f"{r['kiosk_peak_rss_mib']:.0f} MiB")
        if context is not None:
            r.update(mpv_video_run(args, env, clip, context, xvfb, i))
            r["mpv_cpu_pct"] = 100 * r["mpv_cpu_s"] / r["mpv_wall_s"]
            r["ratio"] = r["kiosk_cpu_s"] / r["mpv_cpu_s"] if r["mpv_cpu_s"] > 0 else float("nan")
            line += (f"; mpv {r['mpv_cpu_s']:.2f} s CPU in {r['mpv_wall_s']:.2f} s, {r['mpv_dropped']} frames dropped, "
                     f"{r['mpv_peak_rss_mib']:.0f} MiB; ratio {r['ratio']:.2f}")
        if xvfb:
            line += f"; Xvfb {r['kiosk_xvfb_cpu_s']:.2f} s" + (f" / {r['mpv_xvfb_cpu_s']:.2f} s" if context else "")
        runs.append(r)
        print(line, flush=True)
    cards = sum(r["end_card"] for r in runs)
    print(f"  the kiosk showed the end card in {cards} of {len(runs)} run(s)"
          + ("" if cards == len(runs) else "; in the others it stopped paused on the last frame"))
    summary = table(runs, metrics)
    summary.update({"clip_seconds": args.clip_seconds, "runs": args.video_runs, "end_cards": cards,
                    "mpv_context": context_name})
    return summary


# ---------------------------------------------------------------------------------------------
# photo: opening a story page with a 12-megapixel JPEG, first (decode + scale) and again (cached)

def photo_run(args, env, content, index):
    with Kiosk(args, env, index, content) as k:
        k.wait_for("home screen", on_screen("home", f"topic:{TOPIC}"), START_TIMEOUT)
        k.send(f"tap @{CLASS}")
        k.wait_for("class chosen", lambda t: t.get("focus") == CLASS)
        steps = [  # key, replay command, what to wait for
            ("topic_ms", f"tap @topic:{TOPIC}", on_screen("topic", f"lesson:{TOPIC}/photo")),
            ("first_ms", f"tap @lesson:{TOPIC}/photo", on_screen("story")),
            ("back_ms", "key Escape", on_screen("topic", f"lesson:{TOPIC}/photo")),
            ("second_ms", f"tap @lesson:{TOPIC}/photo", on_screen("story")),
        ]
        times = {}
        for key, command, test in steps:
            start = time.perf_counter()
            k.send(command)
            k.wait_for(f"the screen after `{command}`", test)
            times[key] = (time.perf_counter() - start) * 1000
        times["peak_rss_mib"] = k.peak_rss_mib()
        return times


PHOTO_METRICS = [
    ("topic_ms", "tap topic -> topic screen (card decodes)", "ms", "{:.0f}"),
    ("first_ms", "tap photo lesson -> story, first", "ms", "{:.0f}"),
    ("back_ms", "Escape -> topic screen again", "ms", "{:.0f}"),
    ("second_ms", "tap photo lesson -> story, second", "ms", "{:.0f}"),
    ("peak_rss_mib", "peak RSS (VmHWM)", "MiB", "{:.1f}"),
]


def bench_photo(args, env, content):
    print(f"\n== photo: {args.photo_runs} run(s) opening a story page with a {PHOTO_SIZE} JPEG, "
          f"window {args.size}", flush=True)
    runs = []
    for i in range(1, args.photo_runs + 1):
        r = photo_run(args, env, content, i)
        runs.append(r)
        print(f"  run {i}: " + ", ".join(f"{fmt.format(r[k])} {unit}" for k, _, unit, fmt in PHOTO_METRICS),
              flush=True)
    summary = table(runs, PHOTO_METRICS)
    summary.update({"runs": args.photo_runs, "photo_size": PHOTO_SIZE})
    return summary


# ---------------------------------------------------------------------------------------------
# games: tap-to-feedback latency in a choose-picture game; frames while a memory-pairs game animates

GAME_TOPIC = "lab"  # id of the generated games pack
GAME_PICTURE_SIZE = "512x512"
QUIZ_MIN_ROUNDS = 200
MEMORY_PAIRS = 6
FLASH_SECONDS = 0.6  # the feedback of a move (ring, shake) animates this long (GameScreen::kFlash)
PAIR_SETTLE_SECONDS = 1.1  # a wrong memory pair turns back this long after it (GameScreen::kSettle)
QUICK_GAP = (0.05, 0.35)  # seconds from a feedback frame to a "quick" tap: within its animation
REST_GAP = (0.75, 0.85)  # ... to an "at rest" tap: after the animation and the frame that closes it
QUIZ_PATTERN = (("right", "rest"), ("wrong", "quick"), ("right", "quick"), ("wrong", "rest"))
MEMORY_TAP_INTERVAL = 0.25  # a wrong pair every 0.5 s: each 0.6 s feedback overlaps the next
CHANGE_POLL = 0.0005  # the ui-tree file is polled this often while a tap's feedback is awaited


def make_game_pictures(args, media_dir, count):
    """`count` different 512x512 PNGs, g0000.png..., from ffmpeg's testsrc2 (one frame a second);
    reused when --media-dir already holds them. Returns (folder, names)."""
    folder = media_dir / f"game-pictures-{GAME_PICTURE_SIZE}"
    names = [f"g{i:04d}.png" for i in range(count)]
    if all((folder / n).exists() for n in names):
        print(f"reusing {count} pictures in {folder}")
        return folder, names
    t = time.perf_counter()
    part = media_dir / (folder.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    cmd = [args.ffmpeg, "-nostdin", "-v", "error", "-y",
           "-f", "lavfi", "-i", f"testsrc2=size={GAME_PICTURE_SIZE}:rate=1",
           "-frames:v", str(count), "-start_number", "0", str(part / "g%04d.png")]
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0 or not all((part / n).exists() for n in names):
        raise RuntimeError(f"ffmpeg failed (code {result.returncode}): {' '.join(cmd)}\n{result.stdout.strip()}")
    shutil.rmtree(folder, ignore_errors=True)
    part.rename(folder)
    print(f"made {count} {GAME_PICTURE_SIZE} pictures in {time.perf_counter() - t:.0f} s", flush=True)
    return folder, names


def make_game_pack(content_dir, folder, names, rounds):
    """A content folder with one topic pack, GAME_TOPIC: a choose-picture game "quiz" whose round i shows
    pictures 2i and 2i+1 (the first is right), and a memory-pairs game "mem" with MEMORY_PAIRS twins."""
    pack = content_dir / GAME_TOPIC
    pack.mkdir(parents=True)
    shutil.copyfile(COVER, pack / "cover.png")
    for name in names:
        shutil.copyfile(folder / name, pack / name)
    quiz = [{"prompt": {"vi": f"Hình nào? ({i + 1})"}, "pictures": [names[2 * i], names[2 * i + 1]], "answer": 0}
            for i in range(rounds)]
    twins = names[2 * rounds:2 * rounds + MEMORY_PAIRS]
    games = [{"id": "quiz", "template": "choose-picture", "title": {"vi": "Đố"}, "rounds": quiz},
             {"id": "mem", "template": "memory-pairs", "title": {"vi": "M"}, "prompt": {"vi": "Tìm đôi"},
              "pairs": [[n, n] for n in twins]}]
    topic = {"title": {"vi": "Thử"}, "cover": "cover.png", "games": games}
    (pack / "topic.json").write_text(json.dumps(topic, ensure_ascii=False, indent=1), encoding="utf-8")
    return content_dir


def tree_version(path):
    """Tells one write of the ui-tree file from the next: the kiosk writes a new file and renames it
    over the old one, so the inode changes (and the modification time, at its resolution)."""
    try:
        s = os.stat(path)
    except FileNotFoundError:
        return None
    return s.st_ino, s.st_mtime_ns, s.st_size


def wait_for_change(k, version, test, what, timeout=STEP_TIMEOUT):
    """Polls the ui-tree file every CHANGE_POLL s for a write other than `version` that passes test(tree).
    Returns (perf_counter time the write was first seen, its version)."""
    deadline = time.perf_counter() + timeout
    while True:
        v = tree_version(k.ui_tree)
        if v != version:
            seen = time.perf_counter()
            version = v
            tree = k.tree()
            if tree is not None and test(tree):
                return seen, v
        if k.proc.poll() is not None:
            raise RuntimeError(f"the kiosk exited (code {k.proc.returncode}) while waiting for {what}")
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no {what} within {timeout:.0f} s")
        time.sleep(CHANGE_POLL)


def cpu_marks(k, xvfb):
    """(wall, busy CPU of the whole machine, of the kiosk, of our Xvfb, of this script), in seconds: the
    difference of two marks tells how much CPU other processes took meanwhile (see others_pct)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]  # user nice system idle iowait irq softirq steal
    busy = (sum(fields) - fields[3] - fields[4]) / CLK_TCK
    own = os.times()
    return time.perf_counter(), busy, k.cpu(), xvfb.cpu() if xvfb else 0.0, own.user + own.system


def others_pct(m0, m1):
    """CPU used by every other process between two cpu_marks, as % of one core."""
    d = [b - a for a, b in zip(m0, m1)]
    return 100 * max(0.0, d[1] - d[2] - d[3] - d[4]) / d[0]


def pieces_shown(tree):
    return sum(1 for i in ids(tree) if i.startswith("piece:"))


def open_game(k, game_id, pieces):
    """From the start: class La, the games topic, then the game; returns the game's first ui-tree."""
    k.wait_for("home screen", on_screen("home", f"topic:{GAME_TOPIC}"), START_TIMEOUT)
    k.send(f"tap @{CLASS}", f"tap @topic:{GAME_TOPIC}")
    k.wait_for("topic screen", on_screen("topic", f"game:{GAME_TOPIC}/{game_id}"))
    k.send(f"tap @game:{GAME_TOPIC}/{game_id}")
    return k.wait_for(f"game screen of {game_id}", lambda t: t.get("screen") == "game" and pieces_shown(t) == pieces)


def quiz_run(args, env, content, xvfb):
    """Taps in the choose-picture game, alternating the wrong and the right picture; returns one dict a
    tap, and the CPU % of one core that other processes used meanwhile."""
    rng = random.Random(1)  # the same gaps every run
    with Kiosk(args, env, 1, content) as k:
        open_game(k, "quiz", 2)
        # A first wrong tap, not measured: the focus starts on piece 0, and the measured taps start there.
        version = tree_version(k.ui_tree)
        k.send("tap @piece:1")
        seen, version = wait_for_change(k, version, lambda t: t.get("focus") == "piece:1", "the first tap's frame")
        taps, marks0 = [], cpu_marks(k, xvfb)
        for i in range(args.game_taps):
            kind, when = QUIZ_PATTERN[i % len(QUIZ_PATTERN)]
            piece = 0 if kind == "right" else 1
            gap = rng.uniform(*(QUICK_GAP if when == "quick" else REST_GAP))
            time.sleep(max(0.0, seen + gap - time.perf_counter()))
            version = tree_version(k.ui_tree)
            start = time.perf_counter()
            k.send(f"tap @piece:{piece}")
            before = seen
            seen, version = wait_for_change(k, version, lambda t: t.get("focus") == f"piece:{piece}",
                                            f"the frame after tap {i + 1} (@piece:{piece})")
            taps.append({"kind": kind, "when": when, "gap_s": start - before, "ms": (seen - start) * 1000})
        others = others_pct(marks0, cpu_marks(k, xvfb))
        tree = k.tree()
        if not tree or tree.get("screen") != "game" or pieces_shown(tree) != 2:
            raise RuntimeError("the quiz left its game screen while it was tapped")
        k.log_file.flush()
        frames = [float(ms) for screen, ms in FRAME_RE.findall(k.log.read_text(errors="replace")) if screen == "game"]
        return taps, others, frames


def spread(values):
    """n, median, 90th percentile (nearest rank), min and max of some values."""
    s = sorted(values)
    return {"n": len(s), "median": statistics.median(s), "p90": s[max(0, math.ceil(0.9 * len(s)) - 1)],
            "min": s[0], "max": s[-1]}


class FrameWatcher:
    """Sees, from outside, each frame the kiosk puts on the X display: an X DAMAGE object on the kiosk's
    window (found by its _NET_WM_PID) reports every change of the window's contents, which is one
    event (one rectangle, the whole window) per presented frame; the rare updates in several rectangles
    are counted once, by the event that ends them (more = False). Through libX11 and libXdamage (ctypes).
    Raises RuntimeError when that is not possible (no such libraries, no X display, no DAMAGE, no window)."""

    class _Notify(ctypes.Structure):  # XDamageNotifyEvent
        _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                    ("display", ctypes.c_void_p), ("drawable", ctypes.c_ulong), ("damage", ctypes.c_ulong),
                    ("level", ctypes.c_int), ("more", ctypes.c_int), ("timestamp", ctypes.c_ulong),
                    ("area", ctypes.c_short * 4), ("geometry", ctypes.c_short * 4)]

    def __init__(self, display, pid):
        self.dpy = None
        libs = []
        for name, soname in (("X11", "libX11.so.6"), ("Xdamage", "libXdamage.so.1")):
            try:
                libs.append(ctypes.CDLL(ctypes.util.find_library(name) or soname))
            except OSError:
                raise RuntimeError(f"no lib{name} to watch frames with") from None
        x, xd = self.x11, self.xd = libs
        vp, ul, i, p = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.POINTER
        x.XOpenDisplay.restype, x.XOpenDisplay.argtypes = vp, [ctypes.c_char_p]
        x.XDefaultRootWindow.restype, x.XDefaultRootWindow.argtypes = ul, [vp]
        x.XQueryTree.argtypes = [vp, ul, p(ul), p(ul), p(p(ul)), p(ctypes.c_uint)]
        x.XInternAtom.restype, x.XInternAtom.argtypes = ul, [vp, ctypes.c_char_p, i]
        x.XGetWindowProperty.argtypes = [vp, ul, ul, ctypes.c_long, ctypes.c_long, i, ul,
                                         p(ul), p(i), p(ul), p(ul), p(vp)]
        x.XGetGeometry.argtypes = [vp, ul, p(ul), p(i), p(i), p(ctypes.c_uint), p(ctypes.c_uint), p(ctypes.c_uint),
                                   p(ctypes.c_uint)]
        for f, args in (("XFree", [vp]), ("XPending", [vp]), ("XNextEvent", [vp, vp]), ("XConnectionNumber", [vp]),
                        ("XSync", [vp, i]), ("XCloseDisplay", [vp])):
            getattr(x, f).argtypes = args
        xd.XDamageQueryExtension.argtypes = [vp, p(i), p(i)]
        xd.XDamageCreate.restype, xd.XDamageCreate.argtypes = ul, [vp, ul, i]
        xd.XDamageDestroy.argtypes = [vp, ul]
        # Xlib's default handler ends the process on an X error (say, a window that just closed).
        self.errors = 0
        self._on_error = ctypes.CFUNCTYPE(i, vp, vp)(self._count_error)
        x.XSetErrorHandler(self._on_error)
        self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display} to watch frames")
        event_base, error_base = i(), i()
        if not xd.XDamageQueryExtension(self.dpy, ctypes.byref(event_base), ctypes.byref(error_base)):
            self.close()
            raise RuntimeError("the X server has no DAMAGE extension")
        self.notify_type = event_base.value  # XDamageNotify = event base + 0
        window = self._window_of(pid)
        if not window:
            self.close()
            raise RuntimeError(f"no X window with _NET_WM_PID {pid}")
        self.damage = xd.XDamageCreate(self.dpy, window, 0)  # XDamageReportRawRectangles
        x.XSync(self.dpy, 0)
        self.event = (ctypes.c_long * 24)()  # an XEvent
        self.fd = x.XConnectionNumber(self.dpy)

    def _count_error(self, _dpy, _event):
        self.errors += 1
        return 0

    def _window_of(self, pid):
        x, ul = self.x11, ctypes.c_ulong
        atom = x.XInternAtom(self.dpy, b"_NET_WM_PID", 1)
        if not atom:
            return None
        found, stack = [], [x.XDefaultRootWindow(self.dpy)]
        while stack:
            w = stack.pop()
            kind, fmt, n, left, data = ul(), ctypes.c_int(), ul(), ul(), ctypes.c_void_p()
            if (x.XGetWindowProperty(self.dpy, w, atom, 0, 1, 0, 6, ctypes.byref(kind), ctypes.byref(fmt),
                                     ctypes.byref(n), ctypes.byref(left), ctypes.byref(data)) == 0 and data.value):
                if n.value and ctypes.cast(data, ctypes.POINTER(ul))[0] == pid:
                    found.append(w)
                x.XFree(data)
            root, parent, children, count = ul(), ul(), ctypes.POINTER(ul)(), ctypes.c_uint()
            if x.XQueryTree(self.dpy, w, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(children),
                            ctypes.byref(count)):
                stack += [children[j] for j in range(count.value)]
                if children:
                    x.XFree(children)

        def area(w):
            root, xy, size = ul(), [ctypes.c_int() for _ in range(2)], [ctypes.c_uint() for _ in range(4)]
            if not x.XGetGeometry(self.dpy, w, ctypes.byref(root), *map(ctypes.byref, xy), *map(ctypes.byref, size)):
                return 0
            return size[0].value * size[1].value
        return max(found, key=area) if found else None

    def poll(self, timeout=0.0):
        """Frames presented since the last call, as (perf_counter time received, X server time in ms);
        waits up to `timeout` s for the first."""
        if not self.x11.XPending(self.dpy) and timeout > 0:
            select.select([self.fd], [], [], timeout)
        frames = []
        while self.x11.XPending(self.dpy):
            self.x11.XNextEvent(self.dpy, self.event)
            e = self._Notify.from_buffer(self.event)
            if e.type == self.notify_type and not e.more:
                frames.append((time.perf_counter(), e.timestamp))
        return frames

    def close(self):
        if self.dpy:
            self.x11.XCloseDisplay(self.dpy)  # frees the damage object too
            self.dpy = None


def learn_memory_layout(k, cards):
    """Which cards are pairs in the game just opened: card a is turned with each other unknown card b
    until they match. Returns (pairs, taps used)."""
    unknown, pairs, taps = list(range(cards)), [], 0
    while len(unknown) > 2:
        a = unknown[0]
        for b in unknown[1:]:
            k.send(f"tap @piece:{b}")
            k.wait_for(f"card {b} turned", lambda t: t.get("focus") == f"piece:{b}")
            k.send(f"tap @piece:{a}")
            k.wait_for(f"card {a} turned", lambda t: t.get("focus") == f"piece:{a}" or f"piece:{a}" not in ids(t))
            taps += 2
            # The ui-tree does not say which cards are face up: by this time a matched pair has left
            # it (after its cheer), and a wrong pair has turned back, ready for the next.
            time.sleep(PAIR_SETTLE_SECONDS + 0.15)
            if f"piece:{a}" not in ids(k.tree()):
                pairs.append((a, b))
                unknown = [c for c in unknown if c not in (a, b)]
                break
        else:
            raise RuntimeError(f"memory game: card {a} matches none of the cards {unknown[1:]}")
    pairs.append(tuple(unknown))
    return pairs, taps


def memory_run(args, env, content, xvfb):
    """The memory game kept animating with wrong pairs for about --animate-seconds; frames, CPU, tap latency."""
    cards = 2 * MEMORY_PAIRS
    # Each game start draws a new board; the first board of a kiosk started with the same
    # --game-seed is the same. So one kiosk learns the board, and a second one is measured on it.
    seed = ("--game-seed", "1")
    with Kiosk(args, env, 2, content, extra=seed) as k:
        open_game(k, "mem", cards)
        pairs, learn_taps = learn_memory_layout(k, cards)
    with Kiosk(args, env, 2, content, extra=seed) as k:
        tree = open_game(k, "mem", cards)  # all cards face down, in the places learnt
        # Wrong pairs only, every card in turn: (u0,u1) (u2,u3) (u4,u5) (v0,v1) (v2,v3) (v4,v5) for pairs (ui,vi).
        order = [p[0] for p in pairs] + [p[1] for p in pairs]
        while f"piece:{order[0]}" == tree.get("focus"):  # the first tap must move the focus
            order = order[2:] + order[:2]
        try:
            watcher, why_not = FrameWatcher(env["DISPLAY"], k.proc.pid), None
        except RuntimeError as e:
            watcher, why_not = None, str(e)
        try:
            time.sleep(1.0)  # the opening frame and anything after it are over
            if watcher:
                watcher.poll()
            n = round(args.animate_seconds / MEMORY_TAP_INTERVAL) + 2
            first = time.perf_counter() + 0.01
            last_write = first + (n - 1) * MEMORY_TAP_INTERVAL
            span_end = last_write + MEMORY_TAP_INTERVAL
            version = tree_version(k.ui_tree)
            pending, latencies, frames = [], [], []
            sent, span_start, marks0, marks1 = 0, None, None, None
            deadline = span_end + STEP_TIMEOUT
            while marks1 is None or pending:
                now = time.perf_counter()
                if sent < n and now >= first + sent * MEMORY_TAP_INTERVAL:
                    piece = order[sent % cards]
                    k.send(f"tap @piece:{piece}")
                    pending.append((sent, piece, time.perf_counter()))
                    sent += 1
                v = tree_version(k.ui_tree)
                if v != version:
                    seen, version = time.perf_counter(), v
                    tree = k.tree() or {}
                    if tree.get("screen") != "game" or pieces_shown(tree) != cards:
                        raise RuntimeError("memory game: a pair matched or the game closed; the layout was not "
                                           f"learned right (pairs {pairs})")
                    for j, (index, piece, at) in enumerate(pending):
                        if tree.get("focus") == f"piece:{piece}":
                            latencies.append((seen - at) * 1000)
                            if index == 1:  # the first wrong pair: the animation starts with this frame
                                span_start = seen
                                marks0 = cpu_marks(k, xvfb)
                            del pending[:j + 1]
                            break
                if marks1 is None and sent == n and now >= span_end:
                    if span_start is None:
                        raise RuntimeError("memory game: the first wrong pair was never seen in the ui-tree")
                    marks1 = cpu_marks(k, xvfb)
                if k.proc.poll() is not None:
                    raise RuntimeError(f"the kiosk exited (code {k.proc.returncode}) during the memory game")
                if now > deadline:
                    raise RuntimeError(f"memory game: {len(pending)} tap(s) never showed in the ui-tree")
                if watcher:
                    frames += watcher.poll(CHANGE_POLL)
                else:
                    time.sleep(CHANGE_POLL)
        finally:
            if watcher:
                watcher.close()
        span = marks1[0] - marks0[0]
        r = {"learn_taps": learn_taps, "taps": n, "span_s": span, "kiosk_cpu_s": marks1[2] - marks0[2],
             "others_cpu_pct": others_pct(marks0, marks1), "tap_ms": spread(latencies),
             "frames_watched": watcher is not None, "why_not": why_not}
        if xvfb:
            r["xvfb_cpu_s"] = marks1[3] - marks0[3]
        if watcher:
            inside = [f for f in frames if marks0[0] <= f[0] <= marks1[0]]
            stamps = [s for _, s in inside]
            r["frames"] = len(inside)
            r["fps"] = len(inside) / span
            if len(stamps) >= 2:
                r["interval_ms"] = spread([b - a for a, b in zip(stamps, stamps[1:])])
            r["x_errors"] = watcher.errors
        return r


def bench_games(args, env, content_root, media_dir, xvfb):
    right_taps = sum(1 for i in range(args.game_taps) if QUIZ_PATTERN[i % len(QUIZ_PATTERN)][0] == "right")
    rounds = max(QUIZ_MIN_ROUNDS, right_taps + 1)  # the quiz must not end while it is tapped
    print(f"\n== games: {args.game_taps} taps in a choose-picture game ({rounds} rounds of 2 {GAME_PICTURE_SIZE} "
          f"pictures), then ~{args.animate_seconds:g} s of a memory-pairs game with {2 * MEMORY_PAIRS} cards, "
          f"window {args.size}", flush=True)
    folder, names = make_game_pictures(args, media_dir, 2 * rounds + MEMORY_PAIRS)
    content = make_game_pack(content_root, folder, names, rounds)

    taps, quiz_others, frames = quiz_run(args, env, content, xvfb)
    print(f"\n  tap -> its feedback frame, seen as the ui-tree write (ms); quick = {QUICK_GAP[0]:g}-{QUICK_GAP[1]:g} s "
          f"after the previous feedback frame (its {FLASH_SECONDS:g} s animation still running), "
          f"at rest = {REST_GAP[0]:g}-{REST_GAP[1]:g} s after it")
    groups = [("right answer (next round: 2 new pictures), at rest", "right", "rest"),
              ("right answer, quick", "right", "quick"),
              ("wrong answer (shake, red ring), at rest", "wrong", "rest"),
              ("wrong answer, quick", "wrong", "quick"),
              ("all taps", None, None)]
    rows = [("taps", "n", "median", "p90", "min", "max")]
    quiz = {}
    for label, kind, when in groups:
        values = [t["ms"] for t in taps if kind in (None, t["kind"]) and when in (None, t["when"])]
        if not values:
            continue
        s = spread(values)
        quiz[f"{kind}_{when}" if kind else "all"] = {**s, "values": values}
        rows.append((label, str(s["n"]), *(f"{s[key]:.1f}" for key in ("median", "p90", "min", "max"))))
    print_rows(rows, left=1)
    if frames:
        f = spread(frames)
        quiz["frame_draw_ms"] = f
        print(f"  the kiosk drawing one frame of this game screen (KIOSK_TRACE_FRAMES=1: from the frame's start to the "
              f"end of its buffer swap, every frame of the run): n={f['n']}, median {f['median']:.1f} ms, p90 "
              f"{f['p90']:.1f} ms, min {f['min']:.1f} ms, max {f['max']:.1f} ms")
    print(f"  other processes meanwhile: {quiz_others:.0f}% of one core on average (of {os.cpu_count()} cores)")

    m = memory_run(args, env, content, xvfb)
    print(f"\n  memory-pairs, {2 * MEMORY_PAIRS} cards: layout found with {m['learn_taps']} taps; the game opened "
          f"again, then {m['taps']} taps every {MEMORY_TAP_INTERVAL * 1000:.0f} ms, wrong pairs only (a shake and "
          f"red ring every {2 * MEMORY_TAP_INTERVAL:g} s, each {FLASH_SECONDS:g} s long: the screen never stops "
          f"animating); measured over {m['span_s']:.2f} s from the first wrong pair's frame")
    if m["frames_watched"]:
        line = f"  frames on the X display: {m['frames']} = {m['fps']:.1f} frames/s"
        if "interval_ms" in m:
            iv = m["interval_ms"]
            line += (f"; time between frames (X server clock, 1 ms steps): median {iv['median']:.0f} ms, "
                     f"p90 {iv['p90']:.0f} ms, min {iv['min']:.0f} ms, max {iv['max']:.0f} ms")
        print(line)
    else:
        print(f"  frames on the X display: not measured ({m['why_not']})")
    cpu = m["kiosk_cpu_s"]
    line = f"  kiosk CPU {cpu:.2f} s = {100 * cpu / m['span_s']:.0f}% of one core"
    if m.get("frames"):
        line += f" = {1000 * cpu / m['frames']:.1f} ms CPU per frame"
    if "xvfb_cpu_s" in m:
        line += f"; Xvfb CPU {m['xvfb_cpu_s']:.2f} s = {100 * m['xvfb_cpu_s'] / m['span_s']:.0f}% of one core"
    print(line + f"; other processes {m['others_cpu_pct']:.0f}% of one core")
    t = m["tap_ms"]
    print(f"  tap -> its feedback frame while animating (ui-tree write): n={t['n']}, median {t['median']:.1f} ms, "
          f"p90 {t['p90']:.1f} ms, min {t['min']:.1f} ms, max {t['max']:.1f} ms")
    memory = {key: m[key] for key in ("learn_taps", "taps", "span_s", "kiosk_cpu_s", "xvfb_cpu_s", "others_cpu_pct",
                                      "frames", "fps", "interval_ms", "tap_ms") if key in m}
    memory["kiosk_cpu_pct"] = 100 * cpu / m["span_s"]
    if not m["frames_watched"]:
        memory["frames_not_measured"] = m["why_not"]
    return {"quiz_rounds": rounds, "quiz_tap_ms": quiz, "quiz_others_cpu_pct": quiz_others, "memory": memory}


SOUND_BYTES_PER_S = 44100 * 2 * 2  # the sound-effect device: 44.1 kHz, 16 bits, stereo
SOUND_QUIET_S = 0.1  # before a tap, the disk audio file must end in this much silence
SOUND_POLL = 0.0005


def audio_file_tail(path, offset):
    """(size of the disk audio file, offset of its first non-zero byte at or after `offset`, or None)."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            data = f.read()
    except FileNotFoundError:
        return 0, None
    at = next((i for i, b in enumerate(data) if b), None)
    return offset + len(data), None if at is None else offset + at


def wait_for_quiet(k, path):
    """Waits until SDL's audio thread has written SOUND_QUIET_S of silence after the last sound."""
    deadline = time.perf_counter() + STEP_TIMEOUT
    quiet_bytes = int(SOUND_QUIET_S * SOUND_BYTES_PER_S)
    while time.perf_counter() < deadline:
        try:
            size = os.path.getsize(path)
        except FileNotFoundError:
            size = 0
        if size >= quiet_bytes and audio_file_tail(path, size - quiet_bytes)[1] is None:
            return size
        if k.proc.poll() is not None:
            raise RuntimeError(f"the kiosk exited (code {k.proc.returncode}) while its sound effects were awaited")
        time.sleep(0.01)
    raise RuntimeError(f"the sound-effect device wrote no {SOUND_QUIET_S:g} s of silence to {path} within "
                       f"{STEP_TIMEOUT:.0f} s (is SDL's disk audio driver there?)")


def bench_sound(args, env, content_root, media_dir):
    """Tap to sound in the choose-picture game, through SDL's disk audio driver."""
    print(f"\n== sound: {args.sound_taps} taps in a choose-picture game, the sound effects written by SDL's disk "
          f"audio driver", flush=True)
    folder, names = make_game_pictures(args, media_dir, 2 * (args.sound_taps + 1))
    content = make_game_pack(content_root, folder, names, args.sound_taps + 1)
    taps = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-sound-") as tmp:
        audio = Path(tmp) / "audio.raw"
        sound_env = dict(env, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(audio), KIOSK_MPV="ao=null")
        with Kiosk(args, sound_env, 1, content) as k:
            open_game(k, "quiz", 2)
            for i in range(args.sound_taps):
                piece = i % 2  # the right picture (a new round), then the wrong one
                offset = wait_for_quiet(k, audio)
                start = time.perf_counter()
                k.send(f"tap @piece:{piece}")
                while True:
                    size, at = audio_file_tail(audio, offset)
                    if at is not None:
                        taps.append((time.perf_counter() - start) * 1000)
                        break
                    if time.perf_counter() - start > STEP_TIMEOUT:
                        raise RuntimeError(f"tap {i + 1} (@piece:{piece}) made no sound within {STEP_TIMEOUT:.0f} s")
                    offset = size
                    time.sleep(SOUND_POLL)
    s = spread(taps)
    print(f"  tap -> the first buffer with sound written by SDL's audio thread: n={s['n']}, median "
          f"{s['median']:.1f} ms, p90 {s['p90']:.1f} ms, min {s['min']:.1f} ms, max {s['max']:.1f} ms "
          f"(a real device plays it after its own buffer of 512 frames = {512000 / 44100:.1f} ms)")
    return {"tap_to_sound_ms": {**s, "values": taps}}


# ---------------------------------------------------------------------------------------------

def table(runs, metrics):
    """Prints median, min and max of each metric over the runs; returns them as a dict."""
    summary = {}
    rows = [("metric", "unit", "median", "min", "max")]
    for key, label, unit, fmt in metrics:
        values = [r[key] for r in runs if r.get(key) == r.get(key)]  # leaves out NaN
        if not values:
            continue
        s = {"median": statistics.median(values), "min": min(values), "max": max(values), "values": values}
        summary[key] = s
        rows.append((label, unit, fmt.format(s["median"]), fmt.format(s["min"]), fmt.format(s["max"])))
    print()
    print_rows(rows)
    return summary


def print_rows(rows, left=2):
    """Prints a table: the first row is the heading; the first `left` columns are left-aligned, the rest right."""
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    for n, row in enumerate(rows):
        cells = [cell.ljust(w) if c < left else cell.rjust(w) for c, (cell, w) in enumerate(zip(row, widths))]
        print("  ".join(cells))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def rounded(summary):
    def r(v):
        if isinstance(v, float):
            return round(v, 4)
        if isinstance(v, list):
            return [r(x) for x in v]
        if isinstance(v, dict):
            return {k: r(x) for k, x in v.items()}
        return v
    return r(summary)


def main():
    args = parse_args()
    # Older kiosks ignore the trace variables; the start-up steps and frame times are then not shown.
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", KIOSK_TRACE_STARTUP="1", KIOSK_TRACE_FRAMES="1")
    xvfb = None
    result = {"benchmark": "kiosk", "kiosk": args.kiosk}
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-media-") as tmp:
        try:
            if not env.get("DISPLAY"):
                xvfb = OwnXvfb(args.size)
                env["DISPLAY"] = xvfb.display
            where = f"own Xvfb {env['DISPLAY']} ({args.size})" if xvfb else f"DISPLAY={env['DISPLAY']}"
            built = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.stat(args.kiosk).st_mtime))
            print(f"kiosk: {args.kiosk} (built {built})")
            print(f"display: {where}; window {args.size}; parts: {', '.join(args.parts)}; {os.cpu_count()} CPU(s)",
                  flush=True)
            result.update({"display": "xvfb" if xvfb else env["DISPLAY"], "size": args.size})

            if "startup" in args.parts:
                summary = bench_startup(args, env)
                result.update({"runs": args.runs, "idle_seconds": args.idle_seconds, **rounded(summary)})
            media_dir = Path(args.media_dir) if args.media_dir else Path(tmp) / "media"
            if "video" in args.parts or "photo" in args.parts:
                media_dir.mkdir(parents=True, exist_ok=True)
                print()
                files = make_media(args, media_dir)
                content = make_pack(Path(tmp) / "content", files)
                if "video" in args.parts:
                    result["video"] = rounded(bench_video(args, env, content, files["clip"], xvfb))
                if "photo" in args.parts:
                    result["photo"] = rounded(bench_photo(args, env, content))
            if "games" in args.parts:
                media_dir.mkdir(parents=True, exist_ok=True)
                result["games"] = rounded(bench_games(args, env, Path(tmp) / "games-content", media_dir, xvfb))
            if "sound" in args.parts:
                media_dir.mkdir(parents=True, exist_ok=True)
                result["sound"] = rounded(bench_sound(args, env, Path(tmp) / "sound-content", media_dir))
        finally:
            if xvfb:
                xvfb.close()
    print(f"\ntotal time {time.perf_counter() - began:.0f} s\n")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"bench_kiosk: {e}", file=sys.stderr)
        sys.exit(1)
