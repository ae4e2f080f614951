#!/usr/bin/env bash
# The packages as `scripts/package.sh` makes them: cpack -G DEB and -G TGZ from the build, each
# unpacked and its binary run; the .deb's Depends names the Debian package of every library the
# binary links (dpkg-shlibdeps), and its Recommends the optional helpers.
# Usage: packages.sh BUILD_DIR WORKDIR VERSION
set -uo pipefail
build=$(realpath "$1") work=$2 version=$3
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
failures=0
check() {
    local what=$1; shift
    if "$@" >"$work/.out" 2>&1; then echo "ok   $what"; else
        echo "FAIL $what"; sed 's/^/     /' "$work/.out"; failures=$((failures + 1)); fi
}
(cd "$build" && cpack -G DEB -B "$work" && cpack -G TGZ -B "$work") >"$work/cpack.log" 2>&1 ||
    { echo "FAIL cpack"; cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/primordial_"$version"_*.deb) tgz=$(ls "$work"/primordial_"$version"_*.tar.gz)
check "cpack -G DEB made $(basename "$deb")" test -s "$deb"
check "cpack -G TGZ made $(basename "$tgz")" test -s "$tgz"

dpkg-deb -x "$deb" "$work/deb"
out=$("$work/deb/usr/bin/primordial" --version)
check "the .deb's binary prints 'primordial $version' (got '$out')" test "$out" = "primordial $version"
check "the .deb's version is $version" test "$(dpkg-deb -f "$deb" Version)" = "$version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "     Depends: $depends"
names=" $(sed 's/ ([^)]*)//g; s/,//g' <<<"$depends") "  # " libc6 libcairo2 ... "
# Every library the binary links (NEEDED), by the package that ships it on this machine.
for soname in $(readelf -d "$work/deb/usr/bin/primordial" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p'); do
    lib=$(ldd "$work/deb/usr/bin/primordial" | awk -v n="$soname" '$1 == n {print $3} $1 ~ n && $2 !~ /=>/ {print $1}' | head -1)
    pkg=$(dpkg -S "$(realpath "$lib")" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || pkg=$(dpkg -S "$lib" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || { echo "FAIL no package ships $soname ($lib)"; failures=$((failures + 1)); continue; }
    check "Depends names $pkg (for $soname)" test "${names#* $pkg }" != "$names"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
check "Recommends fonts-dejavu-core, ffmpeg, python3-numpy ($recommends)" \
    test "$recommends" = "fonts-dejavu-core, ffmpeg, python3-numpy"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in 'applications/.*\.desktop' 'metainfo/.*\.xml' 'hicolor/256x256/apps/.*\.png' 'man1/primordial\.1\.gz' \
         'completions/primordial' 'vendor_completions\.d/primordial\.fish'; do
    check "the .deb holds $f" grep -q "$f\$" <<<"$contents"
done

mkdir -p "$work/tgz" && tar -xzf "$tgz" -C "$work/tgz"
bin=$(find "$work/tgz" -path '*/bin/primordial' -type f)
out=$("$bin" --version)
check "the .tar.gz's binary prints 'primordial $version' (got '$out')" test "$out" = "primordial $version"

[ $failures = 0 ] && echo PASS || { echo "$failures failed"; exit 1; }
