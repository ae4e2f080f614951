#!/usr/bin/env python3
"""Unix conventions, as a user at a shell tries them: "-" is standard output for -o,
--save-params, --dump-weights and share -o, and standard input for --params (JSON and PNG); a
parameter path that is a pipe (<(...), /dev/fd/N) is read once; messages go to standard error so
that `render -o - | display` works with or without -q; no file named "-" is ever made; every
subcommand says the version, as do the PNG, the web page and the shader.

Usage: pipes.py BINARY WORKDIR VERSION
"""
import io
import json
import os
import pty
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

BIN, WORK, VERSION = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
failures = []
SIG = b"\x89PNG\r\n\x1a\n"


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def run(args, stdin=None, **kw):
    return subprocess.run([BIN] + args, input=stdin, capture_output=True, cwd=WORK, **kw)


def png_texts(data):
    """The tEXt chunks of PNG bytes, checked as a decoder would (CRCs, IEND)."""
    assert data.startswith(SIG), "not a PNG"
    at, texts = 8, {}
    while at < len(data):
        n = int.from_bytes(data[at:at + 4], "big")
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + n]
        assert zlib.crc32(kind + body) == int.from_bytes(data[at + 8 + n:at + 12 + n], "big")
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            texts[key.decode()] = value.decode("latin-1")
        if kind == b"IEND":
            return texts
        at += 12 + n
    raise AssertionError("no IEND")


def no_dash(what):
    check(not (WORK / "-").exists(), f"{what}: no file named '-'")


shutil.rmtree(WORK, ignore_errors=True)
WORK.mkdir(parents=True)
small = ["--size", "40x30", "--depth", "5", "--backend", "cpu"]

# ---- standard output --------------------------------------------------------------------
for quiet in ([], ["-q"]):
    r = run(["render", *small, "-o", "-", *quiet])
    check(r.returncode == 0 and r.stdout.startswith(SIG), f"render -o - {quiet}: a PNG on stdout")
    texts = png_texts(r.stdout)
    check("primordial" in texts, f"render -o - {quiet}: the whole PNG, parameters included")
    check((r.stderr == b"") == bool(quiet), f"render -o - {quiet}: messages only on stderr")
    no_dash(f"render -o - {quiet}")
r = run(["render", *small, "-o", str(WORK / "a.png")])
check(r.stdout == b"" and b"a.png: 40x30" in r.stderr, "render's summary is on stderr, stdout empty")
check(png_texts((WORK / "a.png").read_bytes()).get("Software") == f"Primordial {VERSION}",
      f"the PNG's Software chunk is 'Primordial {VERSION}'")

r = run(["render", *small, "--save-params", "-"])
params = json.loads(r.stdout)
check(r.returncode == 0 and params["network"]["depth"] == 5, "--save-params -: the JSON on stdout")
(WORK / "p.json").write_bytes(r.stdout)
no_dash("--save-params -")
r = run(["render", *small, "--dump-weights", "-"])
check(r.returncode == 0 and len(json.loads(r.stdout)["layers"]) == 5, "--dump-weights -: on stdout")
no_dash("--dump-weights -")

r = run(["render", *small, "-o", "-", "--save-params", "-"])
err = r.stderr.decode()
check(r.returncode == 2 and r.stdout == b"" and err.count("\n") == 1 and "both name standard output" in err,
      f"two outputs on stdout: exit 2, one line ({err.strip()})")
r = run(["stats", "--depth", "3", "--plot", "-"])
check(r.returncode == 2 and "both name standard output" in r.stderr.decode(),
      "stats --plot - beside the table on stdout: exit 2")
r = run(["stats", "--depth", "3", "--plot", "-", "-o", str(WORK / "s.txt")])
check(r.returncode == 0 and r.stdout.startswith(SIG), "stats --plot - -o FILE: the plot on stdout")

# A PNG is not poured onto a terminal.
main, sub = pty.openpty()
p = subprocess.run([BIN, "render", *small, "-o", "-"], stdout=sub, stderr=subprocess.PIPE, cwd=WORK)
os.close(sub)
os.close(main)
check(p.returncode == 2 and b"standard output is a terminal" in p.stderr,
      "render -o - on a terminal: exit 2, said")

r = run(["figure", "14", "--size", "120x80", "--backend", "cpu", "-o", "-"])
check(r.returncode == 0 and "primordial-view" in png_texts(r.stdout), "figure 14 -o -: the PNG, its view")
no_dash("figure -o -")

for args, start in ((["-o", "-"], b"<!doctype html"), (["-o", "-", "--format", "html"], b"<!doctype html"),
                    (["-o", "-", "--format", "glsl"], f"// Primordial {VERSION}: ".encode())):
    r = run(["share", "--depth", "3", *args, "-q"])
    check(r.returncode == 0 and r.stdout.startswith(start) and r.stderr == b"",
          f"share {' '.join(args)}: {start[:20]!r}... on stdout")
    no_dash(f"share {' '.join(args)}")
