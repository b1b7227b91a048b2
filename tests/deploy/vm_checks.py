#!/usr/bin/env python3
"""Boots the kiosk image that boot-vm.sh made and checks it as a person at the TV would.

    vm_checks.py WORK_DIR

Starts QEMU (TCG, no KVM) on WORK_DIR/root.img with WORK_DIR/vmlinuz and initrd.img, a standard
VGA whose screen (EDID) is 1280x800, and checks through QEMU's monitor (screendump, sendkey) and
the guest agent (commands inside the VM):
  - the home screen fills the screen at boot (1280x800), then after xrandr switches the TV to
    1920x1080 and 1024x768;
  - key chords (Ctrl+Alt+F1, Ctrl+Alt+Backspace, Alt+F4, Alt+Tab) leave the kiosk on the TV;
  - installing the package again (an upgrade) does not restart the running kiosk;
  - the watchdog: a session is started with the keyboard, the kiosk's main loop is stopped
    (SIGSTOP), systemd kills and restarts the kiosk, the home screen comes back and the journal
    records the session as interrupted;
  - a video lesson plays with its sound on the VM's sound card (Intel HDA, recorded to
    WORK_DIR/vm-sound.wav), through the installed video module and libasound.
Prints the numbers (seconds from power on to the first home frame, and more) and exits 1 on the
first failed check. Screenshots are left in WORK_DIR/shots.
"""
import json
import os
import socket
import subprocess
import sys
import time
import base64

WORK = sys.argv[1]
SHOTS = os.path.join(WORK, "shots")
SOUND = os.path.join(WORK, "vm-sound.wav")
SKY_TOP = (0xBD, 0xE8, 0xFF)  # kiosk/app/style.h kSkyTop: the home screen's sky at the top edge


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


