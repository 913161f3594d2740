#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Confidant needs (run as root; `make setup` calls it).
# PortAudio and libsndfile for audio, PulseAudio for the virtual microphone used by tests,
# espeak-ng/sox to make the sample interview, age to check packets with the standard CLI,
# poppler-utils to look at PDFs, Xvfb and the xcb libraries Qt's window needs; the asterisk
# core sounds are real recorded Spanish and English speech (one speaker, with reference text)
# that the language tests and benchmarks transcribe (tests only; the app never reads them).
set -euo pipefail
PKGS=(libportaudio2 libsndfile1 pulseaudio pulseaudio-utils libasound2-plugins alsa-utils
      espeak-ng sox age poppler-utils xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
      libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
      libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3
      libglib2.0-0 fonts-dejavu-core
      asterisk-core-sounds-es-wav asterisk-core-sounds-es asterisk-core-sounds-en-wav asterisk-core-sounds-en)
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: not root on Debian/Ubuntu; install these packages yourself if missing: ${PKGS[*]}" >&2
  exit 0
fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "setup: installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
