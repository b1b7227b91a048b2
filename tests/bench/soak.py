#!/usr/bin/env python3
"""Soak of the Xem và Nói kiosk: a long school day at accelerated speed, then is anything growing?

    tests/bench/soak.py [--cycles N] [--every N] [--kiosk build/kiosk/kiosk] [--size 640x360]
                        [--texture-cache-mb MB] [--check]

One kiosk process (windowed, its own Xvfb when DISPLAY is unset, SDL_AUDIODRIVER=dummy, a fresh
--data folder, the bundled sample content) is driven through --replay. A cycle is what a class does
in a session: home -> a class group -> a topic (the topics take turns) -> every lesson and game of
the topic, each opened and left with Back -> end the session (finish, yes) -> the summary -> home.
Each screen's entrance animation is skipped with the replay's `advance` (the program's clocks jump
ahead), so the kiosk draws few frames. The script reads the topic's lessons and games from its
screen, then sends the rest of the cycle at once: the replay runs a command only once the last
one has had its effect (app/replay.h), so it waits only for the command count of the end of the
cycle, with the home screen shown. A `tap @ID` that finds nothing stops the soak.

It prints, at home after the first cycle, after the warm-up (--warm cycles, every topic seen:
the baseline), every --every cycles and at the end: the kiosk's resident memory (VmRSS) and its
peak (VmHWM), its open file descriptors (/proc/PID/fd), its threads, the OpenGL textures of its
picture cache and their memory (the --ui-tree's "counts"), and the rows in the journal. Then the
start and end of each, and their growth per 1000 cycles, from the baseline and over the second
half of the run (a plateau shows there as about 0).

--check (a CI test): fails unless the file descriptors, threads and textures at the end are what
they were at the baseline, and the textures' memory is within the cap.
"""
import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_kiosk import START_TIMEOUT, Kiosk, OwnXvfb, ids, on_screen, status_kib  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
TOPICS = ["traffic-safety", "hand-washing", "public-behaviour"]
SKIP = "advance 1000"  # past a screen's entrance animation (the longest, the summary's confetti, takes 0.8 s)
CYCLE_TIMEOUT = 120.0
CHECK_SETTLE = 10.0


def parse_args():
    p = argparse.ArgumentParser(description="Loop home -> lesson -> every game -> home and watch memory, fds and textures.")
    p.add_argument("--cycles", type=int, default=2000, help="sessions to run (default: %(default)s)")
    p.add_argument("--every", type=int, default=100, help="report every N cycles (default: %(default)s)")
    p.add_argument("--warm", type=int, default=2 * len(TOPICS),
                   help="cycles before the baseline (default: %(default)s, each topic twice)")
    p.add_argument("--kiosk", default=str(REPO / "build/kiosk/kiosk"), help="kiosk executable (default: %(default)s)")
    p.add_argument("--size", default="640x360", help="window size (default: %(default)s; smaller draws faster)")
    p.add_argument("--texture-cache-mb", type=int, help="the kiosk's picture cache cap (default: the kiosk's own)")
    p.add_argument("--check", action="store_true", help="fail unless fds, threads and textures end as at the baseline")
    args = p.parse_args()
    if args.cycles < 1 or args.every < 1 or args.warm < 1:
        p.error("--cycles, --every and --warm must be at least 1")
    if args.cycles <= args.warm:
        p.error("--cycles must be more than --warm")
    return args


class Soak:
    def __init__(self, k):
        self.k = k
        self.sent = 0  # replay commands sent so far
        self.log_seen = 0

    def send(self, lines):
        self.k.send(*lines)
        self.sent += len(lines)

    def replay_errors(self):
        text = self.k.log.read_text(errors="replace")
        new, self.log_seen = text[self.log_seen:], len(text)
        return [line for line in new.splitlines() if "kiosk: replay:" in line]

    def cycle(self, topic):
        """One session; returns at home, with every command handled."""
        self.send(["tap @class:La", f"tap @topic:{topic}", SKIP])
        tree = self.k.wait_for(f"the topic {topic}", lambda t: t.get("commands") == self.sent
                               and t.get("screen") == "topic" and "end-session" in ids(t), CYCLE_TIMEOUT, 0.005)
        entries = [i for i in ids(tree) if i.startswith(("lesson:", "game:"))]
        lines = []
        for entry in entries:
            lines += [f"tap @{entry}", SKIP, "key Escape", SKIP]
        lines += ["tap @end-session", "tap @finish:yes", SKIP, "tap @home", SKIP]
        self.send(lines)
        self.k.wait_for(f"home after the topic {topic}", lambda t: t.get("commands") == self.sent
                        and t.get("screen") == "home", CYCLE_TIMEOUT, 0.005)
        errors = self.replay_errors()
        if errors:
            raise RuntimeError(f"the replay went astray in the topic {topic}: {errors[0]}")
        return len(entries)


