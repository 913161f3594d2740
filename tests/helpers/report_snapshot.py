"""A varied real inbox and a canonical snapshot of every figure a report shows.

The streamed aggregation (decision 0156) must give the figures the in-memory one gave: the
snapshot of an ``Aggregate`` or a ``ShareView`` is every count, cell, suppression reason and
quote as canonical JSON, so a frozen snapshot made by the earlier code can be compared with
today's byte for byte (``tests/fixtures/report-snapshot.json``, made by the in-memory code
before streaming; regenerate it only on purpose, with ``write_snapshot``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import Device, hex_id, seal_interview

SNAPSHOT = Path(__file__).resolve().parents[1] / "fixtures" / "report-snapshot.json"
# Interviews per site: two sites big enough to show, one medium, two below k (folded or left out).
SITE_SIZES = {"SITE-A": 14, "SITE-B": 9, "SITE-C": 6, "SITE-D": 3, "SITE-E": 2}


def fixed_device(n: int) -> Device:
    """A device key that is the same on every run (the snapshot names no fingerprint, but ties
    between two devices' packets with one id must sort the same)."""
    from core.packets import keys
    dev = Device.__new__(Device)
    secret = Ed25519PrivateKey.from_private_bytes(bytes([n + 1]) * 32)
    dev.public_key = keys.encode_device_key(secret.public_key().public_bytes_raw())
    dev.sign = secret.sign
    dev.fingerprint = keys.fingerprint(dev.public_key)
    return dev


def varied_packets(recipient: str) -> list[bytes]:
    """Packets for a varied inbox, in import order: sites of every size, months and guide
    versions, two devices reusing one packet id, a correction, one interview sent twice as two
    packets (a possible duplicate), distinct and repeated wordings for the quotes."""
    devices = [fixed_device(0), fixed_device(1)]
    out: list[bytes] = []
    i = 0
    for site, size in SITE_SIZES.items():
        for _ in range(size):
            iv = make_interview(packet_id=hex_id("snapshot", i), code=f"P-{i + 1:03d}", site=site,
                                month=f"2025-{1 + (i % 5):02d}", seed=7_000 + i,
                                guide_version="1.0" if i % 3 else "1.1", language="es" if i % 7 == 0 else "en")
            if i % 2:  # distinct wordings, so the quotes' ranking and spread matter, not only ties
                for seg in iv["segments"]:
                    if seg["speaker"] == "participant":
                        seg["text"] += f" It has been like that since week {i}."
            out.append(seal_interview(iv, devices[i % 2], [recipient]))
            i += 1
    shared = hex_id("snapshot", "shared id")  # the same id from both devices: two interviews
    for n, dev in enumerate(devices):
        iv = make_interview(packet_id=shared, code=f"P-2{n}0", site="SITE-A", month="2025-02", seed=9_100 + n)
        out.append(seal_interview(iv, dev, [recipient]))
    first = make_interview(packet_id=hex_id("snapshot", "first"), code="P-300", site="SITE-B", seed=9_200)
    fixed = make_interview(packet_id=hex_id("snapshot", "fixed"), code="P-300", site="SITE-B", seed=9_201,
                           supersedes=first["packet_id"])
    out += [seal_interview(first, devices[0], [recipient]), seal_interview(fixed, devices[0], [recipient])]
    twice = [make_interview(packet_id=hex_id("snapshot", "twice", n), code="P-400", site="SITE-C", seed=9_300 + n)
             for n in range(2)]
    out += [seal_interview(iv, devices[1], [recipient]) for iv in twice]
    return out


def fill_inbox(coordinator: Any, folder: Path) -> None:
    """Enrol the two fixed devices and import ``varied_packets`` through the real importer."""
    from core.coordinator.devices import enrol
    from core.coordinator.inbox import make_import_job
    from core.jobs import run_job
    from core.packets.keys import age_recipient

    for n in range(2):
        enrol(coordinator, fixed_device(n).public_key, f"snapshot laptop {n}")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, data in enumerate(varied_packets(age_recipient(coordinator))):
        path = folder / f"{n:03d}.cpkt"
        path.write_bytes(data)
        paths.append(path)
    results = run_job(make_import_job(coordinator, paths))
    assert all(r.is_ok for r in results), [r.reason for r in results if not r.is_ok]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (set, frozenset)) else items
    return value


SKIP = {"generated_at", "interviews", "count", "codebook",
        "warning_msgs"}  # the clock; how interviews are held; warnings again as messages (same text)


def snapshot(report: Any) -> dict[str, Any]:
    """Every figure of an ``Aggregate`` or a ``ShareView`` as plain JSON-able data."""
    plain = _plain(report)
    out = {k: v for k, v in plain.items() if k not in SKIP}
    if hasattr(report, "n_interviews"):
        out["n_interviews"] = report.n_interviews
    return out


def reports(coordinator: Any) -> dict[str, Callable[[], Any]]:
    """The reports the snapshot holds, by name: team aggregates and share views, filtered or not."""
    from core.coordinator.aggregate import aggregate
    from core.coordinator.share import share_view

    return {
        "aggregate": lambda: aggregate(coordinator),
        "aggregate, 2 quotes": lambda: aggregate(coordinator, quotes_per_theme=2),
        "aggregate, SITE-A and SITE-D": lambda: aggregate(coordinator, site=["SITE-A", "SITE-D"]),
        "aggregate, 2025-02 to 2025-03": lambda: aggregate(coordinator, date_from="2025-02", date_to="2025-03"),
        "share": lambda: share_view(coordinator),
        "share, SITE-B": lambda: share_view(coordinator, site="SITE-B"),
        "share, guide 1.0": lambda: share_view(coordinator, guide_version="1.0"),
        "share, from 2025-03": lambda: share_view(coordinator, date_from="2025-03"),
    }


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_snapshot(coordinator: Any, path: Path = SNAPSHOT) -> None:
    """Write the snapshot of ``reports`` over a vault filled by ``fill_inbox``."""
    path.write_text(canonical({name: snapshot(make()) for name, make in reports(coordinator).items()}),
                    encoding="utf-8")
