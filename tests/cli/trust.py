#!/usr/bin/env python3
"""Faults a careful user or an attacker would try, checked as they would see them (docs/FILES.md).

Usage: trust.py BINARY WORKDIR files|explorer

files:    output paths honoured (a symlink, a character device made with mknod, a FIFO with a
          reader), SIGTERM and SIGINT mid-render leaving nothing, SIGKILL of animate leaving no
          ffmpeg, a full filesystem (a small tmpfs, or ulimit -f where mounting is not allowed),
          hostile inputs refused within 3 s and 300 MB.
explorer: SIGTERM saves the session; a hostile session is ignored, said, and kept aside; a second
          explorer leaves the first one's session alone. Needs a display (exit 77 without one).
Every device, FIFO and filesystem is made inside WORKDIR; nothing touches the system's own.
"""
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

SKIP = 77
failures = []
# Under AddressSanitizer the program runs several times slower and maps shadow memory: the
# behaviour is checked all the same, the time bounds are ten times looser and memory is not.
SANITIZED = bool(os.environ.get("PRIMORDIAL_SANITIZED"))
SECONDS = 30 if SANITIZED else 3


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def run(args, **kw):
    return subprocess.run([BIN] + args, capture_output=True, text=True, **kw)


def leftovers(folder):
    return sorted(p.name for p in Path(folder).iterdir())


def fresh(name):
    d = WORK / name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


def is_png(path):
    with open(path, "rb") as f:
        return f.read(8) == b"\x89PNG\r\n\x1a\n"


# ---- output paths --------------------------------------------------------------------------

