"""vault.json: the plaintext key file that wraps the vault's master key.

Key hierarchy (docs/SECURITY.md): passphrase --Argon2id--> KEK_p; recovery code --Argon2id-->
KEK_r; each wraps the random 256-bit master key with AES-256-GCM. The associated data binds
the wrap to the format version, the vault id and the KDF parameters, so editing any of them
makes the unwrap fail instead of weakening it. Each wrap also records the SHA-256 of what it
is bound to, and of which slots exist, so an edited file says "the key file was edited" (and
a removed recovery slot is refused) instead of "wrong passphrase" — without a KDF run. The
file is hostile input until unwrapped: every malformation is ``VaultCorrupt``, parameters are
bounded both ways (a huge time_cost would hang the unlock, a huge parallelism crash it). Sub-keys (the SQLCipher key, ...) come from
the master key through HKDF-SHA256 with a named ``info`` each.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.errors import KeyFileEdited, Msg, VaultCorrupt, WrongPassphrase, WrongRecoveryCode
from core.vault.files import atomic_write

KEYFILE_NAME = "vault.json"
KEYFILE_FORMAT = "confidant-vault-key/1"
MASTER_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
# HKDF "info" labels: one per purpose, never reused.
INFO_DB_KEY = b"confidant/v1/sqlcipher-page-key"

# Chosen so one unlock takes about 0.5 s on a 2-core laptop (benchmarks/vault_bench.py).
DEFAULT_KDF = {"algorithm": "argon2id", "time_cost": 3, "memory_kib": 262144, "parallelism": 2}
# OWASP's floor (m=19 MiB, t=2, p=1); the audit warns below it and the loader refuses far below.
MIN_MEMORY_KIB = 19456
MIN_TIME_COST = 1
# Upper bounds: far above any setting we write (and the audit's advice), low enough that an
# edited file cannot hang the unlock (time_cost 10^9) or crash it (parallelism 100000).
MAX_TIME_COST = 32
MAX_PARALLELISM = 16
MAX_MEMORY_KIB = 4 * 1024 * 1024
# vault.json is under 2 KB; anything far larger is not a key file.
MAX_KEYFILE_BYTES = 64 * 1024
SLOT_NAMES = {"passphrase": "passphrase", "recovery": "recovery_code"}  # AAD slot -> JSON key

# Crockford base32 without I, L, O, U: easy to read aloud and write by hand.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5  # 30 symbols x 5 bits = 150 bits


def _damaged() -> VaultCorrupt:
    return VaultCorrupt(
        Msg("vault.vault_key_file_vault_2"),
        Msg("vault.vault_key_file_vault_2.hint"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_kek(secret: str, salt: bytes, params: dict[str, Any]) -> bytes:
    """Derive a key-encryption key from a passphrase or recovery code (Argon2id)."""
    return hash_secret_raw(
        secret=secret.encode("utf-8"),
        salt=salt,
        time_cost=int(params["time_cost"]),
        memory_cost=int(params["memory_kib"]),
        parallelism=int(params["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def derive_subkey(master_key: bytes, info: bytes, salt: bytes = b"") -> bytes:
    """Derive a 256-bit key for one named purpose from the master key (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt or None, info=info).derive(master_key)


def new_recovery_code() -> str:
    symbols = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(symbols[i:i + RECOVERY_GROUP_LEN] for i in range(0, len(symbols), RECOVERY_GROUP_LEN))


def normalise_recovery_code(code: str) -> str:
    """Accept what people type: any case, spaces or dashes, O for 0 and I/L for 1."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(cleaned[i:i + RECOVERY_GROUP_LEN] for i in range(0, len(cleaned), RECOVERY_GROUP_LEN))


@dataclass
class Wrap:
    """The master key sealed under one KEK."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    bound_sha256: str = ""  # SHA-256 of the AAD and the slot list when sealed ("" in older files)

    def to_json(self) -> dict[str, str]:
        out = {"salt": _b64(self.salt), "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)}
        if self.bound_sha256:
            out["bound_sha256"] = self.bound_sha256
        return out

    @classmethod
    def from_json(cls, data: Any) -> Wrap:
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("salt", "nonce", "ciphertext")):
            raise ValueError("wrap fields")
        bound = data.get("bound_sha256", "")
        if not isinstance(bound, str) or (bound and len(bound) != 64):
            raise ValueError("bound_sha256")
        wrap = cls(_unb64(data["salt"]), _unb64(data["nonce"]), _unb64(data["ciphertext"]), bound)
        # Exact sizes: a shortened salt or nonce must be "damaged", never a weaker unwrap.
        if (len(wrap.salt), len(wrap.nonce), len(wrap.ciphertext)) != (
                SALT_BYTES, NONCE_BYTES, MASTER_KEY_BYTES + 16):
            raise ValueError("wrap sizes")
        return wrap


