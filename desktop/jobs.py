"""The one place the UI starts threads: ``start_job(job, parent) -> JobHandle``.

A core job is a plain callable ``job(report, cancel) -> result``. ``start_job`` runs it on a
``QThreadPool`` and hands results back to the UI thread as Qt signals. Widgets connect
``@Slot`` methods (never lambdas: in PySide6 a lambda connected to a signal emitted from a
worker thread can run on that worker thread).

Why an internal relay signal: the worker never emits the public signals itself. It emits a
private signal that the handle connected to its own slot *before* the job started; Qt queues
it to the UI thread, and only there are ``progressed``/``succeeded``/``failed`` emitted. So a
job that finishes instantly cannot race the caller's ``connect``.

Progress reaches the UI at most ~10 times a second (the worker drops intermediate reports).

Tests swap the thread pool for ``InlineRunner`` (Picard's fake pool): jobs run synchronously
inside ``start``, and the callbacks passed to ``start_job`` run before it returns.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.errors import Cancelled
from core.jobs import CancelToken, Progress

log = logging.getLogger(__name__)

JobFn = Callable[[Callable[[Progress], None], CancelToken], Any]
PROGRESS_INTERVAL_S = 0.1  # at most ~10 progress updates per second reach the UI


class JobHandle(QObject):
    """A running job: cancel it, and listen for its progress and outcome (UI thread only)."""

    progressed = Signal(object)   # core.jobs.Progress
    succeeded = Signal(object)    # the job's result
    failed = Signal(object)       # an exception; Cancelled when the person stopped it
    finished = Signal()           # after succeeded or failed

    _relay_progress = Signal(object)
    _relay_done = Signal(bool, object)

    def __init__(self, job: JobFn, name: str = "") -> None:
        super().__init__(None)  # never parented: a deleted parent must not delete a live handle
        self.job = job
        self.name = name or getattr(job, "__name__", "job")
        self.cancel_token = CancelToken()
        self.is_running = False
        self.was_cancelled = False
        self.started_at = 0.0
        self.serial = False
        self._relay_progress.connect(self._deliver_progress)
        self._relay_done.connect(self._deliver_done)

    # --- called from any thread -------------------------------------------------------
    def cancel(self) -> None:
        """Ask the job to stop at its next check; it then fails with ``Cancelled``."""
        self.cancel_token.cancel()

    def run_here(self) -> None:
        """Run the job on the calling thread (a pool worker, or the UI thread in tests)."""
        last = [0.0]

        def report(progress: Progress) -> None:
            now = time.monotonic()
            finished = progress.total is not None and progress.done >= progress.total
            if now - last[0] >= PROGRESS_INTERVAL_S or finished:
                last[0] = now
                self._relay_progress.emit(progress)

        try:
            result = self.job(report, self.cancel_token)
        except BaseException as exc:  # noqa: BLE001 - every failure reaches the UI as a value
            if not isinstance(exc, Cancelled):
                log.warning("job %s failed: %s", self.name, type(exc).__name__)
                exc.__confidant_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay_done.emit(False, exc)
            return
        self._relay_done.emit(True, result)

    # --- UI thread ----------------------------------------------------------------------
    @Slot(object)
    def _deliver_progress(self, progress: Progress) -> None:
        if self.is_running:
            self.progressed.emit(progress)

    @Slot(bool, object)
    def _deliver_done(self, ok: bool, value: object) -> None:
        self.is_running = False
        _ACTIVE.discard(self)
        log.info("job %s %s in %.2f s", self.name, "done" if ok else "failed",
                  time.monotonic() - self.started_at)
        if ok:
            self.succeeded.emit(value)
        else:
            self.was_cancelled = isinstance(value, Cancelled)
            self.failed.emit(value)
        self.finished.emit()
        _tracker.changed.emit(len(_ACTIVE))


class _Worker(QRunnable):
    def __init__(self, handle: JobHandle) -> None:
        super().__init__()
        self.handle = handle

    def run(self) -> None:
        self.handle.run_here()


class PoolRunner:
    """Runs jobs on a thread pool (the real app).

    Serial jobs (a person's edits and the reads that show them) go through a one-thread pool,
    so they reach the vault in the order they were made — two edits in quick succession on a
    shared pool could otherwise land in either order (Anki serialises its database work the
    same way). Long jobs (transcription, import, export) use the shared pool.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self.pool.setMaxThreadCount(max(4, self.pool.maxThreadCount()))
        self.serial_pool = QThreadPool()
        self.serial_pool.setMaxThreadCount(1)

    def start(self, handle: JobHandle) -> None:
        (self.serial_pool if handle.serial else self.pool).start(_Worker(handle))


class InlineRunner:
    """Runs each job synchronously on the calling thread (tests; Picard's fake pool)."""

    def start(self, handle: JobHandle) -> None:
        handle.run_here()


class _Tracker(QObject):
    changed = Signal(int)  # number of jobs still running


_ACTIVE: set[JobHandle] = set()
_tracker: _Tracker | None = None
_runner: PoolRunner | InlineRunner | None = None
_lock = threading.Lock()


def tracker() -> _Tracker:
    """An object whose ``changed(n)`` signal fires when a job ends (for deferred vault close)."""
    global _tracker
    if _tracker is None:
        _tracker = _Tracker()
    return _tracker


def set_runner(runner: PoolRunner | InlineRunner | None) -> None:
    """Choose how jobs run (``InlineRunner()`` in tests); None restores the thread pool."""
    global _runner
    _runner = runner


def active_jobs() -> list[JobHandle]:
    return list(_ACTIVE)


def cancel_all() -> None:
    """Ask every running job to stop (locking the vault does this)."""
    for handle in list(_ACTIVE):
        handle.cancel()


def make_handle(job: JobFn, name: str = "") -> JobHandle:
    """A handle for ``job`` that has not started: connect to it, then ``launch`` it."""
    tracker()
    return JobHandle(job, name)


def launch(handle: JobHandle, parent: QObject | None = None, *, serial: bool = False) -> JobHandle:
    """Start a prepared handle; when ``parent`` is destroyed the job is cancelled.

    ``serial``: run in order with every other serial job (edits and the reads that follow)."""
    handle.serial = serial
    global _runner
    if parent is not None:
        parent.destroyed.connect(handle.cancel)
    with _lock:
        if _runner is None:
            _runner = PoolRunner()
        runner = _runner
    handle.is_running = True
    handle.started_at = time.monotonic()
    _ACTIVE.add(handle)
    runner.start(handle)
    return handle


def start_job(job: JobFn, parent: QObject | None = None, *,
              progressed: Callable[[Any], None] | None = None,
              succeeded: Callable[[Any], None] | None = None,
              failed: Callable[[Any], None] | None = None,
              finished: Callable[[], None] | None = None,
              name: str = "", serial: bool = False) -> JobHandle:
    """Run ``job`` in the background and return its handle (``serial``: see ``launch``).

    Pass the slots as keywords so they are connected before the job can finish (required
    with ``InlineRunner``). When ``parent`` is destroyed the job is cancelled.
    """
    handle = make_handle(job, name)
    for signal, slot in ((handle.progressed, progressed), (handle.succeeded, succeeded),
                         (handle.failed, failed), (handle.finished, finished)):
        if slot is not None:
            signal.connect(slot)
    return launch(handle, parent, serial=serial)


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> JobFn:
    """Wrap a plain function (a repository read or write) as a job."""

    def job(_report: Callable[[Progress], None], cancel: CancelToken) -> Any:
        cancel.raise_if_cancelled()
        return fn(*args, **kwargs)

    job.__name__ = getattr(fn, "__name__", "call")
    return job