class Monitor:
    """QEMU's human monitor on a unix socket."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self.read_prompt()

    def read_prompt(self):
        data = b""
        while not data.endswith(b"(qemu) "):
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("monitor closed")
            data += chunk
        return data.decode(errors="replace")

    def cmd(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self.read_prompt()


class Agent:
    """The QEMU guest agent inside the VM: runs commands there."""

    def __init__(self, path):
        self.path = path
        self.sock = None

    def call(self, execute, arguments=None, timeout=10):
        if self.sock is None:
            self.sock = socket.socket(socket.AF_UNIX)
            self.sock.connect(self.path)
        self.sock.settimeout(timeout)
        msg = {"execute": execute}
        if arguments is not None:
            msg["arguments"] = arguments
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            data += self.sock.recv(65536)
        reply = json.loads(data.decode().strip().splitlines()[-1])
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply["return"]

    def ping(self):
        try:
            # guest-sync flushes anything a previous, abandoned exchange left in the channel.
            token = int(time.time())
            return self.call("guest-sync", {"id": token}, timeout=3) == token
        except (OSError, RuntimeError, ValueError):
            if self.sock:
                self.sock.close()  # QEMU serves one client at a time
            self.sock = None
            return False

    def sh(self, script, timeout=60):
        """Runs a shell script in the VM as root; returns (exit code, stdout + stderr)."""
        pid = self.call("guest-exec", {"path": "/bin/sh", "arg": ["-c", script], "capture-output": True})["pid"]
        end = time.time() + timeout
        while time.time() < end:
            st = self.call("guest-exec-status", {"pid": pid})
            if st["exited"]:
                out = base64.b64decode(st.get("out-data", "")).decode(errors="replace")
                out += base64.b64decode(st.get("err-data", "")).decode(errors="replace")
                return st.get("exitcode", -1), out
            time.sleep(0.5)
        fail("VM command timed out: " + script)


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6"
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[-w * h * 3:]  # the pixels end the file (they may start with a whitespace byte)


def pixel(img, x, y):
    w, _, px = img
    i = (y * w + x) * 3
    return px[i], px[i + 1], px[i + 2]


def near(p, q, tol=24):
    return all(abs(a - b) <= tol for a, b in zip(p, q))


def screendump(mon, name):
    path = os.path.join(SHOTS, name + ".ppm")
    if os.path.exists(path):
        os.remove(path)
    mon.cmd("screendump " + path)
    return read_ppm(path)


def home_fills(img):
    """The home screen reaches every edge: sky at both top corners, grassy hills at both bottom
    corners (a window smaller than the screen leaves the X root's white or black there)."""
    w, h, _ = img
    top = [pixel(img, x, 2) for x in (2, w - 3)]
    bottom = [pixel(img, x, h - 3) for x in (2, w - 3)]
    grassy = all(g - b > 30 and r < 235 for r, g, b in bottom)
    return all(near(p, SKY_TOP) for p in top) and grassy, top + bottom


def wait_home(mon, name, width, height, seconds):
    end = time.time() + seconds
    last = None
    while time.time() < end:
        img = screendump(mon, name)
        ok, corners = home_fills(img)
        last = (img[0], img[1], corners)
        if ok and img[0] == width and img[1] == height:
            return img
        time.sleep(2)
    fail(f"{name}: no home screen filling {width}x{height} within {seconds} s (last: {last[0]}x{last[1]}, corners {last[2]})")


def unit_prop(agent, prop):
    _, out = agent.sh(f"systemctl show -p {prop} --value xem-va-noi-kiosk")
    return out.strip()


def x(agent, command):
    """Runs an X client on the kiosk's display, as the kiosk user."""
    return agent.sh(f"runuser -u kiosk -- env DISPLAY=:0 {command}")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    mon_path, qga_path = os.path.join(WORK, "monitor.sock"), os.path.join(WORK, "qga.sock")
    for p in (mon_path, qga_path):
        if os.path.exists(p):
            os.remove(p)
    qemu = subprocess.Popen([
        "qemu-system-x86_64", "-accel", "tcg", "-m", "2048", "-smp", "1",
        "-kernel", os.path.join(WORK, "vmlinuz"), "-initrd", os.path.join(WORK, "initrd.img"),
        "-append", "root=/dev/vda rw console=ttyS0 quiet",
        "-drive", f"file={os.path.join(WORK, 'root.img')},if=virtio,format=raw",
        "-device", "VGA,edid=on,xres=1280,yres=800,xmax=1920,ymax=1200",
        # A sound card as a mini-PC's onboard one (no sound server in the guest); what it plays
        # lands in a WAV file here.
        "-audiodev", f"wav,id=snd0,path={SOUND}", "-device", "intel-hda", "-device", "hda-output,audiodev=snd0",
        "-display", "none", "-nic", "none",
        "-monitor", f"unix:{mon_path},server=on,wait=off",
        "-chardev", f"socket,path={qga_path},server=on,wait=off,id=qga0",
        "-device", "virtio-serial", "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
        "-serial", f"file:{os.path.join(WORK, 'serial.log')}",
    ])
    start = time.time()
    try:
        while not os.path.exists(mon_path):
            time.sleep(0.1)
        mon = Monitor(mon_path)

        # 1. Power on to the home screen, filling the 1280x800 TV.
        wait_home(mon, "boot-1280x800", 1280, 800, 900)
        boot_to_home = time.time() - start
        agent = Agent(qga_path)
        while not agent.ping():
            time.sleep(1)
        end = time.time() + 120  # READY=1 follows the first home frame by a moment
        while time.time() < end and unit_prop(agent, "ActiveState") != "active":
            time.sleep(1)
        _, uptime = agent.sh("cut -d' ' -f1 /proc/uptime")
        _, analyze = agent.sh("systemd-analyze time | head -1")
        ready = int(unit_prop(agent, "ActiveEnterTimestampMonotonic")) / 1e6
        started = int(unit_prop(agent, "ExecMainStartTimestampMonotonic")) / 1e6
        print(f"power on to the first home frame (host clock, screendump): {boot_to_home:.0f} s")
        print(f"kernel start to the kiosk's READY (first home frame): {ready:.1f} s")
        print(f"xinit start to the kiosk's READY: {ready - started:.1f} s")
        print(f"guest uptime when checked: {float(uptime):.0f} s; {analyze.strip()}")
        _, status = agent.sh("systemctl is-active xem-va-noi-kiosk; cat /sys/class/tty/tty0/active")
        print("unit and console:", " ".join(status.split()))

        # 2. The TV changes mode: the kiosk follows and fills it again.
        code, out = x(agent, "xrandr --query")
        output = next((l.split()[0] for l in out.splitlines() if " connected" in l), None)
        if not output:
            fail("xrandr finds no connected output: " + out)
        for w, h in ((1920, 1080), (1024, 768)):
            code, out = x(agent, f"xrandr --output {output} --mode {w}x{h}")
            if code != 0:
                fail(f"xrandr --mode {w}x{h}: {out}")
            t = time.time()
            wait_home(mon, f"mode-{w}x{h}", w, h, 120)
            print(f"{w}x{h}: the home screen fills it again {time.time() - t:.1f} s after xrandr")

        # 3. Key chords a child might press: the kiosk stays on the TV, on its console.
        before = screendump(mon, "before-chords")
        for chord in ("ctrl-alt-f1", "ctrl-alt-f2", "ctrl-alt-backspace", "alt-f4", "alt-tab", "ctrl-alt-delete"):
            mon.cmd("sendkey " + chord)
            time.sleep(1)
        time.sleep(3)
        after = screendump(mon, "after-chords")
        _, console = agent.sh("cat /sys/class/tty/tty0/active")
        same = sum(1 for i in range(0, len(before[2]), 3 * 97) if before[2][i:i + 3] == after[2][i:i + 3])
        if console.strip() != "tty7" or not home_fills(after)[0] or unit_prop(agent, "NRestarts") != "0":
            fail(f"after key chords: console {console.strip()}, restarts {unit_prop(agent, 'NRestarts')}")
        print(f"key chords: still on tty7, home screen, no restart ({100 * same * 97 * 3 // len(before[2])} % of sampled pixels unchanged)")

        # 4. An upgrade (the same package installed again) leaves the running kiosk alone.
        pid_before = unit_prop(agent, "MainPID")
        code, out = agent.sh("dpkg -i /tmp/xem-va-noi_*_amd64.deb 2>&1 | tail -3", timeout=300)
        pid_after = unit_prop(agent, "MainPID")
        if pid_before != pid_after or unit_prop(agent, "NRestarts") != "0" or not home_fills(screendump(mon, "after-upgrade"))[0]:
            fail(f"the upgrade restarted the kiosk (main PID {pid_before} -> {pid_after}): {out}")
        print(f"upgrade: dpkg -i of the package again, the kiosk kept running (main PID {pid_after})")

        # 5. The watchdog: a session starts (Enter on the first class, Down, Enter on a topic), the
        # main loop stops, systemd restarts the kiosk, the session is recorded as interrupted.
        for key in ("ret", "down", "ret"):
            mon.cmd("sendkey " + key)
            time.sleep(3)
        journal = "/var/lib/xem-va-noi/journal.sqlite"
        end = time.time() + 60
        while time.time() < end:
            _, running = agent.sh(f"sqlite3 {journal} \"SELECT count(*) FROM sessions WHERE status='running'\"")
            if running.strip() == "1":
                break
            time.sleep(2)
        else:
            fail("no session started with Enter, Down, Enter")
        code, out = agent.sh("kill -STOP $(pidof kiosk) && date +%s.%N")
        if code != 0:
            fail("SIGSTOP: " + out)
        stopped = float(out.strip())
        end = time.time() + 180
        while time.time() < end and unit_prop(agent, "NRestarts") == "0":
            time.sleep(1)
        if unit_prop(agent, "NRestarts") == "0":
            fail("the stopped kiosk was not restarted")
        _, killed = agent.sh("date +%s.%N")
        # A new X server: back at the TV's own mode (EDID), 1280x800.
        img = wait_home(mon, "after-watchdog", 1280, 800, 300)
        _, back = agent.sh("date +%s.%N")
        _, rows = agent.sh(f"sqlite3 {journal} \"SELECT status FROM sessions\"")
        _, log = agent.sh("journalctl -u xem-va-noi-kiosk -o cat | grep -i -m1 watchdog")
        if rows.split() != ["interrupted"]:
            fail("the journal's sessions after the restart: " + rows)
        print(f"watchdog: killed {float(killed) - stopped:.0f} s after SIGSTOP (WatchdogSec=20), home again "
              f"{float(back) - stopped:.0f} s after it, at {img[0]}x{img[1]}; the session: {rows.strip()}; log: {log.strip()}")

        # 6. A lesson with sound, as the package installed it: the video module and libmpv load,
        # libasound finds the sound card, and the sound reaches it. A second kiosk, driven by a
        # replay script, plays the sample video lesson for 20 s in a window over the first.
        script = "wait 5000\ntap @class:La\ntap @topic:hand-washing\ntap @lesson:hand-washing/six-steps\nwait 20000\nquit\n"
        code, out = agent.sh(
            f"printf '{script}' > /tmp/lesson.txt && rm -rf /tmp/lesson-data && "
            "runuser -u kiosk -- env DISPLAY=:0 timeout 300 kiosk --windowed 960x540 --data /tmp/lesson-data "
            "--replay /tmp/lesson.txt > /tmp/lesson.log 2>&1; echo exit $?; "
            "sqlite3 /tmp/lesson-data/journal.sqlite \"SELECT json_extract(details, '$.position_s') FROM activities\"; "
            "grep -E '^kiosk: (sound output|mpv plays sound on|cannot)' /tmp/lesson.log", timeout=420)
        lines = out.strip().splitlines()
        position = float(lines[1]) if len(lines) > 1 and lines[1].replace(".", "", 1).isdigit() else 0.0
        with open(SOUND, "rb") as f:
            f.seek(44)  # after the WAV header: 16-bit samples
            data = f.read()
        peak = max((abs(int.from_bytes(data[i:i + 2], "little", signed=True)) for i in range(0, len(data) - 1, 2)),
                   default=0)
        if lines[0] != "exit 0" or position < 5 or peak < 1000 or "kiosk: cannot" in out:
            fail(f"the lesson with sound: video at {position:.1f} s, sound peak {peak}, the kiosk said: {out.strip()}")
        print(f"lesson with sound: the video reached {position:.1f} s of 20 s (TCG, software decoding); the sound card "
              f"got {len(data) / 4 / 44100:.1f} s of sound, peak {peak} of 32767; the kiosk said: "
              + "; ".join(l.strip() for l in lines[2:]))
        print("ALL VM CHECKS PASSED")
    finally:
        qemu.terminate()  # QEMU quits on SIGTERM, as on the monitor's quit
        try:
            qemu.wait(30)
        except subprocess.TimeoutExpired:
            qemu.kill()


main()
