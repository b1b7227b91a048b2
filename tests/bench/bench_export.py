#!/usr/bin/env python3
"""Benchmark of `kiosk export` and `kiosk merge` on a campaign-sized journal.

It prints numbers and asserts nothing. It builds, with Python's sqlite3 and the journal's own
schema, a journal of --sessions sessions (default 100,000) with --per-session activities each
(default 5, so 500,000), spread over a school year; then:
  1. `kiosk export --data DATA --to STICK` of that journal;
  2. nine more copies of it, each with another device id and other UUIDs (the first 8 hex digits
     of every UUID set to the copy's number), exported the same way;
  3. `kiosk merge OUT EXPORT...` of the ten exports (1,000,000 sessions, 5,000,000 activities).
Beside the first export, the report files alone (bench_report_files: the figures, bao-cao.docx and
so-lieu.xlsx from that export's journal.sqlite), to set their time against the rest of the export.
For each run: wall time from spawn to exit, and peak resident memory (ru_maxrss of that child,
from os.wait4, so an earlier, bigger child does not hide a smaller one). Everything lives in a
temporary folder (--work to keep it), on the same disk as /tmp.

Usage: python3 tests/bench/bench_export.py [--kiosk build/kiosk/kiosk] [--copies 10]
                                          [--report-bench build/tests/bench_report_files]
"""
import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# The journal's schema, read from kiosk/core/journal.cpp so that the two never drift apart.
SCHEMA = re.search(r'kSchema = R"sql\((.*?)\)sql"', (REPO / "kiosk/core/journal.cpp").read_text(), re.S).group(1)

TOPICS = {"traffic-safety": ["crossing", "lights", "helmet"], "hand-washing": ["six-steps", "steps", "soap"],
          "public-behaviour": ["queue", "bus", "park"]}
CLASSES = ["Nhà trẻ", "Mầm", "Chồi", "Lá"]
YEAR_START = 1788566400  # 2026-09-05 00:00 UTC


def iso(t):  # what iso8601_local writes, for UTC+07:00
    return time.strftime("%Y-%m-%dT%H:%M:%S+07:00", time.gmtime(t + 7 * 3600))


def build_journal(path, sessions, per_session):
    rng = random.Random(20261125)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("PRAGMA journal_mode = WAL")
    device = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    db.execute("INSERT INTO meta VALUES ('device_id', ?)", (device,))
    session_rows, activity_rows = [], []
    for i in range(sessions):
        start = YEAR_START + int(i * (270 * 86400 / sessions))
        topic = rng.choice(list(TOPICS))
        duration = rng.randint(600, 2400)
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        status = "completed" if rng.random() > 0.05 else "interrupted"
        session_rows.append((sid, device, rng.choice(CLASSES), topic, iso(start), iso(start + duration), duration,
                             status, start, start + duration))
        t = start
        for k in range(per_session):
            kind = "lesson" if k < 2 else "game"
            length = rng.randint(60, 400)
            details = json.dumps({"rounds": 3, "right": rng.randint(0, 3), "wrong": rng.randint(0, 4), "finished": True}) \
                if kind == "game" else json.dumps({"position_s": length, "cues_reached": 2, "cues_total": 3})
            activity_rows.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), sid, kind,
                                  topic + "/" + rng.choice(TOPICS[topic]), iso(t), iso(t + length), length, "finished",
                                  details, t, t + length))
            t += length
        if len(activity_rows) >= 100000:
            flush(db, session_rows, activity_rows)
    flush(db, session_rows, activity_rows)
    db.commit()
    db.close()


def flush(db, session_rows, activity_rows):
    db.executemany("INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?)", session_rows)
    db.executemany("INSERT INTO activities VALUES (?,?,?,?,?,?,?,?,?,?,?)", activity_rows)
    session_rows.clear()
    activity_rows.clear()


