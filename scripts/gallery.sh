#!/usr/bin/env bash
# Renders every preset for docs/GALLERY.md, 640 pixels wide in each preset's own aspect ratio,
# and stores them as JPEG (quality 88) to keep the repository small; the PNGs the tool writes
# are kept in build/gallery; then measures every figure beside the article's original and writes
# docs/GALLERY.md. Usage: scripts/gallery.sh [build/primordial]
set -euo pipefail
bin=${1:-build/primordial}
png=build/gallery out=docs/images/gallery
mkdir -p "$png" "$out"
"$bin" figure --list | while read -r fig name _; do
  key=$fig; [ "$fig" = "-" ] && key=$name
  h=$(/usr/bin/python3 -c "import json; s = json.load(open('assets/presets/$name.json')).get('size', [1024, 1024]); print(round(640 * s[1] / s[0]))")
  "$bin" figure "$key" --size "640x$h" --backend cpu -q -o "$png/$name.png"
  /usr/bin/python3 -c "from PIL import Image; Image.open('$png/$name.png').convert('RGB').save('$out/$name.jpg', quality=88)"
  echo "$out/$name.jpg"
done
# The article's originals and the fidelity measures sit beside the repository (../shared); the
# page shows the measures where they are there.
if [ -d ../shared/seed/originals ] && [ -f ../shared/fidelity/measures.py ]; then
  echo "measuring every figure beside its original (several minutes)" >&2
  /usr/bin/python3 "$(dirname "$0")/article_evidence.py" --binary "$bin" --format json > "$png/evidence.json.part"
  mv "$png/evidence.json.part" "$png/evidence.json"
else
  echo "../shared/seed/originals not found: the page is written without the measures" >&2
fi
/usr/bin/python3 "$(dirname "$0")/gallery_md.py"
