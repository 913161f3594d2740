"""The payload's plaintext: a reproducible zip with a manifest (spec §5), built and checked.

``unpack`` treats its input as hostile: member names, compression methods, sizes (declared
and actual) and hashes are checked before anything is returned.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from typing import Any

from core.documents.interview import INTERVIEW_FORMAT, InterviewDoc, InvalidInterviewDoc
from core.errors import Msg
from core.packets.format import (
    MANIFEST_FORMAT,
    MAX_FILE_LEN,
    MAX_FILES,
    MAX_UNZIPPED_LEN,
    MAX_WITHDRAWN,
    REQUIRED_FILES,
    WITHDRAWAL_FORMAT,
    reject,
)

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# interview.json and manifest.json nest four levels deep; anything past this is hostile, and a
# deep document must not reach code that recurses over it (json, reportlab, the inbox).
MAX_JSON_DEPTH = 32
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def build_manifest(files: dict[str, bytes], packet_id: str, supersedes: str | None) -> bytes:
    listing = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
               for name, data in sorted(files.items())}
    doc = {"format": MANIFEST_FORMAT, "packet_id": packet_id, "supersedes": supersedes, "files": listing}
    return json.dumps(doc, indent=1, sort_keys=True).encode("utf-8")


def pack(files: dict[str, bytes], packet_id: str, supersedes: str | None) -> bytes:
    """A reproducible zip of ``files`` plus manifest.json (sorted, fixed timestamps)."""
    for name in files:
        if not _NAME_RE.match(name) or name == "manifest.json":
            raise ValueError(f"bad payload file name {name!r}")
    members = dict(files)
    members["manifest.json"] = build_manifest(files, packet_id, supersedes)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zf.writestr(info, members[name], compresslevel=6)
    return buf.getvalue()


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Read one byte past the limit: a member that lies about its size is caught here.
    with zf.open(info) as fh:
        data = fh.read(MAX_FILE_LEN + 1)
    if len(data) > MAX_FILE_LEN:
        raise reject("oversized", Msg("packets.too_large", filename=info.filename))
    return data


def unpack(plaintext: bytes, required: tuple[str, ...] = REQUIRED_FILES) -> dict[str, bytes]:
    """Spec §7 steps 12–14: the checked members of the payload zip (``required``: per kind)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(plaintext))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        # NotImplementedError: a central directory claiming a zip version Python cannot read
        # (found by benchmarks/faults/fuzz_inputs.py)
        raise reject("malformed", Msg("packets.sealed_contents_not_zip")) from None
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise reject("malformed", Msg("packets.file_appears_twice"))
    for info in infos:
        if not _NAME_RE.match(info.filename):
            raise reject("malformed", Msg("packets.file_name_not_allowed"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise reject("malformed", Msg("packets.file_compressed_encrypted_way"))
    missing = [n for n in required if n not in names]
    if missing:
        raise reject("malformed", Msg("packets.missing", missing=', '.join(missing)))
    if len(infos) > MAX_FILES:
        raise reject("oversized", Msg("packets.files", count=len(infos)))
    if any(i.file_size > MAX_FILE_LEN for i in infos) or sum(i.file_size for i in infos) > MAX_UNZIPPED_LEN:
        raise reject("oversized", Msg("packets.files_inside_too_large"))
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        try:
            data = _read_member(zf, info)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
            raise reject("malformed", Msg("packets.file_cannot_read", filename=info.filename)) from None
        total += len(data)
        if total > MAX_UNZIPPED_LEN:
            raise reject("oversized", Msg("packets.files_inside_too_large"))
        files[info.filename] = data
    return files


def json_depth(doc: Any) -> int:
    """How deeply lists and objects nest in a parsed JSON value (iterative: no recursion)."""
    deepest, stack = 0, [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def load_json_member(data: bytes) -> Any:
    """A payload member parsed as JSON; ValueError if it cannot be read or nests too deeply."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested past the C parser's limit
        raise ValueError("unreadable JSON") from exc
    if json_depth(doc) > MAX_JSON_DEPTH:
        raise ValueError("JSON nested too deeply")
    return doc


def check_manifest(files: dict[str, bytes], packet_id: str, supersedes: str | None) -> dict[str, Any]:
    """Spec §7 step 14; returns the parsed manifest."""
    try:
        manifest = load_json_member(files["manifest.json"])
    except ValueError:
        raise reject("manifest_mismatch", Msg("packets.manifest_json_cannot_read")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise reject("manifest_mismatch", Msg("packets.manifest_json_wrong_format"))
    if manifest.get("packet_id") != packet_id or manifest.get("supersedes") != supersedes:
        raise reject("manifest_mismatch", Msg("packets.contents_belong_different_packet"))
    listing = manifest.get("files")
    others = {n for n in files if n != "manifest.json"}
    if not isinstance(listing, dict) or set(listing) != others:
        raise reject("manifest_mismatch", Msg("packets.list_files_not_match"))
    for name in sorted(others):
        entry = listing[name]
        data = files[name]
        if (not isinstance(entry, dict) or entry.get("size") != len(data)
                or entry.get("sha256") != hashlib.sha256(data).hexdigest()):
            raise reject("manifest_mismatch", Msg("packets.differs_listed_hash", name=name))
    return manifest


def check_interview(files: dict[str, bytes], packet_id: str, supersedes: str | None
                    ) -> tuple[InterviewDoc, dict[str, Any]]:
    """Spec §7 steps 15–16; returns interview.json typed (and as decoded, for the audit)."""
    try:
        doc = load_json_member(files["interview.json"])
    except ValueError:
        raise reject("malformed", Msg("packets.interview_json_cannot_read")) from None
    if not isinstance(doc, dict) or doc.get("format") != INTERVIEW_FORMAT:
        raise reject("malformed", Msg("packets.interview_json_wrong_format"))
    if doc.get("packet_id") != packet_id or doc.get("supersedes") != supersedes:
        raise reject("manifest_mismatch", Msg("packets.interview_json_belongs_different"))
    try:
        return InterviewDoc.from_json(doc), doc
    except InvalidInterviewDoc as exc:
        raise reject("bad_interview", "; ".join(exc.problems)) from None


def check_withdrawal(files: dict[str, bytes], notice_id: str) -> dict[str, Any]:
    """Spec §11 step 15 for a withdrawal notice; returns withdrawal.json as a dict."""
    try:
        doc = load_json_member(files["withdrawal.json"])
    except ValueError:
        raise reject("malformed", Msg("packets.withdrawal_json_cannot_read")) from None
    if not isinstance(doc, dict) or doc.get("format") != WITHDRAWAL_FORMAT:
        raise reject("malformed", Msg("packets.withdrawal_json_wrong_format"))
    if doc.get("notice_id") != notice_id:
        raise reject("manifest_mismatch", Msg("packets.withdrawal_json_belongs_different"))
    ids = doc.get("withdraws")
    if (not isinstance(ids, list) or not 0 < len(ids) <= MAX_WITHDRAWN
            or not all(isinstance(i, str) and re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
            or len(set(ids)) != len(ids) or notice_id in ids):
        raise reject("malformed", Msg("packets.withdrawal_json_not_list"))
    return doc
