"""Device keys, age identities, recipients and spoken fingerprints."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from core.errors import InvalidInput
from core.packets import keys
from core.packets.format import DEVICE_KEY_PREFIX
from core.vault import auditlog

WORDLIST = Path(keys.__file__).with_name("wordlist.txt")


def test_wordlist_is_the_bip39_english_list():
    digest = hashlib.sha256(WORDLIST.read_bytes()).hexdigest()
    assert digest == "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"
    words = WORDLIST.read_text().split()
    assert len(words) == 2048 and len({w[:4] for w in words}) == 2048  # unambiguous by 4 letters


def test_device_key_is_made_once_and_kept(vault):
    first = keys.device_public_key(vault)
    assert first.startswith(DEVICE_KEY_PREFIX)
    assert keys.device_public_key(vault) == first
    events = [e for e in auditlog.entries(vault.conn) if e.event == "device_key_created"]
    assert len(events) == 1 and events[0].details["fingerprint"] == keys.fingerprint(first)


def test_signature_verifies_only_for_the_signed_bytes(vault):
    pub = keys.device_public_key(vault)
    sig = keys.sign(vault, b"header bytes")
    assert keys.verify_signature(pub, sig, b"header bytes")
    assert not keys.verify_signature(pub, sig, b"header bytez")


def test_fingerprint_words_are_stable_and_distinguish_keys():
    known = keys.encode_device_key(bytes(range(32)))
    fpr = hashlib.sha256(bytes(range(32))).hexdigest()
    assert keys.fingerprint(known) == fpr
    words = keys.fingerprint_words(known).split()
    assert len(words) == 8
    # First word: the top 11 bits of the fingerprint index the list.
    assert words[0] == WORDLIST.read_text().split()[int(fpr[:3], 16) >> 1]
    other = keys.encode_device_key(bytes(range(1, 33)))
    assert keys.fingerprint_words(other) != keys.fingerprint_words(known)


def test_age_identity_round_trip(vault):
    import pyrage
    from pyrage import x25519
    ident = keys.age_identity(vault)
    assert ident.startswith("AGE-SECRET-KEY-1") and keys.age_identity(vault) == ident
    recipient = keys.age_recipient(vault)
    sealed = pyrage.encrypt(b"secret", [x25519.Recipient.from_str(recipient)])
    assert pyrage.decrypt(sealed, [x25519.Identity.from_str(ident)]) == b"secret"


def test_add_recipient_from_text_and_file(vault, coordinator_vault, tmp_path):
    recipient = keys.age_recipient(coordinator_vault)
    added = keys.add_recipient(vault, recipient, label="Org A")
    assert added.recipient == recipient and added.label == "Org A"
    assert added.fingerprint == keys.fingerprint(recipient)
    path = tmp_path / "coordinator.age"
    path.write_text(f"# Confidant coordinator recipient\n{recipient}\n")
    again = keys.add_recipient(vault, str(path), label="Org A coordinator")
    assert [r.recipient for r in keys.list_recipients(vault)] == [recipient]
    assert again.label == "Org A coordinator"


@pytest.mark.parametrize("text", ["hello", "age1notarealkey", "/nonexistent/file.age",
                                  "confidant-device-ed25519:AAAA"])
def test_bad_recipient_is_a_clear_error(vault, text):
    with pytest.raises(InvalidInput):
        keys.add_recipient(vault, text)
    assert keys.list_recipients(vault) == []


def test_two_recipients_in_one_file_are_refused(vault, tmp_path):
    from pyrage import x25519
    a, b = (str(x25519.Identity.generate().to_public()) for _ in range(2))
    path = tmp_path / "two.age"
    path.write_text(f"{a}\n{b}\n")
    with pytest.raises(InvalidInput):
        keys.add_recipient(vault, path)


@pytest.mark.parametrize("text", ["", "confidant-device-ed25519:", "confidant-device-ed25519:!!!!",
                                  "ssh-ed25519 AAAA"])
def test_bad_device_key_text(text):
    with pytest.raises(InvalidInput):
        keys.decode_device_key(text)
