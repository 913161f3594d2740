#!/usr/bin/env bash
# The whole test suite, as `make test` runs it (after `make setup`).
# The PulseAudio virtual microphone is started by the test fixtures themselves
# (tests/helpers/vmic.py), so a single test can be run with plain pytest too.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export QT_QPA_PLATFORM=offscreen
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
echo "== import contracts (core never imports Qt; layers) =="
$BIN/lint-imports || exit 1
echo "== pytest =="
$BIN/python -m pytest -p no:cacheprovider "$@"
rc=$?
if [ $rc -eq 5 ]; then echo "no tests collected"; exit 1; fi
exit $rc
