#!/usr/bin/env bash
# Vendor the chart libraries (Vega, Vega-Lite, vega-embed) and the world outline of the maps (world-atlas,
# Natural Earth 1:110m countries as TopoJSON) into the package, so the report pages work offline.
# Run by `make install`; the npm registry is needed only here, never at run time.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/newsledger/serve/static/vendor"
WORK="$ROOT/build/vendor-js"
PKGS=(vega@6.4.0 vega-lite@6.5.0 vega-embed@7.3.0 world-atlas@2.0.2)

if ! command -v npm >/dev/null 2>&1; then
    cp "$WORK/node_modules/world-atlas/countries-110m.json" "$DEST/countries-110m.json"
cp "$WORK/node_modules/world-atlas/LICENSE" "$DEST/world-atlas.LICENSE" 2>/dev/null || true
echo "vendor_js: npm is not installed; the figure charts will be missing (pages still work)" >&2
    exit 0
fi

mkdir -p "$WORK" "$DEST"
# A private package.json keeps npm from walking up into the repository.
[ -f "$WORK/package.json" ] || echo '{"name": "newsledger-vendor", "private": true}' > "$WORK/package.json"
npm install --prefix "$WORK" --no-audit --no-fund --silent "${PKGS[@]}"

for name in vega vega-lite vega-embed; do
    src="$WORK/node_modules/$name/build/$name.min.js"
    [ -f "$src" ] || { cp "$WORK/node_modules/world-atlas/countries-110m.json" "$DEST/countries-110m.json"
cp "$WORK/node_modules/world-atlas/LICENSE" "$DEST/world-atlas.LICENSE" 2>/dev/null || true
echo "vendor_js: $src is missing" >&2; exit 1; }
    cp "$src" "$DEST/$name.min.js"
    cp "$WORK/node_modules/$name/LICENSE" "$DEST/$name.LICENSE" 2>/dev/null || true
done
cp "$WORK/node_modules/world-atlas/countries-110m.json" "$DEST/countries-110m.json"
cp "$WORK/node_modules/world-atlas/LICENSE" "$DEST/world-atlas.LICENSE" 2>/dev/null || true
echo "vendor_js: ${PKGS[*]} -> ${DEST#"$ROOT"/}"
