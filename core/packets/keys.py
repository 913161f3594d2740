"""Device keys (Ed25519), age identities and recipients (X25519), fingerprints and their words.

Keys are made on first use and kept only inside the encrypted vault. Text forms and
fingerprints are defined in docs/packet-format.md §6.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from core.errors import InvalidInput, Msg
from core.packets.format import DEVICE_KEY_PREFIX, FINGERPRINT_WORDS
from core.vault.db import Vault
from core.vault.keys import DeviceKeyRepo, Recipient, RecipientRepo

log = logging.getLogger(__name__)

KIND_DEVICE = "ed25519"
KIND_AGE = "age"
_WORDLIST = Path(__file__).with_name("wordlist.txt")
_BITS_PER_WORD = 11


# --- text forms and fingerprints ------------------------------------------------------------
def encode_device_key(raw: bytes) -> str:
    return DEVICE_KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def decode_device_key(text: str) -> bytes:
    """The raw 32 bytes of a device public key in its text form; InvalidInput otherwise."""
    text = text.strip()
    if not text.startswith(DEVICE_KEY_PREFIX):
        raise InvalidInput(Msg("packets.not_confidant_device_key"),
                           Msg("packets.not_confidant_device_key.hint", device_key_prefix=DEVICE_KEY_PREFIX))
    try:
        raw = base64.b64decode(text[len(DEVICE_KEY_PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise InvalidInput(Msg("packets.device_key_damaged"), Msg("packets.device_key_damaged.hint"))
    return raw


def find_key_line(text: str, prefix: str) -> list[str]:
    """Lines of ``text`` that start with ``prefix`` (comments and blanks are skipped)."""
    lines = [ln.strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#") and ln.lower().startswith(prefix)]


def fingerprint(public_key: str) -> str:
    """SHA-256 fingerprint (64 hex) of a device key or an age recipient, per spec §6."""
    key = public_key.strip()
    if key.startswith(DEVICE_KEY_PREFIX):
        return hashlib.sha256(decode_device_key(key)).hexdigest()
    if key.lower().startswith("age1"):
        return hashlib.sha256(key.lower().encode("ascii")).hexdigest()
    raise InvalidInput(Msg("packets.neither_device_key_nor"),
                       Msg("packets.neither_device_key_nor.hint"))


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    words = tuple(w.strip() for w in _WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip())
    assert len(words) == 2 ** _BITS_PER_WORD, "wordlist.txt must hold 2048 words"
    return words


def words_for_fingerprint(fpr_hex: str) -> str:
    """The spoken form of a fingerprint: its first 88 bits as 8 words (spec §6)."""
    bits = FINGERPRINT_WORDS * _BITS_PER_WORD
    value = int.from_bytes(bytes.fromhex(fpr_hex), "big") >> (len(fpr_hex) * 4 - bits)
    words = _words()
    out = [words[(value >> (_BITS_PER_WORD * (FINGERPRINT_WORDS - 1 - i))) & 0x7FF]
           for i in range(FINGERPRINT_WORDS)]
    return " ".join(out)


def fingerprint_words(public_key: str) -> str:
    """Words to read aloud over the phone to confirm a key (8 words, 88 bits)."""
    return words_for_fingerprint(fingerprint(public_key))


# --- this vault's device key ----------------------------------------------------------------
def _device_secret(vault: Vault) -> Ed25519PrivateKey:
    repo = DeviceKeyRepo(vault)
    stored = repo.get(KIND_DEVICE)
    if stored is None:
        key = Ed25519PrivateKey.generate()
        raw_public = key.public_key().public_bytes_raw()
        public = encode_device_key(raw_public)
        stored = repo.create_once(KIND_DEVICE, base64.b64encode(key.private_bytes_raw()).decode(),
                                  public, hashlib.sha256(raw_public).hexdigest())
        log.info("device key ready")
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored.secret))


def device_public_key(vault: Vault) -> str:
    """This vault's device public key in text form (made on first use)."""
    return encode_device_key(_device_secret(vault).public_key().public_bytes_raw())


def device_fingerprint(vault: Vault) -> str:
    return fingerprint(device_public_key(vault))


def sign(vault: Vault, data: bytes) -> bytes:
    """Ed25519 signature of ``data`` with this vault's device key."""
    return _device_secret(vault).sign(data)


