#!/usr/bin/env bash
# Packs a cross-built Call Companion (installer/windows/build.sh) for Windows users: the installed
# files staged with `cmake --install`, then the per-user NSIS installer (call-companion.nsi, Debian's
# nsis package) and a ZIP of the same folder for portable use.
#   bash installer/windows/package.sh BUILD-DIR   -> BUILD-DIR/call-companion-setup.exe and
#                                                   BUILD-DIR/call-companion-VERSION-win64.zip
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=$(cd "${1:?usage: package.sh BUILD-DIR}" && pwd)
VERSION=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")
[ -n "$VERSION" ] || { echo "package.sh: no project version in $BUILD/CMakeCache.txt" >&2; exit 1; }
STAGE="$BUILD/stage/Call Companion"
rm -rf "$BUILD/stage" "$BUILD"/call-companion-*-win64.zip "$BUILD/call-companion-setup.exe"
cmake --install "$BUILD" --prefix "$STAGE" >/dev/null
x86_64-w64-mingw32-strip "$STAGE/call-companion.exe"
makensis -V2 -DVERSION="$VERSION" -DSTAGE="$STAGE" -DOUTFILE="$BUILD/call-companion-setup.exe" \
  installer/windows/call-companion.nsi
(cd "$BUILD/stage" && zip -qr "$BUILD/call-companion-$VERSION-win64.zip" "Call Companion")
ls -l "$BUILD/call-companion-setup.exe" "$BUILD/call-companion-$VERSION-win64.zip" | awk '{print "package.sh:", $5, $9}' >&2
