"""The one place the UI starts threads: ``Op(parent, job)...run()`` (or ``start_job``, the
same builder with keywords) -> ``JobHandle``.

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
from PySide6.QtWidgets import QWidget

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


def _make_handle(job: JobFn, name: str = "") -> JobHandle:
    tracker()
    return JobHandle(job, name)


def _launch(handle: JobHandle, parent: QObject | None, serial: bool) -> JobHandle:
    """Start a prepared handle; when ``parent`` is destroyed the job is cancelled."""
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


class _ShowError(QObject):
    """The default failure handler: the error goes to ``show_error`` (never only to a log
    line), unless the person or a lock stopped the job (then it is "Stopped.", not an error)."""

    def __init__(self, parent: QObject | None, handle: JobHandle) -> None:
        super().__init__(handle)  # lives as long as the handle
        self.widget = parent
        self.handle = handle

    @Slot(object)
    def show(self, exc: BaseException) -> None:
        if self.handle.was_cancelled or self.handle.cancel_token.is_cancelled:
            return
        from desktop.errors import show_error
        widget = self.widget
        window = widget.window() if isinstance(widget, QWidget) else None
        show_error(window, exc)


class Op:
    """The one way the UI runs core work (Anki's ``CollectionOp``)::

        Op(self, call(repo.rename, tid, label)).success(self._on_renamed).run()

    * failure goes to ``show_error`` unless ``.failure(slot)`` takes it over (a view that must
      also re-enable a button); ``Cancelled`` and jobs stopped by a lock never show a dialog;
    * vault work is **serial** by default: a person's edits and the reads that show them reach
      the vault in the order they were made; ``.long()`` runs transcription, imports and
      exports on the shared pool instead;
    * slots are connected before the job starts, so a job that finishes at once (tests'
      ``InlineRunner``) cannot be missed. Connect ``@Slot`` methods, not lambdas.
    """

    def __init__(self, parent: QObject | None, job: JobFn, *, name: str = "") -> None:
        self.parent = parent
        self.handle = _make_handle(job, name)
        self._failure: Callable[[Any], None] | None = None
        self._serial = True

    def success(self, slot: Callable[[Any], None]) -> Op:
        self.handle.succeeded.connect(slot)
        return self

    def failure(self, slot: Callable[[Any], None]) -> Op:
        """Take over the failure (the slot then decides whether to call ``show_error``)."""
        self._failure = slot
        return self

    def progress(self, slot: Callable[[Any], None]) -> Op:
        self.handle.progressed.connect(slot)
        return self

    def finished(self, slot: Callable[[], None]) -> Op:
        self.handle.finished.connect(slot)
        return self

    def long(self) -> Op:
        """Run on the shared pool (long jobs that must not hold up the serial vault worker)."""
        self._serial = False
        return self

    def run(self) -> JobHandle:
        if self._failure is not None:
            self.handle.failed.connect(self._failure)
        else:
            shower = _ShowError(self.parent, self.handle)
            self.handle.failed.connect(shower.show)
        return _launch(self.handle, self.parent, self._serial)


def start_job(job: JobFn, parent: QObject | None = None, *,
              progressed: Callable[[Any], None] | None = None,
              succeeded: Callable[[Any], None] | None = None,
              failed: Callable[[Any], None] | None = None,
              finished: Callable[[], None] | None = None,
              name: str = "", serial: bool = True) -> JobHandle:
    """``Op`` with keywords: run ``job`` in the background and return its handle.

    Without ``failed`` the error is shown with ``show_error``; ``serial=False`` is ``.long()``.
    When ``parent`` is destroyed the job is cancelled.
    """
    op = Op(parent, job, name=name)
    if progressed is not None:
        op.progress(progressed)
    if succeeded is not None:
        op.success(succeeded)
    if failed is not None:
        op.failure(failed)
    if finished is not None:
        op.finished(finished)
    if not serial:
        op.long()
    return op.run()


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> JobFn:
    """Wrap a plain function (a repository read or write) as a job: the one way to wrap a call.

    The arguments are taken now, on the UI thread (never read from widgets on the worker). A
    plain call runs even if its view closed meanwhile: a person's edit that was asked for
    must reach the vault (long jobs check ``cancel`` themselves)."""

    def job(_report: Callable[[Progress], None], _cancel: CancelToken) -> Any:
        return fn(*args, **kwargs)

    job.__name__ = getattr(fn, "__name__", "call")
    return job