def copy_with_new_ids(src, dst, n):
    """Another classroom: a copy whose device id and UUIDs all differ (first 8 hex digits set to n)."""
    shutil.copyfile(src, dst)
    db = sqlite3.connect(dst)
    head = f"{n:08x}"
    db.executescript(f"""
        UPDATE meta SET value = '{head}' || substr(value, 9) WHERE key = 'device_id';
        UPDATE sessions SET id = '{head}' || substr(id, 9), device_id = '{head}' || substr(device_id, 9);
        UPDATE activities SET id = '{head}' || substr(id, 9), session_id = '{head}' || substr(session_id, 9);
    """)
    db.commit()
    db.close()


def run(label, argv):
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{label} failed ({proc.returncode}):\n{out}{err}")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    print(f"{label}: {wall:.1f} s wall, peak RSS {usage.ru_maxrss / 1024:.1f} MiB  ({last})", flush=True)
    return wall, last


def report_files(helper, stick, work, export_wall):
    """The report files of the first export, written again by themselves: time and peak RSS."""
    folder = next(d for d in stick.iterdir() if d.is_dir() and not d.name.startswith("."))
    out = work / "report-files"
    shutil.rmtree(out, ignore_errors=True)
    wall, line = run("  report files alone", [helper, str(folder / "journal.sqlite"), str(out)])
    seconds = [float(x) for x in re.findall(r"([0-9.]+) s\b", line)]
    files = seconds[1] + seconds[2]  # bao-cao.docx and so-lieu.xlsx, without the figures report.html shares
    print(f"  bao-cao.docx + so-lieu.xlsx: {files:.3f} s of the export's {export_wall:.1f} s "
          f"(the rest: {export_wall - files:.1f} s; the figures they share with report.html: {seconds[0]:.2f} s)",
          flush=True)


def folder_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kiosk", default=str(REPO / "build/kiosk/kiosk"), help="kiosk executable (default: %(default)s)")
    p.add_argument("--sessions", type=int, default=100000)
    p.add_argument("--per-session", type=int, default=5, help="activities per session (default: %(default)s)")
    p.add_argument("--copies", type=int, default=10, help="exports merged (default: %(default)s)")
    p.add_argument("--report-bench", default=str(REPO / "build/tests/bench_report_files"),
                   help="the report files' benchmark helper (default: %(default)s)")
    p.add_argument("--work", help="keep everything in this folder instead of a temporary one")
    args = p.parse_args()

    work = Path(args.work or tempfile.mkdtemp(prefix="bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        first = work / "data-0"
        first.mkdir(exist_ok=True)
        start = time.monotonic()
        # In a fresh interpreter: a child forked from a big Python would carry that Python's
        # memory into its ru_maxrss until it execs the kiosk.
        spawn = multiprocessing.get_context("spawn")
        builder = spawn.Process(target=build_journal, args=(first / "journal.sqlite", args.sessions, args.per_session))
        builder.start()
        builder.join()
        print(f"journal: {args.sessions} sessions, {args.sessions * args.per_session} activities, "
              f"{(first / 'journal.sqlite').stat().st_size / 2**20:.1f} MiB, built in {time.monotonic() - start:.1f} s",
              flush=True)
        stick = work / "stick"
        stick.mkdir(exist_ok=True)
        for n in range(args.copies):
            data = work / f"data-{n}"
            data.mkdir(exist_ok=True)
            if n > 0:
                copy_with_new_ids(first / "journal.sqlite", data / "journal.sqlite", n)
            (data / "settings.json").write_text(json.dumps({"device_name": f"Lớp Lá {n + 1}",
                                                            "school": "Trường Mầm non Hoa Sen"}), encoding="utf-8")
            export_wall, _ = run(f"export {n + 1}", [args.kiosk, "export", "--data", str(data), "--to", str(stick)])
            if n == 0:
                report_files(args.report_bench, stick, work, export_wall)
        exports = sorted(str(d) for d in stick.iterdir() if d.is_dir() and not d.name.startswith("."))
        print(f"exports: {len(exports)} folders, {folder_size(stick) / 2**20:.0f} MiB in all", flush=True)
        run(f"merge of {len(exports)}", [args.kiosk, "merge", str(work / "merged"), *exports])
        print(f"merged: {folder_size(work / 'merged') / 2**20:.0f} MiB", flush=True)
        run(f"merge again (nothing new)", [args.kiosk, "merge", str(work / "merged"), *exports])
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
