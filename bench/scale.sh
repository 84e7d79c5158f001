#!/usr/bin/env bash
# Issue 17's scaling bench, one command:  bash bench/scale.sh [--runs N] [--dir DIR]
#
# Builds the release binary and examples/scale_bench.rs, then runs it: whole processes
# (`--version`, `read`, `search`: median wall time, peak RSS via /usr/bin/time), and per scale
# (shipped; content 1×/4×/16× × banks 1×/10×, generated under DIR, default /tmp/gureum-scale):
# library load, search index build (the first Ctrl-K), search keystroke p50/p99/worst (in
# process), and the TUI in a 120x40 pseudo-terminal (no tmux): first frame, first key, first
# Ctrl-K, peak RSS (VmHWM) reading a lesson and after a search. Output: markdown for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
nice -n 10 cargo build --release --bin gureum --example scale_bench >&2
exec target/release/examples/scale_bench "$@"
