#!/usr/bin/env bash
# Captures what the reader looks like, for README.md: runs the release binary on the bundled
# seeds in a 110x30 tmux session, opens the Press TV article, steps to its second quote and
# prints the screen. Usage: scripts/capture-screen.sh > /tmp/screen.txt
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
session="quire-capture-$$"
# A throwaway session folder, so the capture neither reads nor changes the user's review.
state="$(mktemp -d)"
tmux new-session -d -s "$session" -x 110 -y 30 "XDG_STATE_HOME=$state ./target/release/quire"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$state"' EXIT
wait_for() {
  for _ in $(seq 1 200); do
    tmux capture-pane -p -t "$session" | grep -q "$1" && return 0
    sleep 0.05
  done
  echo "timed out waiting for $1" >&2
  exit 1
}
wait_for "Articles 5/5"
tmux send-keys -t "$session" j j j Enter n n
wait_for "quote 2/"
tmux capture-pane -p -t "$session"
tmux send-keys -t "$session" q