@dataclass
class KeyFile:
    vault_id: str
    kdf: dict[str, Any]
    passphrase_wrap: Wrap
    recovery_wrap: Wrap | None
    created_at: str
    extra: dict[str, Any] = field(default_factory=dict)

    # --- wrapping ---------------------------------------------------------------------
    def _aad(self, slot: str) -> bytes:
        bound = {"format": KEYFILE_FORMAT, "vault_id": self.vault_id, "kdf": self.kdf, "slot": slot}
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()

    def _bound(self, slot: str, slots: list[str]) -> str:
        """What a wrap was sealed against: its AAD plus the slots the file holds."""
        return hashlib.sha256(self._aad(slot) + b"\nslots=" + ",".join(sorted(slots)).encode()).hexdigest()

    def _slots(self) -> list[str]:
        return ["passphrase"] + (["recovery"] if self.recovery_wrap is not None else [])

    def _seal(self, secret: str, master_key: bytes, slot: str) -> Wrap:
        salt = os.urandom(SALT_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        kek = derive_kek(secret, salt, self.kdf)
        return Wrap(salt, nonce, AESGCM(kek).encrypt(nonce, master_key, self._aad(slot)))

    def reseal_bounds(self) -> None:
        """Record in every wrap what it is bound to (after the slots are final)."""
        slots = ["passphrase", "recovery"]
        for slot, wrap in (("passphrase", self.passphrase_wrap), ("recovery", self.recovery_wrap)):
            if wrap is not None:
                wrap.bound_sha256 = self._bound(slot, slots if self.recovery_wrap is not None else ["passphrase"])

    def check_bounds(self) -> None:
        """KeyFileEdited if a bound value or the slot list changed since sealing (no KDF run)."""
        for slot, wrap in (("passphrase", self.passphrase_wrap), ("recovery", self.recovery_wrap)):
            if wrap is None or not wrap.bound_sha256:
                continue
            if wrap.bound_sha256 == self._bound(slot, self._slots()):
                continue
            if self.recovery_wrap is None and wrap.bound_sha256 == self._bound(slot, ["passphrase", "recovery"]):
                raise KeyFileEdited(Msg("vault.vault_key_file_vault"))
            raise KeyFileEdited()

    def _open(self, wrap: Wrap, secret: str, slot: str) -> bytes | None:
        self.check_bounds()
        kek = derive_kek(secret, wrap.salt, self.kdf)
        try:
            return AESGCM(kek).decrypt(wrap.nonce, wrap.ciphertext, self._aad(slot))
        except InvalidTag:
            return None

    def set_passphrase(self, passphrase: str, master_key: bytes) -> None:
        self.passphrase_wrap = self._seal(passphrase, master_key, "passphrase")
        self.reseal_bounds()

    def set_recovery_code(self, code: str, master_key: bytes) -> None:
        self.recovery_wrap = self._seal(normalise_recovery_code(code), master_key, "recovery")
        self.reseal_bounds()

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        key = self._open(self.passphrase_wrap, passphrase, "passphrase")
        if key is None:
            raise WrongPassphrase()
        return key

    def unwrap_with_recovery_code(self, code: str) -> bytes:
        if self.recovery_wrap is None:
            raise WrongRecoveryCode(Msg("vault.vault_no_recovery_code"), Msg("vault.vault_no_recovery_code.hint"))
        key = self._open(self.recovery_wrap, normalise_recovery_code(code), "recovery")
        if key is None:
            raise WrongRecoveryCode()
        return key

    # --- (de)serialisation ------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": KEYFILE_FORMAT,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "kdf": self.kdf,
            "cipher": "aes-256-gcm",
            "db_key": {"kdf": "hkdf-sha256", "info": INFO_DB_KEY.decode(), "salt": "vault_id"},
            "wrapped_master_key": {"passphrase": self.passphrase_wrap.to_json()},
        }
        if self.recovery_wrap is not None:
            data["wrapped_master_key"]["recovery_code"] = self.recovery_wrap.to_json()
        data.update(self.extra)
        return data

    @classmethod
    def from_json(cls, data: Any) -> KeyFile:
        try:
            return cls._from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            raise _damaged() from exc

    @classmethod
    def _from_json(cls, data: Any) -> KeyFile:
        if not isinstance(data, dict) or data.get("format") != KEYFILE_FORMAT:
            raise ValueError("format")
        if not isinstance(data.get("kdf"), dict) or not isinstance(data.get("wrapped_master_key"), dict):
            raise TypeError("structure")
        kdf = dict(data["kdf"])
        if kdf.get("algorithm") != "argon2id":
            raise ValueError("kdf")
        for name in ("time_cost", "memory_kib", "parallelism"):
            value = kdf.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(name)
        if not MIN_MEMORY_KIB // 4 <= kdf["memory_kib"] <= MAX_MEMORY_KIB:
            raise ValueError("memory")
        if kdf["time_cost"] > MAX_TIME_COST or kdf["parallelism"] > MAX_PARALLELISM:
            raise ValueError("kdf bounds")
        vault_id, created = data.get("vault_id"), data.get("created_at", "")
        if not isinstance(vault_id, str) or not 0 < len(vault_id) <= 64 or not isinstance(created, str):
            raise ValueError("vault_id")
        wraps = data["wrapped_master_key"]
        rec = wraps.get("recovery_code")
        known = {"format", "vault_id", "created_at", "kdf", "cipher", "db_key", "wrapped_master_key"}
        return cls(
            vault_id=vault_id,
            kdf=kdf,
            passphrase_wrap=Wrap.from_json(wraps["passphrase"]),
            recovery_wrap=Wrap.from_json(rec) if rec is not None else None,
            created_at=created,
            extra={k: v for k, v in data.items() if k not in known},
        )

    @classmethod
    def load(cls, folder: Path) -> KeyFile:
        path = folder / KEYFILE_NAME
        try:
            with open(path, "rb", buffering=0) as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    raise _damaged()
                raw = fh.read(MAX_KEYFILE_BYTES + 1)
        except OSError as exc:
            raise VaultCorrupt(Msg("vault.vault_key_file_vault_3"),
                               Msg("vault.vault_key_file_vault_3.hint")) from exc
        if len(raw) > MAX_KEYFILE_BYTES:
            raise _damaged()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise _damaged() from exc
        return cls.from_json(data)

    def save(self, folder: Path) -> None:
        """Write atomically: temp file in the same folder, fsync, rename, fsync the folder."""
        atomic_write(folder / KEYFILE_NAME, (json.dumps(self.to_json(), indent=2) + "\n").encode())