def sample(k, journal):
    pid = k.proc.pid
    rows = 0
    if journal.exists():
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT count(*) FROM activities").fetchone()[0]
    counts = (k.tree() or {}).get("counts", {})
    return {
        "rss": status_kib(pid, "VmRSS") / 1024,
        "hwm": status_kib(pid, "VmHWM") / 1024,
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": status_kib(pid, "Threads"),
        "textures": counts.get("textures", -1),
        "tex_mib": counts.get("texture_bytes", 0) / 2**20,
        "activities": rows,
    }


def check(k, journal, s0, cap_mib):
    """What differs from the baseline at the end, after waiting CHECK_SETTLE seconds for it to return
    (a thread of the last screen may still be finishing)."""
    deadline = time.perf_counter() + CHECK_SETTLE
    while True:
        s1 = sample(k, journal)
        failures = [f"{key}: {s0[key]} at the baseline, {s1[key]} at the end"
                    for key in ("fds", "threads", "textures") if s1[key] != s0[key]]
        if cap_mib and s1["tex_mib"] > cap_mib:
            failures.append(f"textures hold {s1['tex_mib']:.1f} MiB at home, over the {cap_mib} MiB cap")
        if not failures or time.perf_counter() > deadline:
            return failures
        time.sleep(0.1)


def growth(a, b, key):
    n0, s0 = a
    n1, s1 = b
    return (s1[key] - s0[key]) * 1000 / (n1 - n0) if n1 > n0 else float("nan")


def main():
    args = parse_args()
    env = dict(os.environ, SDL_AUDIODRIVER="dummy")
    extra = ["--texture-cache-mb", str(args.texture_cache_mb)] if args.texture_cache_mb else []
    xvfb = None
    if not env.get("DISPLAY"):
        xvfb = OwnXvfb(args.size)
        env["DISPLAY"] = xvfb.display
    failures = []
    try:
        with Kiosk(args, env, 0, extra=extra) as k:
            journal = Path(k.ui_tree).parent / "data" / "journal.sqlite"
            soak = Soak(k)
            k.wait_for("the home screen", on_screen("home", f"topic:{TOPICS[0]}"), START_TIMEOUT)
            began = time.perf_counter()
            samples = []  # (cycle, sample)
            print(f"{'cycle':>6} {'RSS MiB':>8} {'peak MiB':>9} {'fds':>5} {'threads':>8} {'textures':>9} "
                  f"{'tex MiB':>8} {'activities':>11} {'s/cycle':>8}", flush=True)
            for n in range(1, args.cycles + 1):
                entries = soak.cycle(TOPICS[(n - 1) % len(TOPICS)])
                if n in (1, args.warm, args.cycles) or n % args.every == 0:
                    s = sample(k, journal)
                    samples.append((n, s))
                    per = (time.perf_counter() - began) / n
                    print(f"{n:>6} {s['rss']:>8.1f} {s['hwm']:>9.1f} {s['fds']:>5} {s['threads']:>8} "
                          f"{s['textures']:>9} {s['tex_mib']:>8.1f} {s['activities']:>11} {per:>8.2f}", flush=True)
            seconds = time.perf_counter() - began
            base = next(x for x in samples if x[0] == args.warm)
            end = samples[-1]
            mid = min((x for x in samples if x[0] >= args.warm), key=lambda x: abs(x[0] - (args.warm + args.cycles) / 2))
            s0, s1 = base[1], end[1]
            print(f"\n{args.cycles} cycles ({entries} lessons and games in the last) in {seconds:.0f} s "
                  f"({seconds / args.cycles:.2f} s a cycle); baseline after cycle {args.warm}")
            print(f"RSS {s0['rss']:.1f} -> {s1['rss']:.1f} MiB, peak {s1['hwm']:.1f} MiB; "
                  f"fds {s0['fds']} -> {s1['fds']}; threads {s0['threads']} -> {s1['threads']}; "
                  f"textures {s0['textures']} ({s0['tex_mib']:.1f} MiB) -> {s1['textures']} ({s1['tex_mib']:.1f} MiB)")
            for label, a in ((f"from the baseline (cycle {base[0]})", base), (f"over the second half (from cycle {mid[0]})", mid)):
                print(f"growth per 1000 cycles {label}: RSS {growth(a, end, 'rss'):+.1f} MiB, "
                      f"peak {growth(a, end, 'hwm'):+.1f} MiB, fds {growth(a, end, 'fds'):+.1f}, "
                      f"threads {growth(a, end, 'threads'):+.1f}, textures {growth(a, end, 'textures'):+.1f}")
            if args.check:
                failures = check(k, journal, s0, args.texture_cache_mb)
    finally:
        if xvfb:
            xvfb.close()
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
