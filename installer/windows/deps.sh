#!/usr/bin/env bash
# The libraries Call Companion links on Windows, built static for x86_64-w64-mingw32 from Debian's own
# source packages (apt-get source, the same versions as this machine's -dev packages where the archive
# still has them), into a cache folder keyed by those versions, the compiler and this script. A second
# run with nothing changed prints the cached prefix at once.
#
#   bash installer/windows/deps.sh [--with-wx]    prints the prefix (include/, lib/) on stdout
#   bash installer/windows/deps.sh --tools        installs this machine's packages for it, and stops
#
# The core and its unit tests need SQLite, Hunspell, libcsv, libpq, fmt and the header-only libraries,
# a few minutes to build; --with-wx adds wxWidgets (MSW) and libpng for the app, about 20 minutes more.
#
# CC_WIN_CACHE sets the cache folder (default ~/.cache/call-companion/mingw). Run as root, or as a user
# with sudo, for the packages and the deb-src entry it adds when none is configured.
set -euo pipefail
WITH_WX=no TOOLS_ONLY=no
[ "${1:-}" = --with-wx ] && WITH_WX=yes
[ "${1:-}" = --tools ] && TOOLS_ONLY=yes
HOST=x86_64-w64-mingw32
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${CC_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/call-companion/mingw}
JOBS=${JOBS:-$(nproc)}
log() { echo "deps.sh: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what this machine needs to cross-build ---------------------------------------------------------
# The -posix compilers: std::thread needs the posix thread model (the default mingw g++ is win32).
tools=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 libz-mingw-w64-dev
       dpkg-dev tcl make cmake pkg-config wine nsis zip
       # header-only libraries: their Debian headers go into the prefix
       libtomlplusplus-dev nlohmann-json3-dev doctest-dev
       # the dictionaries the Windows installer ships; the tests under Wine (test.sh) and their checks
       hunspell-en-us hunspell-es hunspell-pt-br xvfb xdotool imagemagick sqlite3 python3 unzip)
missing=()
for p in "${tools[@]}"; do dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

[ $TOOLS_ONLY = yes ] && exit 0

# Debian's source packages: a deb-src entry for this very release when the machine has none.
if [ "$(apt-cache showsrc sqlite3 2>/dev/null | grep -c '^Package:')" = 0 ]; then
  log "adding deb-src entries for $(. /etc/os-release; echo "$VERSION_CODENAME")"
  codename=$(. /etc/os-release; echo "$VERSION_CODENAME")
  as_root tee /etc/apt/sources.list.d/call-companion-deb-src.sources >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -q >&2
fi

# --- which sources: the version of this machine's -dev package, else the archive's candidate ----------
# source package, the -dev package whose version it should match
sources=("sqlite3 libsqlite3-dev" "hunspell libhunspell-dev" "libcsv libcsv-dev" "postgresql-15 libpq-dev"
         "fmtlib libfmt-dev")
[ $WITH_WX = yes ] && sources+=("wxwidgets3.2 libwxgtk3.2-dev" "libpng1.6 libpng-dev")
wanted() { # SOURCE DEV: the versions to try, best first
  local src=$1 dev=$2 v
  v=$(dpkg-query -W -f '${source:Version}' "$dev" 2>/dev/null || true)
  [ -n "$v" ] && echo "$v"
  apt-cache showsrc --only-source "$src" | awk '/^Version:/ {print $2}' | sort -rV | uniq
}
CC=$HOST-gcc-posix
CXX=$HOST-g++-posix
key_text="wx=$WITH_WX
$($CXX --version | sed -n 1p)
$(sha256sum "$0" "$HERE/toolchain-mingw64.cmake" | cut -d' ' -f1)"
for entry in "${sources[@]}"; do
  set -- $entry
  key_text+="
$1=$(wanted "$1" "$2" | sed -n 1p)"
done
for h in libtomlplusplus-dev nlohmann-json3-dev doctest-dev; do
  key_text+="
