"""Watching a folder (a synced folder, a shared drive) and importing packets as they land.

Polling, not OS notifications: synced folders (Nextcloud, Dropbox, SMB shares, USB sticks)
often deliver no inotify events, and a poll every couple of seconds costs nothing. A file is
imported only once its size and modification time held still across two polls, so a packet
still being written by a sync client is not read half-way; each (path, size, mtime) is
imported once. Cancelling the job stops it cleanly at the next poll and returns the results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from core.coordinator.inbox import Importer, ImportResult, packet_files, require_coordinator
from core.jobs import CancelToken, Progress, ReportFn
from core.vault.db import Vault

log = logging.getLogger(__name__)

Stamp = tuple[int, int]  # size, mtime_ns


def _stamps(folder: Path) -> dict[Path, Stamp]:
    out = {}
    for path in packet_files([folder]):
        try:
            st = path.stat()
        except OSError:  # removed between listing and stat
            continue
        out[path] = (st.st_size, st.st_mtime_ns)
    return out


def make_watch_job(vault: Vault, folder: Path, *, interval_s: float = 2.0,
                   on_result: Callable[[ImportResult], None] | None = None,
                   ) -> Callable[[ReportFn, CancelToken], list[ImportResult]]:
    """A job that imports packets appearing in ``folder`` until cancelled."""

    def job(report: ReportFn, cancel: CancelToken) -> list[ImportResult]:
        require_coordinator(vault)
        importer = Importer(vault)
        results: list[ImportResult] = []
        done: dict[Path, Stamp] = {}
        previous: dict[Path, Stamp] = {}
        log.info("watching a folder for packets every %.1fs", interval_s)
        while True:
            current = _stamps(folder) if folder.is_dir() else {}
            for path, stamp in sorted(current.items()):
                if done.get(path) == stamp or previous.get(path) != stamp:
                    continue  # already imported, or still changing
                result = importer.import_file(path)
                done[path] = stamp
                results.append(result)
                if on_result is not None:
                    on_result(result)
            previous = current
            report(Progress(len(results), None, "Watching for packets"))
            if cancel.wait(interval_s):
                break
        log.info("stopped watching after %d packets", len(results))
        return results

    return job
