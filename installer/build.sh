#!/usr/bin/env bash
# Builds dist/confidant/ (one folder) with PyInstaller, then smoke-tests the built binary.
#   make installer                      # default engine only, no torch
#   CONFIDANT_WITH_TORCH=1 make installer
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/confidant.spec
du -sh dist/confidant
dist/confidant/confidant --version
install -m 644 installer/confidant.desktop dist/confidant/confidant.desktop
echo "Built dist/confidant (run dist/confidant/confidant, or install the .desktop entry)."
