"""desktop.jobs: results, errors and cancel reach the UI thread as signals."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, QThread, Slot

from core.errors import Cancelled, CoreError, InvalidInput
from core.jobs import Progress
from desktop import jobs


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list = []
        self.errors: list = []
        self.progress: list = []
        self.threads: list = []

    @Slot(object)
    def on_success(self, value: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(value)

    @Slot(object)
    def on_failure(self, exc: object) -> None:
        self.errors.append(exc)

    @Slot(object)
    def on_progress(self, p: object) -> None:
        self.progress.append(p)


@pytest.fixture(autouse=True)
def pool_runner():
    jobs.set_runner(None)
    yield
    jobs.set_runner(None)


def test_result_arrives_on_the_ui_thread(qtbot):
    r = Receiver()
    worker_threads = []

    def job(report, cancel):
        worker_threads.append(threading.current_thread())
        return 42

    handle = jobs.start_job(job, None, succeeded=r.on_success, failed=r.on_failure)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert r.results == [42] and not r.errors
    assert worker_threads[0] is not threading.main_thread()
    assert r.threads[0] is QThread.currentThread()  # the slot ran on the UI thread


def test_core_error_is_delivered_as_a_value(qtbot):
    r = Receiver()

    def job(report, cancel):
        raise InvalidInput("bad", "fix it")

    handle = jobs.start_job(job, None, succeeded=r.on_success, failed=r.on_failure)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert isinstance(r.errors[0], InvalidInput) and not handle.was_cancelled


def test_cancel_ends_with_cancelled(qtbot):
    r = Receiver()
    started = threading.Event()

    def job(report, cancel):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            time.sleep(0.01)

    handle = jobs.start_job(job, None, failed=r.on_failure)
    assert started.wait(5)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        handle.cancel()
    assert isinstance(r.errors[0], Cancelled) and handle.was_cancelled


def test_progress_is_throttled_to_about_ten_per_second(qtbot):
    r = Receiver()

    def job(report, cancel):
        for i in range(2000):
            report(Progress(i, 2000, "counting"))
            time.sleep(0.0002)
        report(Progress(2000, 2000, "counting"))
        return "done"

    t0 = time.monotonic()
    handle = jobs.start_job(job, None, progressed=r.on_progress, succeeded=r.on_success)
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    elapsed = time.monotonic() - t0
    assert r.progress[-1].done == 2000            # the final report always arrives
    assert len(r.progress) <= elapsed * 10 + 3     # ~10 per second at most


def test_inline_runner_runs_synchronously():
    jobs.set_runner(jobs.InlineRunner())
    r = Receiver()
    jobs.start_job(lambda rep, c: "now", None, succeeded=r.on_success)
    assert r.results == ["now"]
    jobs.start_job(lambda rep, c: (_ for _ in ()).throw(CoreError("x")), None, failed=r.on_failure)
    assert isinstance(r.errors[0], CoreError)


def test_a_failure_nobody_handles_reaches_the_person(qtbot, shown_errors):
    """``Op`` without ``.failure()``: the error is shown (never only a log line); a stopped job
    says nothing."""
    from PySide6.QtWidgets import QWidget
    widget = QWidget()
    qtbot.addWidget(widget)

    def broken(report, cancel):
        raise InvalidInput("That file is not a guide.", "Choose the .yaml file.")

    handle = jobs.Op(widget, broken, name="broken").run()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert [e.message for e in shown_errors] == ["That file is not a guide."]

    started = threading.Event()

    def endless(report, cancel):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            time.sleep(0.01)

    handle = jobs.start_job(endless, widget)
    assert started.wait(5)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        handle.cancel()
    assert len(shown_errors) == 1  # "Stopped." is not an error


def test_vault_work_is_serial_by_default_and_long_jobs_are_not(qtbot):
    order: list[str] = []
    gate = threading.Event()

    def first(report, cancel):
        gate.wait(5)
        order.append("first")

    def second(report, cancel):
        order.append("second")

    long_done = threading.Event()

    def long_job(report, cancel):
        order.append("long")
        long_done.set()

    a = jobs.Op(None, first).run()
    b = jobs.Op(None, second).run()
    jobs.Op(None, long_job).long().run()
    assert long_done.wait(5)          # the long job did not wait behind the serial queue
    gate.set()
    with qtbot.waitSignal(b.finished, timeout=5000):
        pass
    assert a.serial and b.serial and order == ["long", "first", "second"]
