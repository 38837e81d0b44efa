#!/usr/bin/env bash
# Nothing cut off at 360x640, at the usual font size, at 125% and at 150%: the companion's five pages when idle,
# in a call with a prompt over the notes, on hold, on a script with a long menu of answers, in the
# search with a referral card, in wrap-up; the shortcuts list; the call history and a call's review.
# The app audits its own windows (CALL_COMPANION_LAYOUT_AUDIT): a control given less room than its
# text, a control past the edge of its parent, and call pages left less than half of the window each
# print a "layout:" line. Screenshots of every page at 360x640 land in the build's screenshots folder.
source "$(dirname "$0")/xvfb.sh"
start_xvfb
export CALL_COMPANION_LAYOUT_AUDIT=1

# walk SCALE: one working session at 360x640, with text scaled by SCALE (GTK's GDK_DPI_SCALE).
walk() {
  local scale=$1 tag=$2
  DATA="$WORK/data-$tag"
  GDK_DPI_SCALE=$scale start_companion
  xdotool windowsize "$WIN" 360 640; sleep 0.6
  xdotool mousemove 1279 799 # out of every window: no tooltip over the screenshots
  for page in 1 2 3 4 5; do xdotool key "alt+$page"; sleep 0.4; shot "page-$page-idle-$tag" "$WIN"; done
  xdotool key ctrl+n; sleep 0.4
  xdotool type --delay 8 "Caller is furious, third outage this week, and asks for the admin password"
  sleep 1.6
  shot "call-prompt-$tag" "$WIN"
  if [ "$tag" = 150 ]; then
    # At 150% the prompt is cut short: Ctrl+Shift+M shows the rest of it, with the keyboard still in the notes.
    xdotool key ctrl+shift+m; sleep 0.5
    shot "call-prompt-more-$tag" "$WIN"
    bar() { convert "$SHOTS/$1.png" -crop 340x60+8+200 +repage "$WORK/$1-bar.png"; }
    bar "call-prompt-$tag"; bar "call-prompt-more-$tag"
    [ "$(compare -metric AE "$WORK/call-prompt-$tag-bar.png" "$WORK/call-prompt-more-$tag-bar.png" null: 2>&1)" != 0 ] ||
      fail "Ctrl+Shift+M did not show more of the prompt"
    # The prompt's title and buttons stay in sight while its text pages (the band just under the timer).
    headband() { convert "$SHOTS/$1.png" -crop 340x40+8+160 +repage "$WORK/$1-head.png"; }
    headband "call-prompt-$tag"; headband "call-prompt-more-$tag"
    [ "$(compare -metric AE "$WORK/call-prompt-$tag-head.png" "$WORK/call-prompt-more-$tag-head.png" null: 2>&1)" = 0 ] ||
      fail "Ctrl+Shift+M took the prompt's title and buttons out of sight"
    # The status line at the window's foot says there is more (it was empty before).
    foot() { convert "$SHOTS/$1.png" -crop 360x30+0+610 +repage "$WORK/$1-foot.png"; }
    foot "call-prompt-$tag"; foot "call-prompt-more-$tag"
    [ "$(compare -metric AE "$WORK/call-prompt-$tag-foot.png" "$WORK/call-prompt-more-$tag-foot.png" null: 2>&1)" != 0 ] ||
      fail "Ctrl+Shift+M said nothing in the status line"
    # Pressed on, it comes back to the prompt's start (its title and buttons).
    back=""
    for _ in 1 2 3 4 5 6; do
      xdotool key ctrl+shift+m; sleep 0.4
      import -window "$WIN" "$WORK/again.png"; convert "$WORK/again.png" -crop 340x60+8+200 +repage "$WORK/again-bar.png"
      if [ "$(compare -metric AE "$WORK/call-prompt-$tag-bar.png" "$WORK/again-bar.png" null: 2>&1)" = 0 ]; then back=1; break; fi
    done
    [ -n "$back" ] || fail "Ctrl+Shift+M never came back to the prompt's start"
  fi
  xdotool key ctrl+h; sleep 0.4
  shot "call-hold-$tag" "$WIN"
  xdotool key alt+2; sleep 0.3
  xdotool type --delay 8 "Robin Example"
  shot "page-2-call-$tag" "$WIN"
  xdotool key alt+4; sleep 0.3
  xdotool type --delay 20 "my wifi keeps dropping"; sleep 1.2
  xdotool key Return; sleep 0.6
  shot "page-4-call-$tag" "$WIN"
  xdotool key Escape; sleep 0.2
  xdotool key ctrl+shift+t; sleep 0.3
  xdotool key alt+5; sleep 0.4
  for _ in 1 2 3; do xdotool key Down; sleep 0.15; done
  sleep 0.3
  xdotool key alt+x; sleep 0.4
  shot "page-5-checklist-$tag" "$WIN"
  xdotool key 1; sleep 0.3; xdotool key 1; sleep 0.5
  shot "page-5-branches-$tag" "$WIN"
  xdotool key ctrl+shift+t; sleep 0.3
  xdotool key ctrl+h; sleep 0.3
  xdotool key ctrl+e; sleep 0.5
  shot "wrap-up-$tag" "$WIN"
  xdotool key ctrl+d; sleep 0.6
  xdotool key alt+3; sleep 0.4
  shot "page-3-after-$tag" "$WIN"
  xdotool key ctrl+slash; sleep 0.6
  shot "shortcuts-$tag"
  xdotool key Escape; sleep 0.3
  focus "$WIN"
  xdotool key ctrl+shift+h
  HISTORY=$(wait_window "Call history"); focus "$HISTORY"; sleep 0.6
  shot "history-$tag" "$HISTORY"
  xdotool key Tab Return; REVIEW=$(wait_window "Review: .*"); focus "$REVIEW"; sleep 0.8
  shot "review-$tag" "$REVIEW"
  # The reviewer's name, then Tab through the criteria: the screenshot shows the last one scrolled into sight.
  xdotool key alt+r; sleep 0.3
  for _ in $(seq 9); do xdotool key Tab; sleep 0.6; done
  shot "review-criteria-$tag" "$REVIEW"
  xdotool key Escape; sleep 0.4
  focus "$HISTORY"; xdotool key Escape; sleep 0.4
  kill -0 "$APP_PID" || fail "the app died ($tag)"
  stop_app "$WIN"
}

walk 1 100
walk 1.25 125
walk 1.5 150
if grep "^layout:" "$WORK/app.err" >&2; then fail "text cut off (above)"; fi
echo "PASS: nothing cut off at 360x640, at 100%, 125% and 150% text"
