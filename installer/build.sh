#!/usr/bin/env bash
# Builds dist/confidant/ (one folder) with PyInstaller, then smoke-tests the built binary.
#   make installer                      # default engine only, no torch
#   CONFIDANT_WITH_TORCH=1 make installer
# CONFIDANT_DIST / CONFIDANT_BUILD choose the output and work folders (default dist, build);
# the installer test builds into a temporary folder that way.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
DIST=${CONFIDANT_DIST:-dist}
WORK=${CONFIDANT_BUILD:-build}
if [ "${CONFIDANT_WITH_TORCH:-}" != "1" ]; then
  # Theme suggestions without torch: the sentence model exported to ONNX (decision 0080).
  export CONFIDANT_MINILM_EXPORT="$(realpath -m "$WORK/minilm-onnx")"
  $BIN/python installer/export_minilm_onnx.py "$CONFIDANT_MINILM_EXPORT"
fi
# Voices: the GE2E voice encoder exported to ONNX, in both builds (resemblyzer is a data-only
# install that a frozen app cannot find by import; decision 0125).
export CONFIDANT_VOICE_EXPORT="$(realpath -m "$WORK/voice-onnx")"
$BIN/python installer/export_voice_onnx.py "$CONFIDANT_VOICE_EXPORT"
$BIN/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" installer/confidant.spec
du -sh "$DIST/confidant"
"$DIST/confidant/confidant" --version
install -m 644 installer/confidant.desktop "$DIST/confidant/confidant.desktop"
echo "Built $DIST/confidant (run $DIST/confidant/confidant, or install the .desktop entry)."