def outputs():
    d = fresh("outputs")
    target = d / "target.png"
    target.write_bytes(b"old")
    target.chmod(0o600)
    (d / "link.png").symlink_to("target.png")
    r = run(["render", "--size", "32x32", "-q", "--backend", "cpu", "-o", str(d / "link.png")])
    check(r.returncode == 0, "-o through a symlink exits 0")
    check((d / "link.png").is_symlink(), "the symlink is still a symlink")
    check(is_png(target), "its target holds the PNG")
    check(stat.S_IMODE(target.stat().st_mode) == 0o600, "the target keeps its mode 600")
    check(leftovers(d) == ["link.png", "target.png"], "nothing else in the folder")

    dev = d / "null"
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        made = True
    except PermissionError:
        made = False
        print("note: mknod is not allowed here (not root): the device case is not run")
    if made:
        r = run(["render", "--size", "32x32", "-q", "--backend", "cpu", "-o", str(dev)])
        check(r.returncode == 0, "-o to a character device exits 0")
        check(stat.S_ISCHR(dev.stat().st_mode), "the device node is still a device")

    r = subprocess.run([BIN, "render", "--size", "16x16", "--backend", "cpu", "-o", "-"], cwd=d,
                       capture_output=True)
    check(r.returncode == 0 and r.stdout.startswith(b"\x89PNG"), "-o - writes the PNG to standard output")
    check(b"16x16" in r.stderr and not (d / "-").exists(), "its summary on standard error, no file named -")

    fifo = d / "fifo.png"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    r = run(["render", "--size", "32x32", "-q", "--backend", "cpu", "-o", str(fifo)], timeout=30)
    got = reader.communicate(timeout=30)[0]
    check(r.returncode == 0, "-o to a FIFO exits 0")
    check(got.startswith(b"\x89PNG"), "the FIFO's reader gets the PNG")
    check(stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO is still a FIFO")


# ---- interrupts ----------------------------------------------------------------------------

def default_signals():
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def interrupted(args, sig, what):
    d = fresh("interrupt")
    # As from a terminal: the signals at their defaults, whatever this test inherited (a job
    # started in the background by a shell ignores SIGINT, and the program keeps it ignored).
    p = subprocess.Popen([BIN] + args + ["-o", str(d / "out.png")], stderr=subprocess.PIPE, text=True,
                         preexec_fn=default_signals)
    time.sleep(1.5)
    t0 = time.monotonic()
    p.send_signal(sig)
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    took = time.monotonic() - t0
    check(took < SECONDS, f"{what}: exits {took:.2f} s after {signal.Signals(sig).name}")
    check(p.returncode != 0, f"{what}: exit status {p.returncode}, non-zero")
    check(leftovers(d) == [], f"{what}: no file left ({leftovers(d)})")


def interrupts():
    # Some seconds of work in bands of a few hundredths: still running when the signal comes.
    poster = ["render", "--size", "8192x8192", "--depth", "8", "--width", "16", "-q", "--backend", "cpu"]
    interrupted(poster, signal.SIGTERM, "a poster render")
    interrupted(poster, signal.SIGINT, "a poster render")
    interrupted(["figure", "10", "--size", "8000x16000", "-q", "--backend", "cpu"], signal.SIGTERM,
                "a large figure")


def children_named(pid, name):
    out = subprocess.run(["pgrep", "-P", str(pid), name], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purposes.
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(") ")[1][0] != "Z"


def killed_animate():
    if not shutil.which("ffmpeg"):
        check(False, "ffmpeg is installed (scripts/install-deps.sh installs it)")
        return
    d = fresh("animate")
    p = subprocess.Popen([BIN, "animate", "--param", "z", "--from", "0", "--to", "1", "--frames", "400",
                          "--inputs", "x,y,z", "--depth", "4", "--width", "8", "--size", "320x320",
                          "--backend", "cpu", "-q", "-o", str(d / "frames"), "--video", str(d / "v.mp4")])
    ffmpeg = []
    deadline = time.monotonic() + 120
    while not ffmpeg and time.monotonic() < deadline and p.poll() is None:
        ffmpeg = children_named(p.pid, "ffmpeg")
        time.sleep(0.05)
    check(bool(ffmpeg), "animate started ffmpeg")
    p.kill()
    p.wait()
    gone = False
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not any(alive(f) for f in ffmpeg):
            gone = True
            break
        time.sleep(0.05)
    check(gone, "SIGKILL of animate leaves no ffmpeg running after 5 s")
    for f in ffmpeg:
        if alive(f):
            os.kill(f, signal.SIGKILL)


# ---- a full disk ---------------------------------------------------------------------------

def full_disk():
    d = fresh("full")
    small = d / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", str(small)],
                             capture_output=True).returncode == 0
    if not mounted:  # ulimit -f: the same wall, met as EFBIG
        print("note: mounting a tmpfs is not allowed here: the disk fills by ulimit -f instead")

    def under_limit(args, blocks=96):
        cmd = " ".join(f"'{a}'" for a in [BIN] + args)
        cap = f"ulimit -f {blocks}; " if not mounted else ""
        return subprocess.run(["bash", "-c", cap + "exec " + cmd], capture_output=True, text=True)

    try:
        png = small / "big.png"
        r = under_limit(["render", "--size", "1024x1024", "-q", "--backend", "cpu", "-o", str(png)])
        check(r.returncode != 0, f"a PNG on a full disk fails (exit {r.returncode})")
        check("no space" in r.stderr, f"and says so: {r.stderr.strip()}")
        check(not png.exists(), "nothing under the final name")
        check(leftovers(small) == [], f"no temporary file ({leftovers(small)})")
        # Videos: a disk with only 8 KiB left (or a 24 KiB file-size limit, with frames under it).
        filler = small / "filler"
        if mounted:
            free = shutil.disk_usage(small).free
            filler.write_bytes(b"\0" * max(0, free - 8192))
        for ext in ["mp4", "webm", "gif"]:
            video = small / f"v.{ext}"
            r = under_limit(["animate", "--param", "z", "--from", "0", "--to", "1", "--frames", "120",
                             "--inputs", "x,y,z", "--size", "64x64", "--backend", "cpu", "-q",
                             "-o", str(d / f"frames-{ext}"), "--video", str(video)], blocks=24)
            check(r.returncode != 0, f"a .{ext} video on a full disk fails (exit {r.returncode})")
            check("no space" in r.stderr, f"and says so: {r.stderr.strip()}")
            check([f for f in leftovers(small) if f != "filler"] == [],
                  f"nothing left on the disk ({leftovers(small)})")
            check(not (d / f"frames-{ext}" / "ffmpeg.log").exists(), "no ffmpeg.log left")
    finally:
        if mounted:
            subprocess.run(["umount", str(small)])


# ---- hostile input -------------------------------------------------------------------------

def bounded(args, what):
    """Runs the binary alone in a child, so its peak memory is its own."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.monotonic()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, stdin=subprocess.DEVNULL)\n"
        "print(r.returncode, time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(r.stderr.strip())\n")
    out = subprocess.run([sys.executable, "-c", code, BIN] + args, capture_output=True, text=True).stdout
    head, _, said = out.partition("\n")
    rc, secs, kb = head.split()
    rc, secs, mb = int(rc), float(secs), int(kb) / 1024
    check(rc == 2, f"{what}: refused with exit 2 ({said.strip()})")
    check(secs < SECONDS and (SANITIZED or mb < 300),
          f"{what}: within {SECONDS} s and 300 MB ({secs:.2f} s, {mb:.0f} MB)")


def hostile():
    d = fresh("hostile")
    out = str(d / "x.png")
    bounded(["render", "--params", "/dev/zero", "-o", out], "/dev/zero as parameters")
    deep = d / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    bounded(["render", "--params", str(deep), "-o", out], "a 100 000-deep JSON")
    lineage = d / "lineage.json"
    n = 200000
    lineage.write_text('{"format": "primordial/3", "network": {"depth": 3, "width": 4, "lineage": '
                       + '[{"cross": {"seed": 2, "lineage": ' * n + '[{"key": 1, "strength": 0.1}]'
                       + '}, "strength": 0.5}]' * n + "}}")
    bounded(["render", "--params", str(lineage), "-o", out], "a 200 000-deep lineage")
    bounded(["stats", "--size", "32768x32768", "-o", str(d / "s.txt")], "stats over 32768x32768")
    bounded(["stats", "--size", "4096x4096", "-o", str(d / "s.txt")], "stats over 4096x4096")
    dup = d / "dup.json"
    dup.write_text('{"format": "primordial/3", "network": {"seed": 1, "seed": 2}}')
    r = run(["render", "--params", str(dup), "-o", out])
    check(r.returncode == 2 and "network.seed: given twice" in r.stderr,
          f"a key given twice is named: {r.stderr.strip()}")
    trail = d / "trail.json"
    trail.write_text('{"format": "primordial/3"} {"more": 1}')
    r = run(["render", "--params", str(trail), "-o", out])
    check(r.returncode == 2 and "column 28" in r.stderr, f"trailing bytes are refused: {r.stderr.strip()}")
    check(not Path(out).exists(), "no picture from any of them")


# ---- the explorer --------------------------------------------------------------------------

def explorer_env(home):
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_DATA_HOME=str(home / "data"), XDG_PICTURES_DIR=str(home / "shots"))
    return env


def start_explorer(home, *args):
    log = open(home / f"explorer-{time.monotonic_ns()}.log", "w+")
    p = subprocess.Popen([BIN, "explore", "--window", "640x400", *args], env=explorer_env(home),
                         stdout=log, stderr=log, preexec_fn=default_signals)
    time.sleep(4)
    return p, log


def said(log):
    log.flush()
    log.seek(0)
    return log.read()


def explorer():
    if not os.environ.get("DISPLAY"):
        print("skipped: no display")
        return SKIP
    home = fresh("explorer")
    session = home / "state" / "primordial" / "session.json"
    p, log = start_explorer(home, "--seed", "77")
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=10)
    check(session.exists() and '"seed": 77' in session.read_text(), "SIGTERM saves the session")

    session.write_text('{"params": ' + "[" * 100000 + "]" * 100000 + "}")
    p, log = start_explorer(home)
    check(p.poll() is None, "a hostile session does not stop the explorer")
    check("ignored the saved session" in said(log), "and it says it ignored it")
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=10)
    kept = session.with_name("session.json.ignored")
    check(kept.exists() and kept.read_text().startswith('{"params": [[['), "the ignored file is kept aside")

    first, _ = start_explorer(home, "--seed", "11")
    second, log2 = start_explorer(home, "--seed", "22")
    check("another Primordial window has the session" in said(log2), "a second explorer says it will not save")
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=10)
    first.send_signal(signal.SIGTERM)
    first.wait(timeout=10)
    check('"seed": 11' in session.read_text(), "the first explorer's session is the one saved")
    return 0


def main():
    global BIN, WORK
    BIN, WORK, part = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    WORK.mkdir(parents=True, exist_ok=True)
    if part == "files":
        outputs()
        interrupts()
        killed_animate()
        full_disk()
        hostile()
    elif explorer() == SKIP:
        return SKIP
    if failures:
        print(f"{len(failures)} failed:", *failures, sep="\n  ")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
