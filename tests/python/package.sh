#!/usr/bin/env bash
# The Python package as a user installs it, offline: a copy of the source (as a fresh clone has
# it), a venv made with --system-site-packages, `pip install --no-build-isolation --no-index .`
# (Debian's setuptools and pybind11; no PyPI), then, from another folder without PYTHONPATH:
# __version__, render()'s array, Network's _repr_png_ and render(size=...).
# Usage: package.sh SOURCE_DIR WORKDIR VERSION PYTHON
set -uo pipefail
source=$(realpath "$1") work=$2 version=$3 python=$4
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
"$python" -c "import numpy" 2>/dev/null || { echo "FAIL python3-numpy is not installed"; exit 1; }
# The source as a clone has it: no build folders.
mkdir "$work/src"
tar -C "$source" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$work/src" -xf -
"$python" -m venv --system-site-packages "$work/venv" || { echo "FAIL python3 -m venv (python3-venv)"; exit 1; }
if ! (cd "$work/src" && env -u PYTHONPATH "$work/venv/bin/pip" install --no-build-isolation --no-index . \
        >"$work/pip.log" 2>&1); then
    echo "FAIL pip install --no-build-isolation --no-index ."; tail -40 "$work/pip.log"; exit 1
fi
echo "ok   pip install --no-build-isolation --no-index . (offline, Debian's setuptools and pybind11)"
grep -q "Successfully installed primordial-$version" "$work/pip.log" &&
    echo "ok   installed primordial-$version" || { echo "FAIL the installed version is not $version"; exit 1; }
rm -rf "$work/src"  # the installed package stands alone
mkdir "$work/elsewhere"
cd "$work/elsewhere" && env -u PYTHONPATH "$work/venv/bin/python" - "$version" <<'PY'
import sys
import numpy as np
import primordial

version = sys.argv[1]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


check("site-packages" in primordial.__file__, f"imported from the venv ({primordial.__file__})")
check(primordial.__version__ == version, f"primordial.__version__ == {version!r} ({primordial.__version__!r})")
a = primordial.render(depth=8, seed=5, size=(64, 48))
check(a.shape == (48, 64, 3) and a.dtype == np.uint8, f"render(...): uint8 (h, w, 3) {a.shape} {a.dtype}")
n = primordial.Network(depth=8, seed=5)
png = n._repr_png_()
check(isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n"), "Network(...)._repr_png_(): a PNG")
check(np.array_equal(n.render(size=(64, 48)), a), "Network(...).render(size=(64, 48)) equals render(..., size=(64, 48))")
check(n.params["network"]["seed"] == 5, "Network(...).params: the parameter dict")
sys.exit(1 if failures else 0)
PY
rc=$?
[ $rc = 0 ] && echo PASS || { echo "FAIL"; exit 1; }
