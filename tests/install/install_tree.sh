#!/usr/bin/env bash
# `DESTDIR=... cmake --install BUILD --prefix /usr` as a packager runs it, then the installed tree
# as a user meets it: the binary runs from / with the source and build trees hidden (a private
# mount namespace puts empty folders over them), says its version, renders a PNG that names its
# maker; the desktop entry, metainfo and man page pass their validators; bash and fish complete
# subcommands, flags and figure numbers.
# Usage: install_tree.sh BUILD_DIR SOURCE_DIR VERSION
set -uo pipefail
build=$(realpath "$1") source=$(realpath "$2") version=$3
dest=$(mktemp -d /tmp/primordial-install.XXXXXX)  # outside both trees, which get hidden
trap 'rm -rf "$dest"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@" >"$dest/.out" 2>&1; then echo "ok   $what"; else
        echo "FAIL $what"; sed 's/^/     /' "$dest/.out"; failures=$((failures + 1)); fi
}
for tool in desktop-file-validate appstreamcli man lexgrog update-mime-database file; do
    command -v $tool >/dev/null || { echo "FAIL $tool is not installed (scripts/install-deps.sh)"; exit 1; }
done

DESTDIR=$dest cmake --install "$build" --prefix /usr >/dev/null || { echo "FAIL cmake --install"; exit 1; }
usr=$dest/usr
bin=$usr/bin/primordial
app_id=$(basename "$usr"/share/applications/*.desktop .desktop)
for f in bin/primordial share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
         share/mime/packages/$app_id.xml share/man/man1/primordial.1.gz \
         share/bash-completion/completions/primordial share/fish/vendor_completions.d/primordial.fish \
         share/icons/hicolor/256x256/apps/$app_id.png share/icons/hicolor/16x16/apps/$app_id.png \
         share/doc/primordial/LICENSE; do
    check "installs $f" test -s "$usr/$f"
done

# The installed program on its own: from /, the trees it was built from out of sight.
hidden_run() {
    if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
        # The build folder first: it may lie inside the source folder.
        unshare -m bash -c 'mount -t tmpfs none "$1" && mount -t tmpfs none "$2" && cd / && shift 2 && "$@"' \
            _ "$build" "$source" "$@"
    else
        echo "(not root: the trees stay visible)" >&2
        (cd / && "$@")
    fi
}
out=$(hidden_run "$bin" --version)
check "installed --version prints 'primordial $version' (got '$out')" test "$out" = "primordial $version"
check "installed render works from / with the trees hidden" \
    hidden_run "$bin" render --size 48x32 --backend cpu -q -o "$dest/made.png"
check "its PNG names its maker: tEXt Software 'Primordial $version'" \
    grep -qa "Software.Primordial $version" "$dest/made.png"
check "installed figure 14 (a grid, cairo's captions) works with the trees hidden" \
    hidden_run "$bin" figure 14 --size 300x200 --backend cpu -q -o "$dest/fig.png"

check "desktop-file-validate" desktop-file-validate "$usr/share/applications/$app_id.desktop"
desktop=$usr/share/applications/$app_id.desktop
check "desktop entry: Exec opens a file in the explorer" grep -qx 'Exec=primordial explore %f' "$desktop"
check "desktop entry: Icon is the theme name $app_id" grep -qx "Icon=$app_id" "$desktop"
check "desktop entry: categories Graphics and Education" grep -q '^Categories=Graphics;Education;' "$desktop"
check "appstreamcli validate --no-net" appstreamcli validate --no-net "$usr/share/metainfo/$app_id.metainfo.xml"
check "metainfo: a screenshot" grep -q "<screenshot type=\"default\">" "$usr/share/metainfo/$app_id.metainfo.xml"
mkdir -p "$dest/mime/packages" && cp "$usr/share/mime/packages/$app_id.xml" "$dest/mime/packages/"
check "update-mime-database takes the MIME type" bash -c \
    "update-mime-database '$dest/mime' 2>&1 | grep -v 'search path\|XDG_DATA\|environment variables\|able to find\|directories currently\|share/\$' ; test -s '$dest/mime/application/x-primordial.xml'"
hidden_run "$bin" render --save-params "$dest/p.json" >/dev/null 2>&1
check "a parameter file matches the type's magic in its first 64 bytes" \
    grep -q '"format": "primordial' <(head -c 64 "$dest/p.json")
check "icons are PNGs of their size" bash -c "file '$usr/share/icons/hicolor/256x256/apps/$app_id.png' | grep -q '256 x 256'"

man=$usr/share/man/man1/primordial.1.gz
check "lexgrog reads the man page's NAME" lexgrog "$man"
page=$(MANWIDTH=100 man -l "$man" 2>&1)
check "man -l: a NAME section" grep -q "^NAME" <<<"$page"
subs=$("$bin" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
check "--help lists seven subcommands" test "$(wc -w <<<"$subs")" = 7
for sub in $subs; do
    check "man -l: the $sub command" grep -q "^   primordial $sub" <<<"$page"
done
check "man -l: render's --depth, from its --help" grep -q -- "--depth" <<<"$page"
check "man page warns of nothing" bash -c "! MANWIDTH=100 man --warnings -l '$man' 2>&1 >/dev/null | grep ."

complete_bash() {  # words... -> the completions for the last one
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _primordial 2>/dev/null; echo "${COMPREPLY[*]}"' \
        _ "$usr/share/bash-completion/completions/primordial" "$@"
}
check "bash: 'primordial ren' completes to render" test "$(complete_bash primordial ren)" = render
check "bash: 'primordial render --dep' completes to --depth" test "$(complete_bash primordial render --dep)" = --depth
check "bash: 'primordial figure 1' offers figures 10-19" \
    test "$(complete_bash primordial figure 1)" = "1 10 11 12 13 14 15 16 17 18 19"
check "bash: '--activation re' offers relu" test "$(complete_bash primordial render --activation re)" = relu
if command -v fish >/dev/null; then
    fish_complete() { fish -c "source '$usr/share/fish/vendor_completions.d/primordial.fish'; complete -C'$1'" | cut -f1; }
    check "fish: 'primordial ren' completes to render" test "$(fish_complete 'primordial ren')" = render
    check "fish: 'primordial render --dep' completes to --depth" test "$(fish_complete 'primordial render --dep')" = --depth
else
    echo "FAIL fish is not installed (scripts/install-deps.sh)"; failures=$((failures + 1))
fi

[ $failures = 0 ] && echo PASS || { echo "$failures failed"; exit 1; }
