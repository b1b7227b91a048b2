#!/usr/bin/env python3
"""Benchmark of the Xem và Nói kiosk: start-up time, idle CPU use and memory.

It prints numbers and asserts nothing. For each of --runs runs (default 5) it starts the kiosk
in a window (--windowed WxH), with a fresh temporary --data folder, --ui-tree file and --replay
named pipe, and SDL_AUDIODRIVER=dummy, and measures:

  1. start-up: wall time from just before the process is spawned to the first drawn frame of
     the home screen, i.e. until the --ui-tree file exists and says "screen": "home"
     (polled every 1 ms);
  2. idle CPU: user+system CPU time of the kiosk (all threads, from /proc/PID/stat) over
     --idle-seconds (default 10) of an untouched home screen, starting 2 s after the first
     frame; shown in seconds and as a percentage of one core;
  3. peak memory: VmHWM (peak resident set size) from /proc/PID/status at the end of the run.

Then it sends `quit` down the replay pipe and waits up to 5 s for a clean exit before SIGKILL.
The table shows median, min and max over the runs; the last line is the same as one JSON object.

It uses the X display in $DISPLAY, or, when DISPLAY is unset, starts its own Xvfb on a free
display number (Xvfb -displayfd picks it and reports when the server is ready) and stops it at
the end. Under Xvfb OpenGL is drawn in software (Mesa llvmpipe), so CPU numbers are higher
than on a mini-PC's GPU; compare runs on the same machine only.

Usage: python3 tests/bench/bench_kiosk.py [--kiosk build/kiosk/kiosk] [--size 1920x1080]
                                          [--runs N] [--idle-seconds S]
Only the Python standard library is used; Linux only (/proc).
"""

import argparse
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETTLE_SECONDS = 2.0  # idle measurement starts this long after the first frame
START_TIMEOUT = 30.0  # give up on a run whose first frame takes longer
QUIT_TIMEOUT = 5.0  # wait this long for `quit` before SIGKILL
HOME_RE = re.compile(rb'"screen"\s*:\s*"home"')
CLK_TCK = os.sysconf("SC_CLK_TCK")


def parse_args():
    p = argparse.ArgumentParser(description="Measure the kiosk's start-up time, idle CPU and peak memory.")
    p.add_argument("--kiosk", default=str(REPO / "build/kiosk/kiosk"), help="kiosk executable (default: %(default)s)")
    p.add_argument("--size", default="1920x1080", help="window size, and screen size of our own Xvfb (default: %(default)s)")
    p.add_argument("--runs", type=int, default=5, help="number of runs (default: %(default)s)")
    p.add_argument("--idle-seconds", type=float, default=10.0, help="length of the idle CPU measurement (default: %(default)s)")
    args = p.parse_args()
    if not re.fullmatch(r"[1-9][0-9]{2,4}x[1-9][0-9]{2,4}", args.size):
        p.error("--size: expected WIDTHxHEIGHT, e.g. 1920x1080")
    if args.runs < 1 or args.idle_seconds <= 0:
        p.error("--runs must be at least 1 and --idle-seconds positive")
    kiosk = Path(args.kiosk)
    if not kiosk.is_file() and not kiosk.is_absolute() and (REPO / kiosk).is_file():
        kiosk = REPO / kiosk  # accept a path relative to the repository too
    if not (kiosk.is_file() and os.access(kiosk, os.X_OK)):
        p.error(f"--kiosk: {args.kiosk} is not an executable file (build it with cmake --build build)")
    args.kiosk = str(kiosk.resolve())
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


def one_run(args, env, index):
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        tmp = Path(tmp)
        data, ui_tree, pipe, log = tmp / "data", tmp / "ui.json", tmp / "replay.pipe", tmp / "kiosk.log"
        os.mkfifo(pipe)
        # Held read-write, so the kiosk's reader opens it at once and sees no end until we close it.
        pipe_fd = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)
        cmd = [args.kiosk, "--windowed", args.size, "--data", str(data), "--ui-tree", str(ui_tree),
               "--replay", str(pipe)]
        with open(log, "wb") as log_file:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
            try:
                return measure(args, proc, start, ui_tree)
            finally:
                stop(proc, pipe_fd, index)
                os.close(pipe_fd)
                if proc.returncode not in (0, None):
                    tail = log.read_text(errors="replace").strip().splitlines()[-5:]
                    print(f"  run {index}: kiosk exited with code {proc.returncode}; its last output:", file=sys.stderr)
                    for line in tail:
                        print("    " + line, file=sys.stderr)


