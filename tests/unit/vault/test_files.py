"""Atomic writes: the old file or the new one, never half; failures say what to do."""

from __future__ import annotations

import errno
import os

import pytest

from core.errors import DiskFull, InvalidInput, VaultReadOnly
from core.vault.files import atomic_write, write_output_file


def test_replaces_the_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    assert write_output_file(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


@pytest.mark.parametrize("code,error", [(errno.ENOSPC, DiskFull), (errno.EIO, VaultReadOnly)])
def test_a_failed_rename_keeps_the_old_file(tmp_path, monkeypatch, code, error):
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")

    def fail(*_args):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(error) as err:
        write_output_file(target, b"new")
    assert err.value.hint
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_missing_folder_is_invalid_input(tmp_path):
    with pytest.raises(InvalidInput) as err:
        write_output_file(tmp_path / "nowhere" / "x.qdpx", b"x")
    assert "does not exist" in err.value.user_message


def test_plain_atomic_write_raises_the_os_error(tmp_path, monkeypatch):
    def fail(*_args):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write(tmp_path / "vault.json", b"{}")
    assert list(tmp_path.iterdir()) == []
