"""An independent check of SQLCipher 4 pages with the ``cryptography`` library only.

It proves the claim "vault.db is standard SQLCipher 4 under the key derived as documented"
without trusting SQLCipher. The page format (SQLCipher 4 defaults, raw key):

* pages of 4096 bytes; the file's first 16 bytes are a random salt (page 1 only);
* each page ends with a reserve of 80 bytes: a 16-byte IV, then a 64-byte HMAC-SHA512;
* the data before the reserve (from byte 16 on page 1) is AES-256-CBC without padding
  under the 32-byte database key and that IV;
* the HMAC covers the encrypted data, the IV and the page number as 4 little-endian bytes
  (1-based); its key is PBKDF2-HMAC-SHA512(database key, salt XOR 0x3a, 2 iterations, 32 bytes).

WAL frames (a 24-byte frame header, then one page encrypted the same way) are checked too.
Decrypted page 1 must then read as an SQLite database header from byte 16 (page size, reserve
80, fixed payload fractions) followed by a b-tree page header at byte 100.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PAGE_SIZE = 4096
SALT_BYTES = 16
IV_BYTES = 16
HMAC_BYTES = 64
RESERVE_BYTES = IV_BYTES + HMAC_BYTES   # 80
HMAC_SALT_MASK = 0x3A
HMAC_KDF_ITERATIONS = 2
WAL_HEADER_BYTES = 32
WAL_FRAME_HEADER_BYTES = 24
_BTREE_TYPES = {0x02: "index interior", 0x05: "table interior", 0x0A: "index leaf", 0x0D: "table leaf"}


@dataclass
class PageReport:
    """What the independent check found in one file."""

    path: str
    pages: int = 0
    hmac_ok: int = 0
    hmac_bad: list[int] = field(default_factory=list)   # 1-based page numbers (first 20)
    page1_ok: bool | None = None
    page1_problem: str = ""
    page_types: dict[str, int] = field(default_factory=dict)

    @property
    def all_ok(self) -> bool:
        return self.pages > 0 and self.hmac_ok == self.pages and self.page1_ok is not False


def hmac_key(db_key: bytes, salt: bytes) -> bytes:
    """SQLCipher 4's HMAC key: PBKDF2-HMAC-SHA512 over the key with the masked salt."""
    masked = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return PBKDF2HMAC(hashes.SHA512(), 32, masked, HMAC_KDF_ITERATIONS).derive(db_key)


def _split(page: bytes, first: bool) -> tuple[bytes, bytes, bytes]:
    start = SALT_BYTES if first else 0
    end = PAGE_SIZE - RESERVE_BYTES
    return page[start:end], page[end:end + IV_BYTES], page[end + IV_BYTES:end + RESERVE_BYTES]


def page_hmac_ok(page: bytes, page_no: int, mac_key: bytes) -> bool:
    data, iv, mac = _split(page, page_no == 1)
    expected = hmac.new(mac_key, data + iv + struct.pack("<I", page_no), hashlib.sha512).digest()
    return hmac.compare_digest(expected, mac)


