# Sourced by the scripts that run the app (tests/gui/xvfb.sh and the command-line tests). Under the
# sanitizers (preset asan) each AddressSanitizer and LeakSanitizer report goes to a file of its own
# (log_path adds the pid): the scripts often redirect the app's stderr or expect it to fail, and a leak
# found at exit would otherwise pass unseen. UBSan ignores log_path here: its reports stay on stderr, and it
# stops the app (-fno-sanitize-recover). A build without the sanitizers ignores these variables.
# sanitizer_logs_to DIR: the app's reports go to DIR/sanitizer.PID from now on.
sanitizer_logs_to() {
  SANITIZER_LOG_DIR=$1
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$1/sanitizer"
}

# check_sanitizer_logs: fails (status 1) if any report is an error, printing it. Every log, including
# the list of suppressions that matched, is kept in $CC_SANITIZER_LOGS when that is set (preset asan).
check_sanitizer_logs() {
  local log errors=0
  for log in "$SANITIZER_LOG_DIR"/sanitizer.*; do
    [ -e "$log" ] || continue
    if [ -n "${CC_SANITIZER_LOGS:-}" ]; then
      mkdir -p "$CC_SANITIZER_LOGS"
      cp "$log" "$CC_SANITIZER_LOGS/$(basename "$0" .sh)-$(basename "$log")"
    fi
    if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log"; then
      sed 's/^/  sanitizer: /' "$log" >&2; errors=1
    fi
  done
  [ $errors = 0 ] || echo "FAIL: the sanitizers reported errors (above)" >&2
  return $errors
}
