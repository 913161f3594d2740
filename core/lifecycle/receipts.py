"""Signed receipts: the coordinator says which packets it received; the researcher's app reads them.

A receipts file (``.crcpt``, decision 0137) is text, like a study file::

    CONFIDANT-RECEIPTS/1
    signer: confidant-device-key:…      (the coordinator vault's Ed25519 device key)
    signature: <base64 Ed25519 over SIGNATURE_CONTEXT + body>

    {"format": "confidant-receipts/1", "device": "<researcher device fingerprint>",
     "made_at": "…", "packets": [{"packet_id": "…", "status": "imported", "received_at": "…"}]}

One file per researcher device (``confidant-receipts-<fingerprint[:16]>.crcpt``), rewritten
whole each time, so a shared synced folder always holds the latest list and sync is two-way
with no server. It names packet ids and dates only — what the packet files in the same folder
already show. A researcher accepts a file only if it is signed by a coordinator it trusts (the
study's signer, or a key added with ``confidant receipts trust``) and is addressed to its device.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import CoreError, InvalidInput, Msg
from core.packets import keys
from core.vault import Vault
from core.vault.db import now_iso
from core.vault.files import write_output_file

log = logging.getLogger(__name__)

MAGIC_LINE = "CONFIDANT-RECEIPTS/1"
BODY_FORMAT = "confidant-receipts/1"
SIGNATURE_CONTEXT = b"confidant-receipts/v1 signature\n"
SUFFIX = ".crcpt"
MAX_FILE_BYTES = 4 * 1024 * 1024
SETTING_TRUSTED = "receipts.trusted_signers"   # JSON list of coordinator device keys
SETTING_FOLDER = "receipts.folder"             # a synced folder to read receipts from
STUDY_SIGNER = "study.signer"                  # core/study/format.py KEY_STUDY_SIGNER
_STATUSES = ("imported", "superseded", "withdrawn")


class ReceiptRejected(CoreError):
    user_message = "This receipts file was not accepted."
    hint = "Ask your coordinator for a new one."

    def __init__(self, reason: str | Msg, hint: str | Msg = "") -> None:
        super().__init__(Msg("lifecycle.receipts_rejected", reason=reason), hint or self.hint)


@dataclass(frozen=True)
class Receipt:
    packet_id: str
    status: str
    received_at: str


@dataclass(frozen=True)
class ImportedReceipts:
    files: int
    matched: int          # receipts for packets this vault sent
    ignored: int          # for packets this vault does not know (another device's, or deleted)


# --- coordinator: writing -------------------------------------------------------------------
def file_name(device_fingerprint: str) -> str:
    return f"confidant-receipts-{device_fingerprint[:16]}{SUFFIX}"


def encode(vault: Vault, device_fingerprint: str, receipts: list[Receipt]) -> bytes:
    body = json.dumps({"format": BODY_FORMAT, "device": device_fingerprint, "made_at": now_iso(),
                       "packets": [r.__dict__ for r in receipts]}, sort_keys=True, indent=1).encode()
    signature = keys.sign(vault, SIGNATURE_CONTEXT + body)
    head = (f"{MAGIC_LINE}\nsigner: {keys.device_public_key(vault)}\n"
            f"signature: {base64.b64encode(signature).decode('ascii')}\n\n")
    return head.encode("ascii") + body


def receipts_by_device(vault: Vault) -> dict[str, list[Receipt]]:
    """What this coordinator vault has received, per sending device (quarantined packets excluded)."""
    out: dict[str, list[Receipt]] = {}
    rows = vault.conn.execute(
        "SELECT device_fingerprint, packet_id, status, received_at FROM packets_received"
        " WHERE status IN ('imported', 'superseded') ORDER BY received_at, packet_id").fetchall()
    for fpr, pid, status, at in rows:
        out.setdefault(fpr, []).append(Receipt(pid, status, at))
    for fpr, pid, at in vault.conn.execute(
            "SELECT device_fingerprint, packet_id, withdrawn_at FROM withdrawals ORDER BY id"):
        out.setdefault(fpr, []).append(Receipt(pid, "withdrawn", at))
    return out


def write_receipts(vault: Vault, out_dir: str | Path) -> list[Path]:
    """Write (or rewrite) one signed receipts file per device that sent packets; returns the paths."""
    if vault.role != "coordinator":
        raise InvalidInput(Msg("lifecycle.only_coordinator_vault_writes"),
                           Msg("lifecycle.only_coordinator_vault_writes.hint"))
    folder = Path(out_dir)
    if not folder.is_dir():
        raise InvalidInput(Msg("lifecycle.folder_not_exist", folder=folder), Msg("lifecycle.folder_not_exist_2.hint"))
    paths = []
    by_device = receipts_by_device(vault)
    for fpr, receipts in sorted(by_device.items()):
        paths.append(write_output_file(folder / file_name(fpr), encode(vault, fpr, receipts)))
    vault.audit("receipts_written", {"files": len(paths), "packets": sum(len(r) for r in by_device.values())})
    return paths


def receipts_on_result(vault: Vault, out_dir: Path, then: Any = None) -> Any:
    """An ``on_result`` for the watch job: after each new import, rewrite the receipts files."""
    def on_result(result: Any) -> None:
        if then is not None:
            then(result)
        if getattr(result, "verdict", "") in ("imported", "superseded", "withdrawn"):
            try:
                write_receipts(vault, out_dir)
            except CoreError as exc:   # a receipts folder gone must not stop the import loop
                log.warning("receipts not written: %s", exc.user_message)
    return on_result


# --- researcher: reading ----------------------------------------------------------------------
def trusted_signers(vault: Vault) -> list[str]:
    signers = json.loads(vault.get_setting(SETTING_TRUSTED, "[]") or "[]")
    study = vault.get_setting(STUDY_SIGNER)
    return [*([study] if study else []), *signers]


def trust_signer(vault: Vault, text_or_path: str | Path) -> str:
    """Trust receipts signed by this coordinator device key (a key line, or a key file's path)."""
    text = str(text_or_path)
    path = Path(text)
    if not text.startswith(keys.DEVICE_KEY_PREFIX) and path.is_file():
        try:  # a key file is a few lines: bounded, regular files only (issue #22)
            content = keys.read_key_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(Msg("lifecycle.not_coordinator_key_file", path_name=path.name),
                               Msg("lifecycle.not_coordinator_key_file.hint")) from exc
        found = keys.find_key_line(content, keys.DEVICE_KEY_PREFIX)
        text = found[0] if found else ""
    keys.decode_device_key(text)
    current = json.loads(vault.get_setting(SETTING_TRUSTED, "[]") or "[]")
    if text not in current:
        vault.set_setting(SETTING_TRUSTED, json.dumps([*current, text]))
        vault.audit("receipt_signer_trusted", {"signer": keys.fingerprint(text)})
    return keys.fingerprint_words(text)


def decode(data: bytes) -> tuple[str, dict[str, Any]]:
    """(signer key, body) of a receipts file whose signature holds; ReceiptRejected otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise ReceiptRejected(Msg("lifecycle.larger_receipts_file_can"))
    head, sep, body = data.partition(b"\n\n")
    lines = head.split(b"\n")
    if not sep or len(lines) != 3 or lines[0] != MAGIC_LINE.encode():
        raise ReceiptRejected(Msg("lifecycle.not_confidant_receipts_file"))
    try:
        signer = lines[1].decode("ascii").removeprefix("signer: ")
        signature = base64.b64decode(lines[2].decode("ascii").removeprefix("signature: "), validate=True)
        keys.decode_device_key(signer)
    except (UnicodeDecodeError, binascii.Error, CoreError) as exc:
        raise ReceiptRejected(Msg("lifecycle.signature_lines_damaged")) from exc
    if not keys.verify_signature(signer, signature, SIGNATURE_CONTEXT + body):
        raise ReceiptRejected(Msg("lifecycle.signature_not_match_changed"))
    try:
        doc = json.loads(body.decode("utf-8"))
        if doc.get("format") != BODY_FORMAT or not isinstance(doc.get("packets"), list):
            raise ValueError("format")
    except (UnicodeDecodeError, ValueError, RecursionError, AttributeError) as exc:
        raise ReceiptRejected(Msg("lifecycle.contents_damaged")) from exc
    return signer, doc


def receipt_files(paths: list[str | Path]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        out += sorted(p.glob(f"*{SUFFIX}")) if p.is_dir() else [p]
    return out


def import_receipts(vault: Vault, paths: list[str | Path], *, quiet_foreign: bool = False) -> ImportedReceipts:
    """Read receipts files (or folders of them) addressed to this device; store those for our packets.

    ``quiet_foreign``: skip files for other devices silently (a shared folder holds everyone's).
    """
    device = keys.device_fingerprint(vault)
    trusted = trusted_signers(vault)
    sent = {r[0] for r in vault.conn.execute("SELECT packet_id FROM packets_sent")}
    files = matched = ignored = 0
    rows: list[tuple[str, str, str, str]] = []
    for path in receipt_files(paths):
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ReceiptRejected(Msg("lifecycle.cannot_read_2", path_name=path.name)) from exc
        signer, doc = decode(data)
        if doc.get("device") != device:
            if quiet_foreign:
                continue
            raise ReceiptRejected(Msg("lifecycle.addressed_another_device"),
                                  Msg("lifecycle.addressed_another_device.hint"))
        if signer not in trusted:
            raise ReceiptRejected(
                Msg("lifecycle.signed_coordinator_vault_not"),
                Msg("lifecycle.signed_coordinator_vault_not.hint"))
        files += 1
        signer_fpr = keys.fingerprint(signer)
        for item in doc["packets"]:
            pid, status, at = (str(item.get("packet_id", "")), str(item.get("status", "")),
                               str(item.get("received_at", "")))
            if pid in sent and status in _STATUSES:
                rows.append((pid, signer_fpr, status, at))
                matched += 1
            else:
                ignored += 1
    if rows:
        now = now_iso()
        with vault.transaction() as conn:
            conn.executemany(
                "INSERT INTO receipts (packet_id, signer_fingerprint, status, received_at, imported_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT(packet_id, signer_fingerprint) DO UPDATE SET"
                " status = excluded.status, received_at = excluded.received_at", [(*r, now) for r in rows])
    if files:
        vault.audit("receipts_imported", {"files": files, "packets": matched})
    log.info("receipts imported files=%d matched=%d ignored=%d", files, matched, ignored)
    return ImportedReceipts(files, matched, ignored)


@dataclass(frozen=True)
class ShareStatus:
    """Where an interview's latest packet is: not shared, sent, or received on a date."""

    sent_at: str = ""
    received_at: str = ""
    status: str = ""          # '' | imported | superseded | withdrawn

    def message(self) -> Msg | None:
        """Where the interview's copy is, in words (None: no copy saved)."""
        if self.received_at:
            return Msg("receipts.received", day=self.received_at[:10])
        if self.sent_at:
            return Msg("receipts.sent", day=self.sent_at[:10])
        return None

    def sentence(self) -> str:
        """``message`` in English ('' when there is none)."""
        msg = self.message()
        return msg.render() if msg else ""


def share_status(vault: Vault, interview_id: str) -> ShareStatus:
    row = vault.conn.execute(
        "SELECT p.packet_id, p.created_at, r.received_at, r.status FROM packets_sent p"
        " LEFT JOIN receipts r ON r.packet_id = p.packet_id WHERE p.interview_id = ?"
        " ORDER BY p.created_at DESC, p.rowid DESC, r.received_at LIMIT 1", (interview_id,)).fetchone()
    if row is None:
        return ShareStatus()
    return ShareStatus(row[1], row[2] or "", row[3] or "")


def import_from_folder(vault: Vault) -> ImportedReceipts | None:
    """Read the chosen synced folder's receipts, if a folder was chosen and exists."""
    folder = vault.get_setting(SETTING_FOLDER)
    if not folder or not Path(folder).is_dir():
        return None
    return import_receipts(vault, [folder], quiet_foreign=True)


def share_statuses(vault: Vault, *, read_folder: bool = True) -> dict[str, ShareStatus]:
    """{interview id: ShareStatus} for every interview that was shared.

    ``read_folder``: first read new receipts from the chosen synced folder (a bad file there is
    logged and skipped: the list of interviews must still show).
    """
    if read_folder:
        try:
            import_from_folder(vault)
        except CoreError as exc:
            log.warning("receipts folder not read: %s", exc.user_message)
    ids = [r[0] for r in vault.conn.execute("SELECT DISTINCT interview_id FROM packets_sent")]
    return {iid: share_status(vault, iid) for iid in ids}