r = run(["share", "--depth", "3", "-o", "-"])
check(f'<meta name="generator" content="Primordial {VERSION}">'.encode() in r.stdout,
      "the web page names its maker and version")
r = run(["share", "--depth", "3", "-o", str(WORK / "x.txt")])
check(r.returncode == 2 and b"--format" in r.stderr, "share -o x.txt: exit 2, suggests --format")
r = run(["share", "--depth", "3", "-o", str(WORK / "x.txt"), "--format", "glsl", "-q"])
check(r.returncode == 0 and (WORK / "x.txt").read_bytes().startswith(b"// Primordial"),
      "share --format glsl -o x.txt: a shader whatever the name")

for args in (["-o", "-"], ["-o", str(WORK / "frames"), "--video", "-"]):
    r = run(["animate", "--param", "z", "--from", "0", "--to", "1", "--frames", "2", *small, *args])
    check(r.returncode == 2 and r.stderr.decode().count("\n") == 1, f"animate {' '.join(args)}: exit 2, one line")
    no_dash(f"animate {' '.join(args)}")
    check(not (WORK / "frames").exists(), f"animate {' '.join(args)}: no frames folder")

# ---- standard input and pipes -----------------------------------------------------------
reference = run(["render", "--params", str(WORK / "p.json"), "-o", "-", "-q"]).stdout
r = run(["render", "--params", "-", "-o", "-", "-q"], stdin=(WORK / "p.json").read_bytes())
check(r.returncode == 0 and r.stdout == reference, "--params - (JSON on stdin): the same PNG")
r = run(["render", "--params", "-", "-o", "-", "-q"], stdin=reference)
check(r.returncode == 0 and r.stdout == reference, "--params - (a PNG on stdin): the same PNG")
r = subprocess.run(["bash", "-c", f'"{BIN}" render --params <(cat p.json) -o - -q'], capture_output=True, cwd=WORK)
check(r.returncode == 0 and r.stdout == reference, "--params <(cat p.json): read once, the same PNG")
(WORK / "ref.png").write_bytes(reference)
r = subprocess.run(["bash", "-c", f'"{BIN}" render --params <(cat ref.png) -o - -q'], capture_output=True, cwd=WORK)
check(r.returncode == 0 and r.stdout == reference, "--params <(cat a.png): a PNG through a pipe")
r = subprocess.run(["bash", "-c", f'"{BIN}" render --params - -o - -q < ref.png | "{BIN}" render --params - --seed 9 -o - -q > piped.png'],
                   capture_output=True, cwd=WORK)
check(r.returncode == 0 and json.loads(png_texts((WORK / "piped.png").read_bytes())["primordial"])["network"]["seed"] == 9,
      "render -o - | render --params -: a pipeline of renders")
r = run(["render", "--params", "-", "-o", "-", "-q"], stdin=reference[:200])
err = r.stderr.decode()
check(r.returncode == 2 and "damaged PNG" in err and err.count("\n") == 1, f"a cut PNG on stdin: exit 2 ({err.strip()})")
r = run(["render", "--params", "-", "-o", "-", "-q"], stdin=b"")
check(r.returncode == 2 and r.stderr.decode().count("\n") == 1, "nothing on stdin: exit 2, one line")
rfd, wfd = os.pipe()
os.write(wfd, (WORK / "p.json").read_bytes())
os.close(wfd)
r = subprocess.run([BIN, "render", "--params", f"/dev/fd/{rfd}", "-o", "-", "-q"], pass_fds=[rfd],
                   capture_output=True, cwd=WORK)
os.close(rfd)
check(r.returncode == 0 and r.stdout == reference, "--params /dev/fd/N: a pipe read once")
r = run(["share", "--params", "-", "-o", "-", "-q"], stdin=reference)
check(r.returncode == 0 and r.stdout.startswith(b"<!doctype html"), "share --params - -o -: PNG in, page out")
no_dash("every pipe")

# ---- the version, from every subcommand -------------------------------------------------
subcommands = ["render", "explore", "figure", "animate", "stats", "share", "bench"]
for args in [[]] + [[s] for s in subcommands]:
    r = run([*args, "--version"])
    check(r.returncode == 0 and r.stdout.decode() == f"primordial {VERSION}\n",
          f"primordial {' '.join(args)} --version: 'primordial {VERSION}'")
help_text = run(["--help"]).stdout.decode()
check(all(s in help_text for s in subcommands), "--help lists every subcommand")

if failures:
    print(f"{len(failures)} failed")
    sys.exit(1)
print("PASS")
