"""Writing a whole file so a crash leaves the old one or the new one, never half of either.

Used for the key file and for every file a person asks Confidant to save (packets, reports,
exports). The temporary file sits next to the target (same file system, so the rename is
atomic) and is removed if anything fails.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from core.errors import DiskFull, InvalidInput, Msg, VaultReadOnly


@contextmanager
def atomic_file(path: Path, *, temp_suffix: str = ".tmp") -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends without an error: written to a
    temp name beside it, fsynced, renamed, the folder fsynced; removed if anything fails.

    For a file written piece by piece (a large export) without holding it in memory. Raises
    ``OSError`` as the system reports it.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=temp_suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def atomic_write(path: Path, data: bytes, *, temp_suffix: str = ".tmp") -> None:
    """Replace ``path`` with ``data``: temp file, fsync, rename, fsync the folder.

    Raises ``OSError`` as the system reports it; ``write_output_file`` explains it to people.
    """
    with atomic_file(path, temp_suffix=temp_suffix) as fh:
        fh.write(data)


def write_output_file(path: str | Path, data: bytes, *, temp_suffix: str = ".partial") -> Path:
    """``atomic_write`` for a file a person chose to save; failures become a ``CoreError``.

    ``.partial`` temp names tell sync clients (and people) the file is not finished.
    """
    with output_file(path, temp_suffix=temp_suffix) as fh:
        fh.write(data)
    return Path(path)


@contextmanager
def output_file(path: str | Path, *, temp_suffix: str = ".partial") -> Iterator[BinaryIO]:
    """``atomic_file`` for a file a person chose to save, written piece by piece; failures
    become a ``CoreError`` (a full disk, a read-only USB stick) and leave no partial file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(Msg("vault.folder_not_exist", folder=folder), Msg("vault.folder_not_exist.hint"))
    try:
        with atomic_file(path, temp_suffix=temp_suffix) as fh:
            yield fh
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(Msg("vault.disk_full_file_not"),
                           Msg("vault.disk_full_file_not.hint")) from exc
        raise VaultReadOnly(Msg("vault.cannot_write", folder=folder), Msg("vault.cannot_write.hint")) from exc