$h=$(dpkg-query -W -f '${Version}' "$h")"
done
KEY=$(printf '%s' "$key_text" | sha256sum | cut -c1-16)
ROOT=$CACHE/$KEY
PREFIX=$ROOT/prefix
if [ -f "$ROOT/done" ]; then echo "$PREFIX"; exit 0; fi
log "building into $ROOT (key: $KEY); versions:"; printf '%s\n' "$key_text" | sed 's/^/  /' >&2
rm -rf "$ROOT"; mkdir -p "$ROOT/src" "$PREFIX/include" "$PREFIX/lib/pkgconfig"
printf '%s\n' "$key_text" > "$ROOT/versions"

# --- fetch and unpack ------------------------------------------------------------------------------
cd "$ROOT/src"
for entry in "${sources[@]}"; do
  set -- $entry
  got=""
  for v in $(wanted "$1" "$2"); do
    if apt-get source -qq "$1=$v" >"$ROOT/src/$1.log" 2>&1; then got=$v; break; fi
  done
  [ -n "$got" ] || { cat "$ROOT/src/$1.log" >&2; log "cannot fetch the source of $1"; exit 1; }
  log "$1 $got"
done
srcdir() { find "$ROOT/src" -maxdepth 1 -type d -name "$1-*" -print -quit; }

export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig PKG_CONFIG_PATH=
cross=(--host=$HOST --build="$(dpkg-architecture -qDEB_BUILD_GNU_TYPE)" --prefix="$PREFIX" --disable-shared
       --enable-static CC="$CC" CXX="$CXX" AR=$HOST-ar RANLIB=$HOST-ranlib CPPFLAGS="-I$PREFIX/include"
       LDFLAGS="-L$PREFIX/lib")

# --- header-only libraries, from this machine's Debian packages ------------------------------------
# Debian builds toml++ as a shared library and its CMake files name it: here it is used header-only,
# with CMake files of its own; doctest's test discovery comes as Debian ships it.
cp -r /usr/include/toml++ /usr/include/nlohmann /usr/include/doctest "$PREFIX/include/"
mkdir -p "$PREFIX/lib/cmake/tomlplusplus" "$PREFIX/lib/cmake/doctest"
cat > "$PREFIX/lib/cmake/tomlplusplus/tomlplusplusConfig.cmake" <<'CMAKE'
if(NOT TARGET tomlplusplus::tomlplusplus)
  add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
  set_target_properties(tomlplusplus::tomlplusplus PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${CMAKE_CURRENT_LIST_DIR}/../../../include"
    INTERFACE_COMPILE_DEFINITIONS "TOML_HEADER_ONLY=1")
