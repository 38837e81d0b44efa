#!/usr/bin/env bash
# The interface language comes from the settings ([ui] language): in Spanish the shortcuts list and the
# settings dialog open under their Spanish titles, the core's messages are Spanish too, the notes are checked with the Spanish dictionary
# (no warning about a missing one), and the screenshots show the Spanish window. Brazilian Portuguese
# likewise; an unknown language falls back to English without failing (and says no dictionary is
# installed for it, rather than checking the notes against English).
source "$(dirname "$0")/xvfb.sh"
start_xvfb

run_in() { # LANGUAGE-CODE SHORTCUTS-TITLE SETTINGS-TITLE MASKED-NOTICE HISTORY-TITLE REVIEW-TITLE
  #         SAVE-REPORT-TITLE REPORT-WORDS...
  DATA="$WORK/data-$1"
  mkdir -p "$DATA"
  printf '[ui]\nlanguage=%s\n' "$1" > "$DATA/settings.ini"
  start_companion
  xdotool key ctrl+n; sleep 0.3
  # A message from the core (the masking notice) comes in the same language.
  xdotool type --delay 10 "card 4111 1111 1111 1111 ok"; sleep 1.2
  grep -q "$4" "$WORK/app.err" || fail "$1: the masking notice is not in $1: $(cat "$WORK/app.err")"
  xdotool key ctrl+h; sleep 1.2
  shot "language-$1" "$WIN"
  for page in 2 3 5; do xdotool key alt+$page; sleep 0.4; shot "language-$1-page$page" "$WIN"; done
  xdotool key alt+1
  xdotool key F1
  DLG=$(wait_window "$2")
  focus "$DLG"; shot "language-$1-shortcuts" "$DLG"; xdotool key Escape
  focus "$WIN"
  xdotool key ctrl+comma
  DLG=$(wait_window "$3")
  focus "$DLG"; shot "language-$1-settings" "$DLG"; xdotool key Escape
  # The QA windows: the call's review in the same language.
  focus "$WIN"; xdotool key ctrl+h; sleep 0.3; xdotool key ctrl+e; sleep 0.3; xdotool key ctrl+d; sleep 0.5
  xdotool key ctrl+shift+h; HIST=$(wait_window "$5"); focus "$HIST"
  xdotool key Tab Return; REVIEW=$(wait_window "$6"); focus "$REVIEW"; sleep 0.8
  shot "language-$1-review" "$REVIEW"
  # The report saved from the review speaks the window's language too, its timeline included.
  xdotool key alt+h; SAVE=$(wait_window "$7"); focus "$SAVE"; sleep 0.3
  xdotool key ctrl+a; xdotool type --delay 5 "$WORK/report-$1.html"; xdotool key Return; sleep 1
  [ -f "$WORK/report-$1.html" ] || fail "$1: Save as HTML wrote nothing"
  for words in "${@:8}"; do
    grep -q "$words" "$WORK/report-$1.html" || fail "$1: the saved report lacks '$words': $(cat "$WORK/report-$1.html")"
  done
  focus "$REVIEW"; xdotool key Escape
  focus "$WIN"
  sleep 0.5
  stop_app "$WIN"
  if [ "$1" != xx ] && grep -q "No spell-check dictionary" "$WORK/app.err"; then fail "$1: no dictionary"; fi
  unset DATA
}

run_in es "Atajos de teclado" "Configuración" "Se aplicó una máscara a un número de tarjeta" \
  "Historial de llamadas" "Revisión: .*, cliente desconocido" "Guardar el informe de la llamada" \
  '<html lang="es"' "Cliente desconocido" "Conversación" "Cliente puesto en espera" "un número de tarjeta"
run_in pt_BR "Atalhos de teclado" "Configurações" "Foi aplicada uma máscara a um número de cartão" \
  "Histórico de chamadas" "Avaliação: .*, cliente desconhecido" "Salvar o relatório da chamada" \
  '<html lang="pt-BR"' "Cliente desconhecido" "Conversa" "Cliente colocado em espera" "um número de cartão"
run_in xx "Keyboard shortcuts" "Settings" "Masked a card number" "Call history" "Review: .*, unknown caller" \
  "Save the call's report" '<html lang="en"' "Unknown caller" "Talk" "Caller put on hold" "a card number"
# Without --data-dir the settings file is the user's own: its data folder, here unusable, is refused in
# Spanish, naming the folder.
mkdir -p "$XDG_CONFIG_HOME/call-companion"
: > "$WORK/blocker"
printf '[ui]\nlanguage=es\n[storage]\ndata_folder=%s\n' "$WORK/blocker/data" > "$XDG_CONFIG_HOME/call-companion/settings.ini"
start_app
DLG=$(wait_window "Call Companion no puede iniciarse")
shot language-es-data-folder-error "$DLG"
focus "$DLG"; xdotool key Return
rc=0; wait "$APP_PID" || rc=$?; APP_PID=""
[ "$rc" = 1 ] || fail "exit status $rc for an unusable data folder, expected 1"
grep -q "No se puede crear la carpeta de datos $WORK/blocker/data" "$WORK/app.err" ||
  fail "the data folder error is not in Spanish: $(cat "$WORK/app.err")"
echo "PASS: the interface speaks the language chosen in the settings"