def verify_signature(public_key: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(decode_device_key(public_key)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- age identity (coordinator vaults) and recipients ---------------------------------------
def age_identity(vault: Vault) -> str:
    """This vault's X25519 age identity (AGE-SECRET-KEY-1…), made on first use."""
    from pyrage import x25519
    repo = DeviceKeyRepo(vault)
    stored = repo.get(KIND_AGE)
    if stored is None:
        identity = x25519.Identity.generate()
        public = str(identity.to_public())
        stored = repo.create_once(KIND_AGE, str(identity), public, fingerprint(public))
    return stored.secret


def age_recipient(vault: Vault) -> str:
    """The public age recipient ("age1…") of this vault's identity."""
    from pyrage import x25519
    return str(x25519.Identity.from_str(age_identity(vault)).to_public())


# Key and recipient files are a few lines; anything larger is not one (and /dev/zero is not).
MAX_KEY_FILE_BYTES = 64 * 1024


def read_key_file(path: str | Path) -> str:
    """The text of a key or recipient file someone handed over: a regular file of at most
    ``MAX_KEY_FILE_BYTES``, UTF-8; OSError or UnicodeDecodeError otherwise (callers word it)."""
    import os
    import stat
    with open(path, "rb", buffering=0) as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(f"{path} is not a regular file")
        data = fh.read(MAX_KEY_FILE_BYTES + 1)
    if len(data) > MAX_KEY_FILE_BYTES:
        raise OSError(f"{path} is too large for a key file")
    return data.decode("utf-8")


def parse_recipient(text_or_path: str | Path) -> str:
    """The one age recipient in pasted text or in a recipient file; InvalidInput otherwise."""
    from pyrage import RecipientError, x25519
    text = str(text_or_path).strip()
    if _looks_like_path(text):
        path = Path(text)
        try:
            text = read_key_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(Msg("packets.neither_age_recipient_nor"),
                               Msg("packets.neither_age_recipient_nor.hint")) from exc
    found = find_key_line(text, "age1")
    if not found:
        raise InvalidInput(Msg("packets.no_age_recipient_line"),
                           Msg("packets.no_age_recipient_line.hint"))
    if len(set(found)) > 1:
        raise InvalidInput(Msg("packets.file_holds_more_one"),
                           Msg("packets.file_holds_more_one.hint"))
    try:
        return str(x25519.Recipient.from_str(found[0]))
    except RecipientError as exc:
        raise InvalidInput(Msg("packets.age_recipient_damaged"),
                           Msg("packets.age_recipient_damaged.hint")) from exc


def _looks_like_path(text: str) -> bool:
    if isinstance(text, str) and "\n" not in text and not text.lower().startswith("age1"):
        return True
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def add_recipient(vault: Vault, text_or_path: str | Path, label: str = "") -> Recipient:
    """Add a coordinator's age recipient (from pasted text or a file)."""
    recipient = parse_recipient(text_or_path)
    return RecipientRepo(vault).add(label, recipient, fingerprint(recipient))


def list_recipients(vault: Vault) -> list[Recipient]:
    return RecipientRepo(vault).list()


def read_recipient_file(path: str | Path) -> tuple[str, str]:
    """The recipient in a coordinator's file (coordinator.txt) and its fingerprint words, to
    check with the coordinator before it is added."""
    recipient = parse_recipient(Path(path))
    return recipient, words_for_fingerprint(fingerprint(recipient))


def remove_recipient(vault: Vault, recipient_id: int) -> None:
    """Stop sealing copies to this coordinator (copies already sent stay readable to them)."""
    RecipientRepo(vault).remove(recipient_id)


IDENTITY_WARNING = (
    "This file is the coordinator's secret key, not encrypted. Anyone who has it can open every "
    "packet sealed to this coordinator and read every interview in it.")
IDENTITY_HINT = ("Keep it on an encrypted disk, never e-mail or sync it, and delete it when the "
                 "review is done.")


def export_identity(vault: Vault, path: str | Path) -> Path:
    """Write this coordinator's age identity to a new file (0600) for `age -d -i FILE`.

    Refuses to overwrite a file, and records the export (fingerprint only) in the security log."""
    import datetime as dt

    from core.vault import auditlog
    from core.vault.files import write_output_file
    if vault.role != "coordinator":
        raise InvalidInput(Msg("packets.only_coordinator_vault_identity"),
                           Msg("packets.only_coordinator_vault_identity.hint"))
    path = Path(path)
    if path.exists():
        raise InvalidInput(Msg("packets.already_exists_identity_file", path=path),
                           Msg("packets.already_exists_identity_file.hint"))
    identity = age_identity(vault)
    recipient = age_recipient(vault)
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    text = (f"# Confidant coordinator age identity. SECRET: {IDENTITY_WARNING}\n"
            f"# created: {created}\n# public key: {recipient}\n{identity}\n")
    write_output_file(path, text.encode("ascii"))  # a temp file + rename: mode 0600 from mkstemp
    with vault.transaction() as conn:
        auditlog.append(conn, "identity_exported", {"fingerprint": fingerprint(recipient)})
    log.info("coordinator identity exported fingerprint=%s", fingerprint(recipient)[:16])
    return path
