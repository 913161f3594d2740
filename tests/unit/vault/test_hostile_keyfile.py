"""Hostile vault.json files (issue #22 item 12): every malformation is VaultCorrupt, parameters
are bounded, an edited file says so, and a removed recovery slot is refused."""

from __future__ import annotations

import json
import threading
import time

import pytest

from core.errors import KeyFileEdited, VaultCorrupt, WrongPassphrase
from core.vault import Vault
from core.vault.keyfile import MAX_KEYFILE_BYTES
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def made(vault_dir):
    v, code = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    v.close()
    return vault_dir, code


@pytest.fixture
def closed_vault(made):
    return made[0]


def _edit(folder, change) -> None:
    data = json.loads((folder / "vault.json").read_text())
    change(data)
    (folder / "vault.json").write_text(json.dumps(data))


def _open_within(folder, seconds: float = 10.0):
    out: dict = {}

    def run():
        try:
            out["vault"] = Vault.open(folder, PASSPHRASE)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "unlock hung"
    assert time.monotonic() - started < seconds
    if "vault" in out:
        out["vault"].close()
    return out.get("error")


@pytest.mark.parametrize("change", [
    lambda d: d["kdf"].update(time_cost=10**9),        # hung the unlock
    lambda d: d["kdf"].update(time_cost=2**40),        # OverflowError traceback
    lambda d: d["kdf"].update(parallelism=100_000),    # argon2 traceback
    lambda d: d["kdf"].update(memory_kib=2**40),
    lambda d: d["kdf"].update(parallelism=True),       # a bool is not a number here
    lambda d: d.update(wrapped_master_key="AAAA"),     # AttributeError
    lambda d: d["wrapped_master_key"].update(passphrase=["salt"]),
    lambda d: d["wrapped_master_key"]["passphrase"].update(salt=5),
    lambda d: d.update(kdf="argon2id"),
    lambda d: d.update(vault_id={"x": 1}),
    lambda d: d.update(vault_id="x" * 1000),
    lambda d: d["wrapped_master_key"]["passphrase"].update(bound_sha256=3),
])
def test_hostile_values_are_vault_corrupt_and_fast(closed_vault, change):
    _edit(closed_vault, change)
    err = _open_within(closed_vault)
    assert isinstance(err, VaultCorrupt) and err.hint, repr(err)


def test_deep_nesting_and_huge_files_are_vault_corrupt(closed_vault):
    path = closed_vault / "vault.json"
    path.write_text('{"format": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert isinstance(_open_within(closed_vault), VaultCorrupt)
    path.write_text(" " * (MAX_KEYFILE_BYTES + 10) + "{}")
    assert isinstance(_open_within(closed_vault), VaultCorrupt)


def test_an_edited_kdf_says_the_key_file_was_edited_without_running_it(closed_vault):
    _edit(closed_vault, lambda d: d["kdf"].update(time_cost=32, memory_kib=4 * 1024 * 1024))
    started = time.monotonic()
    err = _open_within(closed_vault)
    assert isinstance(err, KeyFileEdited) and time.monotonic() - started < 2
    assert not isinstance(err, WrongPassphrase)


def test_a_removed_recovery_slot_is_refused(closed_vault):
    _edit(closed_vault, lambda d: d["wrapped_master_key"].pop("recovery_code"))
    err = _open_within(closed_vault)
    assert isinstance(err, KeyFileEdited) and "recovery-code slot was removed" in err.user_message


def test_a_removed_recovery_slot_is_refused_even_with_recomputed_digests(closed_vault):
    # The digests are not secret: an editor who rewrites them passes the first check; the
    # database, which knows a recovery code was made, still refuses the key file.
    from core.vault.keyfile import KeyFile
    keyfile = KeyFile.load(closed_vault)
    keyfile.recovery_wrap = None
    keyfile.reseal_bounds()
    keyfile.save(closed_vault)
    err = _open_within(closed_vault)
    assert isinstance(err, KeyFileEdited) and "recovery-code slot" in err.user_message


def test_wrong_passphrase_is_still_wrong_passphrase(made):
    folder, code = made
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, "not the passphrase at all")
    with Vault.open_with_recovery_code(folder, code):
        pass


def test_an_older_key_file_without_digests_opens_and_gets_them(closed_vault):
    def strip(d):
        for wrap in d["wrapped_master_key"].values():
            wrap.pop("bound_sha256")
    _edit(closed_vault, strip)
    with Vault.open(closed_vault, PASSPHRASE):
        pass
    data = json.loads((closed_vault / "vault.json").read_text())
    assert all(len(w["bound_sha256"]) == 64 for w in data["wrapped_master_key"].values())