def decrypt_page(page: bytes, page_no: int, db_key: bytes) -> bytes:
    """The plaintext of one page (page 1 without its first 16 bytes of salt)."""
    data, iv, _ = _split(page, page_no == 1)
    dec = Cipher(algorithms.AES(db_key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def check_page1(plain: bytes) -> str:
    """'' if decrypted page 1 reads like an SQLite database header and b-tree page, else why not."""
    # ``plain`` starts at file offset 16: the page size (big-endian), versions, reserve, fractions.
    page_size = struct.unpack(">H", plain[0:2])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size != PAGE_SIZE:
        return f"page size field is {page_size}, expected {PAGE_SIZE}"
    if plain[2] not in (1, 2) or plain[3] not in (1, 2):
        return "file format version bytes are not 1 (rollback) or 2 (WAL)"
    if plain[4] != RESERVE_BYTES:
        return f"reserved space is {plain[4]}, expected {RESERVE_BYTES}"
    if tuple(plain[5:8]) != (64, 32, 32):
        return "payload fractions are not the fixed 64/32/32"
    btree = plain[100 - SALT_BYTES]
    if btree not in _BTREE_TYPES:
        return f"byte 100 is 0x{btree:02x}, not a b-tree page type"
    return ""


def verify_database(path: Path, db_key: bytes) -> PageReport:
    """HMAC-check every page of an SQLCipher 4 file and decrypt page 1."""
    report = PageReport(str(path))
    types: Counter[str] = Counter()
    with path.open("rb") as fh:
        first = fh.read(PAGE_SIZE)
        if len(first) < PAGE_SIZE:
            report.page1_ok, report.page1_problem = False, "file is shorter than one page"
            return report
        mac_key = hmac_key(db_key, first[:SALT_BYTES])
        page_no, page = 1, first
        while len(page) == PAGE_SIZE:
            report.pages += 1
            if page_hmac_ok(page, page_no, mac_key):
                report.hmac_ok += 1
                if page_no == 1:
                    report.page1_problem = check_page1(decrypt_page(page, 1, db_key))
                    report.page1_ok = not report.page1_problem
                elif page_no <= 64:  # a sample of page types, for the evidence
                    kind = decrypt_page(page, page_no, db_key)[0]
                    types[_BTREE_TYPES.get(kind, "overflow/free")] += 1
            elif len(report.hmac_bad) < 20:
                report.hmac_bad.append(page_no)
            page_no += 1
            page = fh.read(PAGE_SIZE)
    if report.page1_ok is None:
        report.page1_ok, report.page1_problem = False, "page 1 failed its HMAC"
    report.page_types = dict(types)
    return report


def verify_wal(path: Path, db_key: bytes, salt: bytes) -> PageReport:
    """HMAC-check every frame of a WAL file (its pages use the database file's salt)."""
    report = PageReport(str(path))
    mac_key = hmac_key(db_key, salt)
    frame = WAL_FRAME_HEADER_BYTES + PAGE_SIZE
    with path.open("rb") as fh:
        fh.read(WAL_HEADER_BYTES)
        index = 0
        while True:
            data = fh.read(frame)
            if len(data) < frame:
                break
            index += 1
            page_no = struct.unpack(">I", data[:4])[0]
            report.pages += 1
            if page_no and page_hmac_ok(data[WAL_FRAME_HEADER_BYTES:], page_no, mac_key):
                report.hmac_ok += 1
            elif len(report.hmac_bad) < 20:
                report.hmac_bad.append(index)
    return report


def decrypted_pages(path: Path, db_key: bytes) -> Iterator[tuple[int, bytes]]:
    """(page number, plaintext) for every page of vault.db whose HMAC holds, decrypted here.

    Used to look for remnants of deleted data without SQLCipher: a page that fails its HMAC is
    skipped (the page check reports it). Page 1's plaintext starts at file offset 16.
    """
    with path.open("rb") as fh:
        first = fh.read(PAGE_SIZE)
        if len(first) < PAGE_SIZE:
            return
        mac_key = hmac_key(db_key, first[:SALT_BYTES])
        page_no, page = 1, first
        while len(page) == PAGE_SIZE:
            if page_hmac_ok(page, page_no, mac_key):
                yield page_no, decrypt_page(page, page_no, db_key)
            page_no += 1
            page = fh.read(PAGE_SIZE)


def decrypted_wal_frames(path: Path, db_key: bytes, salt: bytes) -> Iterator[tuple[int, bytes]]:
    """(page number, plaintext) for every WAL frame that passes its HMAC, old frames included.

    Every frame in the file is read, not only those of the last committed transaction: a frame
    a checkpoint has already copied still holds its old page until the WAL is truncated.
    """
    if not path.exists():
        return
    mac_key = hmac_key(db_key, salt)
    frame = WAL_FRAME_HEADER_BYTES + PAGE_SIZE
    with path.open("rb") as fh:
        fh.read(WAL_HEADER_BYTES)
        while True:
            data = fh.read(frame)
            if len(data) < frame:
                break
            page_no = struct.unpack(">I", data[:4])[0]
            page = data[WAL_FRAME_HEADER_BYTES:]
            if page_no and page_hmac_ok(page, page_no, mac_key):
                yield page_no, decrypt_page(page, page_no, db_key)


def find_in_vault_files(folder: Path, db_key: bytes, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Which needles occur in which decrypted page of vault.db or frame of vault.db-wal.

    Returns {needle name: ["vault.db page 12", "vault.db-wal frame for page 3", ...]}; a needle
    found nowhere is absent. Needles are looked for as given (callers pass the encodings).
    Pages are searched in runs of ``_RUN_PAGES`` joined end to end (one C-speed search per needle
    per run, not per page), so a needle spanning two consecutive pages is found too.
    """
    db = folder / "vault.db"
    salt = db.read_bytes()[:SALT_BYTES]
    hits: dict[str, list[str]] = {}
    _search(((f"vault.db page {n}", plain) for n, plain in decrypted_pages(db, db_key)), needles, hits)
    _search(((f"vault.db-wal frame for page {n}", plain)
             for n, plain in decrypted_wal_frames(folder / "vault.db-wal", db_key, salt)), needles, hits)
    return hits


_RUN_PAGES = 256


def _search(pages: Iterator[tuple[str, bytes]], needles: dict[str, bytes], hits: dict[str, list[str]]) -> None:
    run: list[tuple[str, bytes]] = []

    def flush() -> None:
        if not run:
            return
        blob = b"".join(p for _, p in run)
        starts, at = [], 0
        for _, p in run:
            starts.append(at)
            at += len(p)
        for name, needle in needles.items():
            pos = blob.find(needle)
            while pos >= 0:
                index = max(i for i, s0 in enumerate(starts) if s0 <= pos)
                where = run[index][0]
                if where not in hits.get(name, []):
                    hits.setdefault(name, []).append(where)
                pos = blob.find(needle, pos + 1)
        run.clear()

    for item in pages:
        run.append(item)
        if len(run) >= _RUN_PAGES:
            flush()
    flush()


@dataclass
class FreeSpaceReport:
    """Whether the parts of vault.db that hold no live data are zero (what secure_delete promises)."""

    pages: int = 0
    btree_pages: int = 0
    free_pages: int = 0
    other_pages: int = 0                                   # overflow pages (live data)
    dirty_free_pages: list[int] = field(default_factory=list)
    dirty_btree_pages: list[int] = field(default_factory=list)
    unreadable: bool = False

    @property
    def clean(self) -> bool:
        return not self.unreadable and not self.dirty_free_pages and not self.dirty_btree_pages


def _u16(b: bytes, at: int) -> int:
    return int(struct.unpack(">H", b[at:at + 2])[0])


def _u32(b: bytes, at: int) -> int:
    return int(struct.unpack(">I", b[at:at + 4])[0])


def _btree_free_bytes_dirty(plain: bytes, page_no: int) -> bool:
    """True if the unallocated gap or a freeblock of a b-tree page holds a non-zero byte."""
    shift = SALT_BYTES if page_no == 1 else 0       # page 1's plaintext starts at file offset 16
    h = (100 if page_no == 1 else 0) - shift
    kind = plain[h]
    header = 12 if kind in (0x02, 0x05) else 8
    cells = _u16(plain, h + 3)
    content = _u16(plain, h + 5) or 65536
    gap_start = h + header + 2 * cells
    gap_end = min(content - shift, len(plain))
    # SQLite leaves the pointers of removed cells after the live pointer array (it only lowers
    # the count): skip 2-byte words that are page offsets; everything after must be zero.
    while gap_start + 2 <= gap_end and 0 < _u16(plain, gap_start) < PAGE_SIZE:
        gap_start += 2
    if gap_end > gap_start and any(plain[gap_start:gap_end]):
        return True
    block, seen = _u16(plain, h + 1), 0
    while block and seen < 1000:                    # a freeblock: next (2), size (2), then free bytes
        at = block - shift
        if at < 0 or at + 4 > len(plain):
            return True
        size = _u16(plain, at + 2)
        if any(plain[at + 4:at + size]):
            return True
        block, seen = _u16(plain, at), seen + 1
    return False


def free_space_report(path: Path, db_key: bytes) -> FreeSpaceReport:
    """Decrypt every page here and check that free pages and free space inside pages are zero."""
    report = FreeSpaceReport()
    pages = dict(decrypted_pages(path, db_key))
    total = path.stat().st_size // PAGE_SIZE
    report.pages = total
    if len(pages) != total or 1 not in pages:
        report.unreadable = True
        return report
    page1 = pages[1]
    trunk = _u32(page1, 32 - SALT_BYTES)
    free: set[int] = set()
    while trunk and trunk in pages and trunk not in free:
        free.add(trunk)
        plain = pages[trunk]
        count = _u32(plain, 4)
        leaves = [_u32(plain, 8 + 4 * i) for i in range(min(count, (len(plain) - 8) // 4))]
        free.update(leaves)
        # Like cell pointers, leaf numbers handed out again stay after the live list: skip
        # 4-byte words that are page numbers of this file; everything after must be zero.
        at = 8 + 4 * count
        while at + 4 <= len(plain) and 0 < _u32(plain, at) <= total:
            at += 4
        if any(plain[at:]):
            report.dirty_free_pages.append(trunk)
        for leaf in leaves:
            if leaf in pages and any(pages[leaf]):
                report.dirty_free_pages.append(leaf)
        trunk = _u32(plain, 0)
    report.free_pages = len(free)
    for page_no, plain in pages.items():
        if page_no in free:
            continue
        kind = plain[(100 - SALT_BYTES) if page_no == 1 else 0]
        if kind in _BTREE_TYPES:
            report.btree_pages += 1
            if _btree_free_bytes_dirty(plain, page_no):
                report.dirty_btree_pages.append(page_no)
        else:
            report.other_pages += 1
    return report
