"""The installer: `installer/build.sh` builds the one-folder app, and the built binary works.

Builds into a temporary folder (CONFIDANT_DIST / CONFIDANT_BUILD), so dist/ is left alone,
then runs the built `confidant --version` and `confidant demo --out DIR` with a bare
environment (no venv on PATH), as on a laptop that never saw Python. Several minutes on two
cores: marked slow and `installer` (select with `-m installer`, leave out with
`-m "not installer"`).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import zipfile

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.installer,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                       reason="PyInstaller is not installed (pip install -e '.[installer]')"),
    pytest.mark.timeout(1800),
]


def _bare_env(home) -> dict[str, str]:
    """What a desktop session passes: no venv, no PYTHONPATH, a fresh home."""
    keep = {k: v for k, v in os.environ.items()
            if k in ("LANG", "LC_ALL", "TZ", "TMPDIR", "XDG_RUNTIME_DIR", "PULSE_SERVER")}
    return {**keep, "HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("installer")
    env = {**os.environ, "CONFIDANT_DIST": str(root / "dist"),
           "CONFIDANT_BUILD": str(root / "build")}
    env.pop("CONFIDANT_WITH_TORCH", None)  # the default, torch-free build
    proc = subprocess.run(["bash", "installer/build.sh"], check=False, cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-4000:])
    app = root / "dist" / "confidant"
    yield app
    shutil.rmtree(root, ignore_errors=True)  # about 1 GB


def test_build_has_no_torch_and_carries_the_onnx_sentence_model(built):
    internal = built / "_internal"
    assert not (internal / "torch").exists()
    assert (internal / "models" / "minilm-onnx" / "model.onnx").is_file()
    assert (internal / "models" / "voice-onnx" / "voice.onnx").is_file()  # voices without torch
    assert (built / "confidant.desktop").is_file()


def test_built_binary_prints_its_version(built, tmp_path):
    proc = subprocess.run([str(built / "confidant"), "--version"], check=False,
                          env=_bare_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "0." in proc.stdout + proc.stderr


def test_built_binary_runs_the_demo(built, tmp_path):
    out = tmp_path / "demo"
    proc = subprocess.run([str(built / "confidant"), "demo", "--out", str(out)], check=False,
                          env=_bare_env(tmp_path), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, (proc.stdout[-3000:], proc.stderr[-3000:])
    assert "privacy audit" in proc.stdout
    reports = out / "reports"
    for path in (reports / "cross-site-report.pdf", reports / "audit-report.pdf"):
        assert path.read_bytes().startswith(b"%PDF"), path
    assert (reports / "csv" / "tags.csv").stat().st_size > 0
    with zipfile.ZipFile(reports / "interviews.qdpx") as zf:
        assert "project.qde" in zf.namelist()
    assert list((out / "shared").glob("*.cpkt"))
    assert (out / "researcher-vault").is_dir() and (out / "coordinator-vault").is_dir()
