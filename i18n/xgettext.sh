#!/usr/bin/env bash
# Extracts every translatable string into the template OUT (default: i18n/call-companion.pot): _(),
# wxPLURAL and wxTRANSLATE in ui/, N_ in the core's messages (src/), with the TRANSLATORS: comments. The update-pot target and the catalog
# test (tests/i18n) both run this, so they cannot disagree about what is translatable.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/i18n/call-companion.pot}
version=$(sed -n 's/^project(call-companion VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
cd "$root"
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --keyword=N_ \
  --add-comments=TRANSLATORS: --package-name=call-companion --package-version="$version" \
  --msgid-bugs-address=https://example.org/call-companion/issues --sort-by-file --output="$out" $(find ui -name '*.cpp' | sort) $(find src -name '*.cpp' | sort)
