#!/usr/bin/env bash
# Runs the keyboard tour of the README with the real binary in tmux (80×24,
# English) on a throwaway home, and writes one capture per screen into
# target/readme-tour/, for the README. Usage: scripts/readme-tour.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
cargo build --quiet --bin atelier
bin="$PWD/target/debug/atelier"
out="$PWD/target/readme-tour"
# A fixed home, so the paths shown read the same on every run.
home=/tmp/atelier-tour/florence
rm -rf "$home"
trap 'tmux kill-session -t tour 2>/dev/null || true; rm -rf /tmp/atelier-tour' EXIT
mkdir -p "$out"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" LANG=C NO_COLOR=1
mkdir -p "$home/Documents"

"$bin" import sessions/atelier-5-emergence-session-1.json >/dev/null
"$bin" --lang en new --title "Atelier 6 - Session 1" --event Emergence \
    --question "How do we involve every agent, not only managers?" \
    --lead "Florence Mensah" --participant "Martin PREAUD" --participant "Jacky LE BIHAN" \
    --participant "Mathilde van Derrusten" --participant "Jérémy MONTAGNY" \
    --participant "Amina Diallo" >/dev/null

tmux new-session -d -s tour -x 80 -y 24 \
    "env HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config LANG=C NO_COLOR=1 $bin --lang en"
keys() { tmux send-keys -t tour "$@"; sleep 0.4; }
text() { tmux send-keys -t tour -l "$1"; sleep 0.4; }
shot() { sleep 0.6; tmux capture-pane -t tour -p | sed 's/[[:space:]]*$//' >"$out/$1.txt"; }
say() { keys "M-$1"; text "$2"; keys Enter; }

sleep 1.5
shot home
keys e
shot setup
keys r
sleep 0.5
keys M-Right
say 1 "Cooperation mostly happens between managers"
say 3 "Lockdown cut the informal talk"
keys M-2
text "Who gives us the time to cooperate?"
shot run-typing
keys C-u
keys Escape
keys M-Right
keys Enter
say 4 "Co-build the charter with every agent"
text "One café per month, open to all"
keys Enter
text "Start from a real project"
keys Enter
keys Escape
keys Tab
shot run-list
keys s
keys Enter
text "Everyone agrees on values; tools are missing."
keys Enter
keys a
text "Tools"
keys M-Enter
text "to make good intentions real"
keys Enter
keys Tab
keys Tab
keys Enter
text "Co-build the charter and its tools"
keys Enter
shot synthesis
keys x
keys e
shot review
keys C-c
sleep 0.5
echo "captures in $out" >&2