endif()
CMAKE
cp /usr/lib/cmake/doctest/doctest.cmake /usr/lib/cmake/doctest/doctestAddTests.cmake "$PREFIX/lib/cmake/doctest/"
cat > "$PREFIX/lib/cmake/doctest/doctestConfig.cmake" <<'CMAKE'
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
if(NOT TARGET doctest::doctest)
  add_library(doctest::doctest INTERFACE IMPORTED)
  set_target_properties(doctest::doctest PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${CMAKE_CURRENT_LIST_DIR}/../../../include")
endif()
CMAKE

# --- fmt, static, with its own CMake files -------------------------------------------------------------
log "fmt"
(cmake -S "$(srcdir fmtlib)" -B "$ROOT/fmt-build" -DCMAKE_TOOLCHAIN_FILE="$HERE/toolchain-mingw64.cmake"    -DCC_WIN_PREFIX="$PREFIX" -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release -DFMT_TEST=OFF    -DFMT_DOC=OFF -DBUILD_SHARED_LIBS=OFF >"$ROOT/fmt.log" 2>&1 &&
  cmake --build "$ROOT/fmt-build" -j"$JOBS" >>"$ROOT/fmt.log" 2>&1 &&
  cmake --install "$ROOT/fmt-build" >>"$ROOT/fmt.log" 2>&1) || { tail -30 "$ROOT/fmt.log" >&2; exit 1; }

# --- libpng (zlib is Debian's libz-mingw-w64-dev), for wxWidgets -------------------------------------
if [ $WITH_WX = yes ]; then
  log "libpng"
  (cd "$(srcdir libpng1.6)" && ./configure "${cross[@]}" >"$ROOT/libpng.log" 2>&1 &&
    make -j"$JOBS" >>"$ROOT/libpng.log" 2>&1 && make install >>"$ROOT/libpng.log" 2>&1) ||
    { tail -30 "$ROOT/libpng.log" >&2; exit 1; }
fi

# --- SQLite: the amalgamation is generated natively (with tcl), then built with FTS5 ---------------
log "sqlite3"
(cd "$(srcdir sqlite3)" && mkdir -p native && cd native && ../configure >"$ROOT/sqlite.log" 2>&1 &&
  make sqlite3.c >>"$ROOT/sqlite.log" 2>&1 &&
  $CC -O2 -DSQLITE_ENABLE_FTS5 -DSQLITE_THREADSAFE=1 -DSQLITE_DEFAULT_FOREIGN_KEYS=0 -c sqlite3.c -o sqlite3.o &&
  $HOST-ar rcs "$PREFIX/lib/libsqlite3.a" sqlite3.o && cp sqlite3.h sqlite3ext.h "$PREFIX/include/") ||
  { tail -30 "$ROOT/sqlite.log" >&2; exit 1; }
v=$(grep -m1 '#define SQLITE_VERSION ' "$PREFIX/include/sqlite3.h" | cut -d'"' -f2)
cat > "$PREFIX/lib/pkgconfig/sqlite3.pc" <<PC
prefix=$PREFIX
Name: SQLite
Description: SQL database engine (static, FTS5)
Version: $v
Libs: -L\${prefix}/lib -lsqlite3
Cflags: -I\${prefix}/include
PC

# --- Hunspell (HUNSPELL_STATIC on both sides) -------------------------------------------------------
log "hunspell"
(cd "$(srcdir hunspell)" && { [ -x configure ] || autoreconf -fi >"$ROOT/hunspell.log" 2>&1; } &&
  ./configure "${cross[@]}" --without-ui --without-readline CXXFLAGS="-O2 -DHUNSPELL_STATIC" \
    >>"$ROOT/hunspell.log" 2>&1 &&
  make -C src/hunspell -j"$JOBS" >>"$ROOT/hunspell.log" 2>&1 && make -C src/hunspell install >>"$ROOT/hunspell.log" 2>&1 &&
  cp hunspell.pc "$PREFIX/lib/pkgconfig/") || { tail -30 "$ROOT/hunspell.log" >&2; exit 1; }
sed -i 's|^Cflags:.*|& -DHUNSPELL_STATIC|' "$PREFIX/lib/pkgconfig/hunspell.pc"

# --- libcsv -------------------------------------------------------------------------------------------
log "libcsv"
(cd "$(srcdir libcsv)" && $CC -O2 -c libcsv.c -o libcsv.o && $HOST-ar rcs "$PREFIX/lib/libcsv.a" libcsv.o &&
  cp csv.h "$PREFIX/include/") || exit 1

# --- libpq, from PostgreSQL's own MinGW support (no TLS: see README) ----------------------------------
log "libpq"
(cd "$(srcdir postgresql-15)" && ./configure --host=$HOST --prefix="$PREFIX" CC="$CC" AR=$HOST-ar \
    --without-readline --without-icu --without-zlib --without-openssl --without-gssapi >"$ROOT/libpq.log" 2>&1 &&
  make -C src/include -j"$JOBS" >>"$ROOT/libpq.log" 2>&1 &&
  make -C src/common -j"$JOBS" >>"$ROOT/libpq.log" 2>&1 && make -C src/port -j"$JOBS" >>"$ROOT/libpq.log" 2>&1 &&
  make -C src/interfaces/libpq -j"$JOBS" >>"$ROOT/libpq.log" 2>&1 &&
  make -C src/include install >>"$ROOT/libpq.log" 2>&1 && make -C src/interfaces/libpq install >>"$ROOT/libpq.log" 2>&1 &&
  cp src/common/libpgcommon_shlib.a src/port/libpgport_shlib.a "$PREFIX/lib/") ||
  { tail -30 "$ROOT/libpq.log" >&2; exit 1; }
# Static: on Windows PostgreSQL builds libpq as a DLL only, its libpq.a the DLL's import library. The
# library's own objects make the static libpq.a instead (win32ver.o is the DLL's version resource).
# libpq brings its own small pthread for Windows (pthread-win32.c, with a pthread_mutex_t of its own):
# its functions are renamed in every libpq object, so they neither clash with MinGW's winpthreads
# (which std::thread uses) nor get mixed with them.
(cd "$(srcdir postgresql-15)/src/interfaces/libpq" && rm -rf "$PREFIX/lib/libpq.a" static && mkdir static &&
  renames=() &&
  for f in $($HOST-nm pthread-win32.o | awk '$2 == "T" {print $3}'); do renames+=(--redefine-sym "$f=pq_$f"); done &&
  for o in $(ls ./*.o | grep -v 'win32ver\.o$'); do $HOST-objcopy "${renames[@]}" "$o" "static/$o"; done &&
  $HOST-ar rcs "$PREFIX/lib/libpq.a" static/*.o)
rm -f "$PREFIX/lib/libpq.dll.a" "$PREFIX/lib/libpq.dll" "$PREFIX/bin/libpq.dll"
cat > "$PREFIX/lib/pkgconfig/libpq.pc" <<PC
prefix=$PREFIX
Name: libpq
Description: PostgreSQL client library (static)
Version: $(grep -m1 'PG_VERSION ' "$PREFIX/include/pg_config.h" | cut -d'"' -f2)
Libs: -L\${prefix}/lib -lpq -lpgcommon_shlib -lpgport_shlib -lsecur32 -lws2_32 -lshell32 -ladvapi32
Cflags: -I\${prefix}/include
PC

# --- wxWidgets (MSW, static); the dfsg source has no zlib, png, jpeg, tiff or expat of its own -------
if [ $WITH_WX = yes ]; then
log "wxWidgets (the long one: about 20 minutes on 2 cores)"
wxcross=() # wx's configure knows --disable-shared but not --enable-static
for a in "${cross[@]}"; do [ "$a" = --enable-static ] || wxcross+=("$a"); done
(cd "$(srcdir wxwidgets3.2)" && mkdir -p build-msw && cd build-msw &&
  ../configure "${wxcross[@]}" --with-msw --enable-unicode --with-zlib=sys --with-libpng=sys --without-libjpeg \
    --without-libtiff --without-expat --disable-xrc --disable-richtext --disable-webview --disable-mediactrl \
    --without-opengl --disable-propgrid --disable-ribbon --disable-aui --with-regex=builtin \
    >"$ROOT/wx.log" 2>&1 &&
  make -j"$JOBS" >>"$ROOT/wx.log" 2>&1 && make install >>"$ROOT/wx.log" 2>&1) ||
  { tail -40 "$ROOT/wx.log" >&2; exit 1; }
# wx-config's link is absolute: relative, the cache folder can be moved (the toolchain passes --prefix).
ln -sfn "$(cd "$PREFIX/bin" && realpath --relative-to=. "$(readlink -f wx-config)")" "$PREFIX/bin/wx-config"
fi

rm -rf "$ROOT/src" # the sources: 600 MB, not needed once built
touch "$ROOT/done"
echo "$PREFIX"