def measure(args, proc, start, ui_tree):
    # 1. time to the first drawn home screen
    deadline = start + START_TIMEOUT
    while True:
        try:
            if HOME_RE.search(ui_tree.read_bytes()):
                break
        except FileNotFoundError:
            pass
        now = time.perf_counter()
        if proc.poll() is not None:
            raise RuntimeError(f"the kiosk exited (code {proc.returncode}) before drawing the home screen")
        if now > deadline:
            raise RuntimeError(f"no home screen within {START_TIMEOUT:.0f} s")
        time.sleep(0.001)
    first_frame = time.perf_counter()
    startup_ms = (first_frame - start) * 1000

    # 2. CPU used while the home screen sits idle
    time.sleep(max(0.0, first_frame + SETTLE_SECONDS - time.perf_counter()))
    cpu0, wall0 = cpu_seconds(proc.pid), time.perf_counter()
    time.sleep(args.idle_seconds)
    cpu1, wall1 = cpu_seconds(proc.pid), time.perf_counter()
    if proc.poll() is not None:
        raise RuntimeError(f"the kiosk exited (code {proc.returncode}) while idle")
    idle_cpu = cpu1 - cpu0

    # 3. peak resident memory
    hwm_kib = status_kib(proc.pid, "VmHWM")
    return {
        "startup_ms": startup_ms,
        "idle_cpu_s": idle_cpu,
        "idle_cpu_pct": 100 * idle_cpu / (wall1 - wall0),
        "peak_rss_mib": hwm_kib / 1024 if hwm_kib is not None else float("nan"),
    }


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


METRICS = [  # key, label, unit, format
    ("startup_ms", "start to first home frame", "ms", "{:.0f}"),
    ("idle_cpu_s", "idle CPU time (user+sys)", "s", "{:.2f}"),
    ("idle_cpu_pct", "idle CPU, % of one core", "%", "{:.1f}"),
    ("peak_rss_mib", "peak RSS (VmHWM)", "MiB", "{:.1f}"),
]


def main():
    args = parse_args()
    env = dict(os.environ, SDL_AUDIODRIVER="dummy")
    xvfb = None
    try:
        if not env.get("DISPLAY"):
            xvfb = OwnXvfb(args.size)
            env["DISPLAY"] = xvfb.display
        where = f"own Xvfb {env['DISPLAY']} ({args.size})" if xvfb else f"DISPLAY={env['DISPLAY']}"
        print(f"kiosk: {args.kiosk}")
        print(f"display: {where}; window {args.size}; {args.runs} run(s); idle {args.idle_seconds:g} s "
              f"from {SETTLE_SECONDS:g} s after the first frame; {os.cpu_count()} CPU(s)")
        runs = []
        for i in range(1, args.runs + 1):
            r = one_run(args, env, i)
            runs.append(r)
            print(f"  run {i}: " + ", ".join(f"{fmt.format(r[k])} {unit}" for k, _, unit, fmt in METRICS), flush=True)
    finally:
        if xvfb:
            xvfb.close()

    summary = {}
    rows = [("metric", "unit", "median", "min", "max")]
    for key, label, unit, fmt in METRICS:
        values = [r[key] for r in runs]
        s = {"median": statistics.median(values), "min": min(values), "max": max(values), "values": values}
        summary[key] = s
        rows.append((label, unit, fmt.format(s["median"]), fmt.format(s["min"]), fmt.format(s["max"])))
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    print()
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])] + [row[c].rjust(widths[c]) for c in range(2, 5)]
        print("  ".join(cells))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print(json.dumps({
        "benchmark": "kiosk",
        "kiosk": args.kiosk,
        "display": "xvfb" if xvfb else env["DISPLAY"],
        "size": args.size,
        "runs": args.runs,
        "idle_seconds": args.idle_seconds,
        **{k: {m: round(v, 4) if m != "values" else [round(x, 4) for x in v] for m, v in s.items()}
           for k, s in summary.items()},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"bench_kiosk: {e}", file=sys.stderr)
        sys.exit(1)
