"""Detection never touches the network: Presidio, spaCy and tldextract load and run with every
socket blocked, in a fresh process (so nothing was loaded or cached before the block)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]

_SCRIPT = r"""
import json, socket, sys
attempts = []

def refuse(kind):
    def _blocked(*args, **kwargs):
        attempts.append(kind)
        raise OSError("network blocked by test")
    return _blocked

# Every way out: connecting a socket, sending from one, resolving a name. Creating a socket
# is not an attempt (urllib3 probes for IPv6 support by binding one to ::1 at import).
socket.getaddrinfo = refuse("getaddrinfo")
socket.gethostbyname = refuse("gethostbyname")
socket.create_connection = refuse("create_connection")
_real_socket = socket.socket
class NoNetworkSocket(_real_socket):
    connect = refuse("connect")
    connect_ex = refuse("connect_ex")
    sendto = refuse("sendto")
socket.socket = NoNetworkSocket

from core.deid.detect import detect
from core.deid import engine
text = ("I met Jennifer Lopez in Chicago. Write to maria.gonzalez@example.com or "
        "jen@riverside.co.uk, call 217-555-0192.")
found = detect(text, names=["Maria Gonzalez"])
# The email recognizer's suffix check (tldextract) must have run: call it directly too.
rec = [r for r in engine.analyzer().registry.recognizers if r.name.startswith("OfflineEmail")
       or type(r).__name__ == "OfflineEmailRecognizer"]
validated = rec[0].validate_result("jen@riverside.co.uk") if rec else None
ours = list(attempts)
# Control: the stock tldextract extractor does try the network here, so the guard works.
import tldextract
tldextract.extract("jen@riverside.co.uk")
print(json.dumps({"attempts": ours, "control_attempts": len(attempts) - len(ours), "types": sorted({f.entity_type for f in found}),
                  "presidio": any(f.recognizer == "presidio" for f in found),
                  "validated": validated}))
"""


@pytest.mark.slow
def test_detection_makes_no_network_attempt(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=str(REPO), TLDEXTRACT_CACHE=str(tmp_path / "tld"))
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert result["control_attempts"] > 0, "the socket guard did not see the stock tldextract fetch"
    assert result["validated"] is True
    assert result["presidio"] is True
    assert {"PERSON", "EMAIL", "PHONE"} <= set(result["types"])
