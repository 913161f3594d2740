"""`confidant app` where there is no desktop session says so and points to `make demo`."""

from __future__ import annotations

import os
import subprocess
import sys

from core.cli import main
from core.cli.app_cmds import display_problem
from tests.conftest import REPO_ROOT


def test_display_problem():
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None


def test_confidant_app_without_display_explains(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)

    def no_exec(*_a):
        raise AssertionError("must not try to start the window")
    monkeypatch.setattr(os, "execv", no_exec)
    assert main(["app"]) != 0
    err = capsys.readouterr().err
    assert "no desktop session" in err and "make demo" in err
    assert "Reinstalling" not in err


def test_python_m_desktop_without_display_explains():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    run = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True,
                         timeout=60, cwd=REPO_ROOT, check=False)
    assert run.returncode == 2
    assert "no desktop session" in run.stderr and "make demo" in run.stderr
    assert "platform plugin" not in run.stderr
