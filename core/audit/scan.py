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
# Audio container signatures (a whole-file header, anywhere in a file).
AUDIO_SIGNATURES = {
    "WAV header": re.compile(rb"RIFF....WAVE", re.DOTALL),
    "FLAC header": re.compile(rb"fLaC\x00\x00\x00\x22"),
    "OGG header": re.compile(rb"OggS\x00\x02"),
}


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


def iter_files(roots: Iterable[Path], *, skip: Iterable[Path] = ()) -> Iterator[Path]:
    """Regular files under each root (not following symlinks), each once."""
    seen: set[tuple[int, int]] = set()
    skipped = {p.resolve() for p in skip}
    for root in roots:
        if not root.exists():
            continue
        walker = [(str(root), [], [root.name])] if root.is_file() else os.walk(root)
        for dirpath, dirnames, filenames in walker:
            dirnames[:] = [d for d in dirnames if (Path(dirpath) / d).resolve() not in skipped
                           and not (Path(dirpath) / d).is_symlink()]
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
                while True:
                    block = fh.read(CHUNK_BYTES)
                    if not block:
                        break
                    window = tail + block
                    for needle in needles:
                        if needle.kind not in found and needle.data in window:
                            found.add(needle.kind)
                    if signatures:
                        for kind, pattern in AUDIO_SIGNATURES.items():
                            if kind not in found and pattern.search(window):
                                found.add(kind)
                    tail = window[-overlap:]
            result.files += 1
            result.bytes += size
            result.hits.extend(Hit(str(path), kind) for kind in sorted(found))
        except OSError as exc:
            result.skipped.append(f"{path} ({exc.strerror or 'unreadable'})")
    return result
