#!/usr/bin/env bash
# Builds the DEB with CPack, checks what it declares and holds, unpacks it into a scratch root (dpkg -x,
# so the machine's own packages are untouched) and starts the installed binary under Xvfb: its window
# appears and it reads the data and translations installed beside it, not the source tree's.
source "$(dirname "$0")/xvfb.sh"

cpack -G DEB -B "$WORK/pkg" --config "$BUILD/CPackConfig.cmake" >"$WORK/cpack.log" 2>&1 ||
  { cat "$WORK/cpack.log" >&2; fail "cpack could not build the DEB"; }
DEB=$(ls "$WORK"/pkg/call-companion_*.deb)

depends=$(dpkg-deb -f "$DEB" Depends)
for pkg in libwxgtk3.2-1 libsqlite3-0 libhunspell-1.7-0 libc6 libstdc++6 hunspell-en-us; do
  grep -q "\b$pkg\b" <<<"$depends" || fail "Depends does not name $pkg: $depends"
done
# Every package named in Depends exists in Debian (the ones installed here are in dpkg's database).
for pkg in $(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/ //g' | grep -v '^$'); do
  dpkg-query -W "$pkg" >/dev/null 2>&1 || fail "Depends names $pkg, which is not a package here"
done

ROOT="$WORK/root"
dpkg -x "$DEB" "$ROOT"
for f in usr/bin/call-companion \
         usr/share/applications/org.example.CallCompanion.desktop \
         usr/share/metainfo/org.example.CallCompanion.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/call-companion.svg \
         usr/share/call-companion/data/outcomes.toml \
         usr/share/call-companion/data/knowledge/referrals.csv; do
  [ -e "$ROOT/$f" ] || fail "the package does not install /$f"
done
for size in 16 22 24 32 48 64 128 256; do
  png="$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/call-companion.png"
  [ "$(identify -format '%wx%h' "$png" 2>/dev/null)" = "${size}x${size}" ] || fail "no ${size}x${size} PNG icon"
done
while read -r lang; do
  [ -z "$lang" ] || [ "${lang:0:1}" = "#" ] && continue
  [ -s "$ROOT/usr/share/locale/$lang/LC_MESSAGES/call-companion.mo" ] || fail "no $lang translation installed"
done < "$(dirname "$0")/../../i18n/LINGUAS"

# A data file only the installed copy has: the app reports it, so it read the installed data/.
printf '[[prompt]]\nid = "x"\n' > "$ROOT/usr/share/call-companion/data/prompts/zz-installed-only.toml"
APP="$ROOT/usr/bin/call-companion"
"$APP" --version | grep -q "call-companion" || fail "the installed binary does not run"
"$APP" data check >"$WORK/check.out" 2>&1 && fail "data check passed a pack with a broken file"
grep -q "$ROOT/usr/share/call-companion/data/prompts/zz-installed-only.toml" "$WORK/check.out" ||
  fail "data check did not read the installed data: $(cat "$WORK/check.out")"

# The TGZ runs from wherever it is unpacked, reading the data beside it.
cpack -G TGZ -B "$WORK/tgz" --config "$BUILD/CPackConfig.cmake" >"$WORK/cpack-tgz.log" 2>&1 ||
  { cat "$WORK/cpack-tgz.log" >&2; fail "cpack could not build the TGZ"; }
tar -xzf "$WORK"/tgz/call-companion-*.tar.gz -C "$WORK/tgz"
TGZ=$(ls -d "$WORK"/tgz/call-companion-*-Linux)
printf '[[prompt]]\nid = "x"\n' > "$TGZ/share/call-companion/data/prompts/zz-tgz-only.toml"
"$TGZ/bin/call-companion" data check >"$WORK/tgz-check.out" 2>&1 && fail "the TGZ's data check passed a broken file"
grep -q "$TGZ/share/call-companion/data/prompts/zz-tgz-only.toml" "$WORK/tgz-check.out" ||
  fail "the unpacked TGZ did not read its own data: $(cat "$WORK/tgz-check.out")"

start_xvfb
# In Spanish, from the installed catalog (an installed app never reads the build tree's).
mkdir -p "$WORK/data"
printf '[ui]\nlanguage=es\n' > "$WORK/data/settings.ini"
start_companion
for _ in $(seq 50); do grep -q "zz-installed-only.toml" "$WORK/app.err" && break; sleep 0.1; done
grep -q "$ROOT/usr/share/call-companion/data/prompts/zz-installed-only.toml" "$WORK/app.err" ||
  fail "the installed app did not load the installed data"
shot installed-package "$WIN"
xdotool key F1
DLG=$(wait_window "Atajos de teclado")
focus "$DLG"; xdotool key Escape
stop_app "$WIN"
echo "PASS: the DEB declares its Depends, installs binary, data, icons and translations, and starts from a scratch root; the TGZ runs where it is unpacked"
