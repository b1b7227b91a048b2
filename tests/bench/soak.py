#!/usr/bin/env python3
"""Soak of the Xem và Nói kiosk: a long school day at accelerated speed, then is anything growing?

    tests/bench/soak.py [--cycles N] [--kiosk build/kiosk/kiosk] [--size 1280x720]

One kiosk process (windowed, its own Xvfb when DISPLAY is unset, SDL_AUDIODRIVER=dummy, a fresh
--data folder, the bundled sample content) is driven through --replay, waiting only for the
screen each step leads to (no sleeps). A cycle is what a class does in a session: home -> a class
group -> a topic (the topics take turns) -> every lesson and game of the topic, each opened and
left with Back -> end the session (finish, yes) -> the summary -> home. It prints, after the
first cycle, after every topic has had its turn once (warm: each picture decoded once; the
baseline) and then every --every cycles: the
kiosk's resident memory (VmRSS) and its peak (VmHWM), its open file descriptors (/proc/PID/fd),
its threads, and the rows in the journal; at the end, the growth of each per 1000 cycles from the
baseline to the last report. It asserts nothing. (The kiosk does not expose its GL texture count; its
picture cache is keyed by file path, so it is bounded by the content, and RSS shows a leak there.)
"""
import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_kiosk import Kiosk, OwnXvfb, ids, on_screen, status_kib  # noqa: E402  (process, Xvfb, /proc helpers)

REPO = Path(__file__).resolve().parents[2]
TOPICS = ["traffic-safety", "hand-washing", "public-behaviour"]


def parse_args():
    p = argparse.ArgumentParser(description="Loop home -> lesson -> every game -> home and watch memory and fds.")
    p.add_argument("--cycles", type=int, default=2000, help="sessions to run (default: %(default)s)")
    p.add_argument("--every", type=int, default=100, help="report every N cycles (default: %(default)s)")
    p.add_argument("--kiosk", default=str(REPO / "build/kiosk/kiosk"), help="kiosk executable (default: %(default)s)")
    p.add_argument("--size", default="1280x720", help="window size (default: %(default)s)")
    args = p.parse_args()
    if args.cycles < 1 or args.every < 1:
        p.error("--cycles and --every must be at least 1")
    return args


def sample(k, journal):
    pid = k.proc.pid
    rows = 0
    if journal.exists():
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT count(*) FROM activities").fetchone()[0]
    return {
        "rss": status_kib(pid, "VmRSS") / 1024,
        "hwm": status_kib(pid, "VmHWM") / 1024,
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": status_kib(pid, "Threads"),
        "activities": rows,
    }


def cycle(k, topic):
    k.wait_for("home screen", on_screen("home", f"topic:{topic}"))
    k.send("tap @class:La", f"tap @topic:{topic}")
    tree = k.wait_for("topic screen", lambda t: t.get("screen") == "topic" and "end-session" in ids(t))
    entries = [i for i in ids(tree) if i.startswith(("lesson:", "game:"))]
    for entry in entries:
        k.send(f"tap @{entry}")
        k.wait_for(entry, lambda t: t.get("screen") not in ("topic", None))
        k.send("key Escape")
        k.wait_for("back on the topic", lambda t: t.get("screen") == "topic" and "end-session" in ids(t))
    k.send("tap @end-session")
    k.wait_for("the finish question", lambda t: "finish:yes" in ids(t))
    k.send("tap @finish:yes")
    k.wait_for("the summary", lambda t: t.get("screen") == "summary" and "home" in ids(t))
    k.send("tap @home")
    return len(entries)


def main():
    args = parse_args()
    env = dict(os.environ, SDL_AUDIODRIVER="dummy")
    xvfb = None
    if not env.get("DISPLAY"):
        xvfb = OwnXvfb(args.size)
        env["DISPLAY"] = xvfb.display
    try:
        with Kiosk(args, env, 0) as k:
            journal = Path(k.ui_tree).parent / "data" / "journal.sqlite"
            began = time.perf_counter()
            first = None
            print(f"{'cycle':>6} {'RSS MiB':>8} {'peak MiB':>9} {'fds':>5} {'threads':>8} {'activities':>11} {'s/cycle':>8}")
            for n in range(1, args.cycles + 1):
                entries = cycle(k, TOPICS[(n - 1) % len(TOPICS)])
                warm = n == len(TOPICS)
                if n == 1 or warm or n % args.every == 0 or n == args.cycles:
                    s = sample(k, journal)
                    per = (time.perf_counter() - began) / n
                    print(f"{n:>6} {s['rss']:>8.1f} {s['hwm']:>9.1f} {s['fds']:>5} {s['threads']:>8} "
                          f"{s['activities']:>11} {per:>8.2f}", flush=True)
                    if warm:
                        first = (n, s)
            if first and args.cycles > first[0]:
                n0, s0 = first
                k_cycles = (args.cycles - n0) / 1000
                print(f"\n{args.cycles} cycles ({entries} lessons and games in the last) in "
                      f"{time.perf_counter() - began:.0f} s; growth per 1000 cycles after the baseline: "
                      f"RSS {(s['rss'] - s0['rss']) / k_cycles:+.1f} MiB, peak {(s['hwm'] - s0['hwm']) / k_cycles:+.1f} MiB, "
                      f"fds {(s['fds'] - s0['fds']) / k_cycles:+.1f}, threads {(s['threads'] - s0['threads']) / k_cycles:+.1f}")
    finally:
        if xvfb:
            xvfb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
