"""Plaintext scan: search files for what must never be on disk unencrypted.

Needles come from the unlocked vault (sampled transcript phrases, participant codes, names to
protect, raw audio windows, key material) plus audio file signatures. A hit names the file and
the kind of needle, never the needle itself (the report must not leak what it looked for).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHUNK_BYTES = 8 * 1024 * 1024
MAX_FILE_BYTES = 512 * 1024 * 1024
# Audio container signatures. A file IS audio when it starts with one and decodes; a signature
# further inside counts only when the file is not a program or library and the bytes from
# there decode as audio (Qt's .so files and wheels hold "RIFF....WAVE" by chance or as assets).
AUDIO_SIGNATURES = {
    "WAV header": re.compile(rb"RIFF....WAVE", re.DOTALL),
    "FLAC header": re.compile(rb"fLaC\x00\x00\x00\x22"),
    "OGG header": re.compile(rb"OggS\x00\x02"),
}
# First bytes of executables, shared libraries and compiled code: never interview audio.
PROGRAM_MAGICS = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe",
                  b"\x00asm")
DECODE_PROBE_BYTES = 4 * 1024 * 1024
# Folders that are installed software, not anything Confidant writes (a virtualenv, pip's
# unpacked wheels, a git checkout). Skipped only under temp folders, and counted in the report.
SOFTWARE_DIR_NAMES = frozenset({"site-packages", "dist-packages", "node_modules", ".git", "__pycache__"})
SOFTWARE_DIR_SUFFIXES = (".dist-info", ".egg-info", ".data")
SOFTWARE_MARKER_FILES = ("pyvenv.cfg",)


@dataclass(frozen=True)
class Needle:
    kind: str      # e.g. "transcript phrase", "participant code", "raw audio (PCM16)"
    data: bytes


@dataclass
class Hit:
    path: str
    kind: str


@dataclass
class ScanResult:
    files: int = 0
    bytes: int = 0
    hits: list[Hit] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)   # unreadable or too large
    software_dirs: list[str] = field(default_factory=list)  # installed software left out

    def kinds_for(self, path: str) -> set[str]:
        return {h.kind for h in self.hits if h.path == path}


def text_needles(kind: str, texts: Iterable[str], min_len: int = 5) -> list[Needle]:
    """UTF-8 and UTF-16-LE forms of each text (Windows tools and Qt write UTF-16)."""
    out: list[Needle] = []
    for text in texts:
        text = text.strip()
        if len(text) < min_len:
            continue
        out.append(Needle(kind, text.encode("utf-8")))
        out.append(Needle(kind, text.encode("utf-16-le")))
    return out


def is_software_dir(path: Path) -> bool:
    """True for a folder that is installed software (a virtualenv, site-packages, a wheel's metadata)."""
    name = path.name
    if name in SOFTWARE_DIR_NAMES or name.endswith(SOFTWARE_DIR_SUFFIXES):
        return True
    return any((path / marker).is_file() for marker in SOFTWARE_MARKER_FILES)


def iter_files(roots: Iterable[Path], *, skip: Iterable[Path] = (), scoped: Iterable[Path] = (),
               software_dirs: list[str] | None = None) -> Iterator[Path]:
    """Regular files under each root (not following symlinks), each once.

    Under a root in ``scoped`` (the temp folders, shared with every other program), folders of
    installed software are not entered; each one left out is appended to ``software_dirs``."""
    seen: set[tuple[int, int]] = set()
    skipped = {p.resolve() for p in skip}
    scoped_roots = {p.resolve() for p in scoped}
    for root in roots:
        if not root.exists():
            continue
        is_scoped = root.resolve() in scoped_roots
        walker = [(str(root), [], [root.name])] if root.is_file() else os.walk(root)
        for dirpath, dirnames, filenames in walker:
            keep = []
            for d in dirnames:
                sub = Path(dirpath) / d
                if sub.resolve() in skipped or sub.is_symlink():
                    continue
                if is_scoped and is_software_dir(sub):
                    if software_dirs is not None:
                        software_dirs.append(str(sub))
                    continue
                keep.append(d)
            dirnames[:] = keep
            for name in filenames:
                path = Path(dirpath) / name if not root.is_file() else root
                try:
                    st = path.lstat()
                except OSError:
                    continue
                if not path.is_file() or path.is_symlink() or (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
                yield path


def decodes_as_audio(data: bytes) -> bool:
    """True when ``data`` opens as an audio stream and yields samples (a decode attempt)."""
    import io

    import soundfile as sf
    try:
        with sf.SoundFile(io.BytesIO(data)) as fh:
            return fh.frames > 0 and fh.samplerate > 0 and len(fh.read(64, dtype="int16")) > 0
    except Exception:  # noqa: BLE001 - any decode failure means "not audio", which is the answer
        return False


MAX_DECODE_TRIES = 8  # per kind and window: chance matches in big binaries must not cost minutes


def _audio_kinds(path: Path, head: bytes, window: bytes, window_offset: int,
                 known: set[str]) -> set[str]:
    """Audio signature kinds that really are audio in this window of ``path``."""
    found: set[str] = set()
    if head.startswith(PROGRAM_MAGICS):
        return found
    for kind, pattern in AUDIO_SIGNATURES.items():
        if kind in known:
            continue
        for n, match in enumerate(pattern.finditer(window)):
            if n >= MAX_DECODE_TRIES:
                break
            start = window_offset + match.start()
            with path.open("rb") as fh:
                fh.seek(start)
                probe = fh.read(DECODE_PROBE_BYTES)
            if decodes_as_audio(probe):
                found.add(kind)
                break
    return found


def scan_files(paths: Iterable[Path], needles: list[Needle], *, signatures: bool = True,
               cancel_check: object = None) -> ScanResult:
    """Search each file for every needle (and audio signatures), in overlapping chunks."""
    result = ScanResult()
    overlap = max((len(n.data) for n in needles), default=16) + 16
    for path in paths:
        if callable(cancel_check):
            cancel_check()
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                result.skipped.append(f"{path} (larger than {MAX_FILE_BYTES // 2**20} MiB)")
                continue
            found: set[str] = set()
            with path.open("rb") as fh:
                tail = b""
                head = b""
                consumed = 0
                while True:
                    block = fh.read(CHUNK_BYTES)
                    if not block:
                        break
                    head = head or block[:16]
                    window = tail + block
                    window_offset = consumed - len(tail)
                    consumed += len(block)
                    for needle in needles:
                        if needle.kind not in found and needle.data in window:
                            found.add(needle.kind)
                    if signatures and not all(k in found for k in AUDIO_SIGNATURES):
                        found |= _audio_kinds(path, head, window, window_offset, found)
                    tail = window[-overlap:]
            result.files += 1
            result.bytes += size
            result.hits.extend(Hit(str(path), kind) for kind in sorted(found))
        except OSError as exc:
            result.skipped.append(f"{path} ({exc.strerror or 'unreadable'})")
    return result
