"""Hostile-packet campaign against the real coordinator import (issue 22).

    .venv/bin/python benchmarks/faults/hostile_packets.py [--payload-flips 69]

Two parts, into one real coordinator vault (SQLCipher, age, Ed25519 — nothing mocked):

1. **Byte-flip sweep**: one valid packet from an enrolled device, then copies with one byte
   flipped — every byte of the 128-byte header and the 64-byte signature, plus evenly spread
   payload bytes. None may be accepted (imported/superseded); a flipped DEVICE_FPR may at most
   be quarantined; no verdict may be an internal error.
2. **Hand-built hostile cases**, validly signed by enrolled devices (so they pass §7 steps 1–10
   and reach the zip, JSON and inbox logic): id squatting, cross-device supersedes, zip
   tricks, JSON tricks, wrongly typed fields, markup and formulas in text. Each has the
   verdicts it may get; afterwards every report (themes, PDF, CSV, REFI-QDA) must still build
   over the whole vault, and the genuine interviews must all be current.

Prints a table and writes benchmarks/results/hostile_packets.json. Exit code 1 if any case
got an unexpected verdict or a report failed.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.coordinator.aggregate import aggregate
from core.coordinator.devices import enrol
from core.coordinator.inbox import Importer, ImportResult
from core.packets.format import HEADER_LEN, PAYLOAD_OFFSET
from core.packets.keys import age_recipient
from core.packets.payload import build_manifest, pack
from core.packets.seal import seal
from core.reports.coordinator_pdf import write_report
from core.reports.csv_export import write_csv
from core.reports.qdpx import write_qdpx
from core.vault import Vault
from core.vault.inbox import InboxRepo
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import SUMMARY_PLACEHOLDER, Device, hex_id, payload_files

RESULTS = REPO / "benchmarks" / "results" / "hostile_packets.json"
PASSPHRASE = "hostile campaign passphrase"
KDF = {"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1}
ACCEPTED = {"imported", "superseded"}
REJECTED = {"rejected"}


class Campaign:
    def __init__(self, tmp: Path) -> None:
        self.vault, _ = Vault.create(tmp / "coordinator", PASSPHRASE, role="coordinator", kdf=KDF)
        self.recipient = age_recipient(self.vault)
        self.genuine, self.hostile = Device(), Device()
        enrol(self.vault, self.genuine.public_key, "genuine researcher")
        enrol(self.vault, self.hostile.public_key, "hostile but enrolled")
        self.importer = Importer(self.vault)
        self.rows: list[dict[str, Any]] = []
        self.genuine_ids: set[tuple[str, str]] = set()

    def seal_raw(self, plaintext: bytes, dev: Device, pid: str, sup: str | None = None) -> bytes:
        data, _ = seal(plaintext, recipients=[self.recipient], signer=dev.sign,
                       device_fingerprint=dev.fingerprint, packet_id=pid, supersedes=sup)
        return data

    def seal_files(self, files: dict[str, bytes], dev: Device, pid: str, sup: str | None = None) -> bytes:
        return self.seal_raw(pack(files, pid, sup), dev, pid, sup)

    def interview(self, dev: Device, pid: str, sup: str | None = None, **kw: Any) -> bytes:
        iv = make_interview(packet_id=pid, supersedes=sup, **kw)
        return self.seal_files(payload_files(iv), dev, pid, sup)

    def run(self, part: str, name: str, data: bytes, allowed: set[str],
            codes: set[str] | None = None) -> ImportResult:
        started = time.perf_counter()
        result = self.importer.import_bytes(data, f"{name}.cpkt")
        ok = result.verdict in allowed and result.code != "internal" and (codes is None or result.code in codes)
        self.rows.append({"part": part, "case": name, "verdict": result.verdict, "code": result.code,
                          "ok": ok, "ms": round(1000 * (time.perf_counter() - started), 1)})
        return result


# --- part 1 ----------------------------------------------------------------------------------
def byte_flips(c: Campaign, payload_flips: int) -> None:
    pid = hex_id("flip-base")
    base = c.interview(c.genuine, pid, code="P-FLIP", seed=11)
    positions = list(range(PAYLOAD_OFFSET))
    span = len(base) - PAYLOAD_OFFSET
    positions += [PAYLOAD_OFFSET + (k * span) // payload_flips for k in range(payload_flips)]
    for pos in positions:
        data = bytearray(base)
        data[pos] ^= 0x01 if pos % 2 else 0x80
        where = "header" if pos < HEADER_LEN else "signature" if pos < PAYLOAD_OFFSET else "payload"
        # A flipped fingerprint names a device nobody enrolled: holding it (unopened) is right.
        allowed = {"rejected", "quarantined"} if where == "header" else REJECTED
        c.run("byte-flip", f"{where}@{pos}", bytes(data), allowed)
    assert c.run("byte-flip", "the original, last", base, {"imported"}).verdict == "imported"
    c.genuine_ids.add((c.genuine.fingerprint, pid))


# --- part 2 ----------------------------------------------------------------------------------
def _zip(members: list[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED, flag_bits: int = 0,
         comment: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, data)
        zf.comment = comment
    raw = bytearray(buf.getvalue())
    if flag_bits:  # set the general purpose flags in every local and central header
        for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            i = raw.find(sig)
            while i >= 0:
                raw[i + off] |= flag_bits
                i = raw.find(sig, i + 4)
    return bytes(raw)


def _members(iv: dict[str, Any], pid: str, sup: str | None = None, **override: bytes) -> list[tuple[str, bytes]]:
    files = payload_files(iv)
    files.update(override)
    return sorted(files.items()) + [("manifest.json", build_manifest(files, pid, sup))]


def _doc(pid: str, change: Callable[[dict[str, Any]], None], **kw: Any) -> dict[str, Any]:
    iv = make_interview(packet_id=pid, **kw)
    change(iv)
    return iv


def _raw_interview(c: Campaign, dev: Device, pid: str, raw: bytes) -> bytes:
    files = {"interview.json": raw, "summary.pdf": SUMMARY_PLACEHOLDER, "transcript.vtt": b"WEBVTT\n"}
    return c.seal_files(files, dev, pid)


def hand_built(c: Campaign) -> None:
    g, h = c.genuine, c.hostile
    run = c.run

    # Ids and supersedes across devices (spec §8).
    squat = hex_id("squat")
    run("inbox", "hostile device takes a genuine id first", c.interview(h, squat, code="P-H1", seed=21), ACCEPTED)
    run("inbox", "genuine packet with that id", c.interview(g, squat, code="P-G1", seed=22), {"imported"})
    c.genuine_ids.add((g.fingerprint, squat))
    x, y = hex_id("x"), hex_id("y")
    run("inbox", "hostile claim to replace a genuine id not yet arrived",
        c.interview(h, hex_id("claim"), x, code="P-H2", seed=23), ACCEPTED)
    run("inbox", "genuine correction before its original", c.interview(g, y, x, code="P-G2", seed=24), {"imported"})
    run("inbox", "genuine original after both", c.interview(g, x, code="P-G2", seed=25), {"imported"}, {"history"})
    c.genuine_ids.add((g.fingerprint, y))
    run("inbox", "hostile replaces a genuine packet that arrived",
        c.interview(h, hex_id("h-sup"), y, code="P-H3", seed=26), {"conflict"}, {"supersedes_other_device"})
    run("inbox", "hostile replaces its own packet that shares the genuine id",
        c.interview(h, hex_id("h-own"), squat, code="P-H1", seed=31), {"superseded"})
    run("inbox", "genuine replaces x a second time", c.interview(g, hex_id("z"), x, seed=27), {"conflict"},
        {"already_superseded"})
    run("inbox", "same id, different content, same device", c.interview(g, squat, code="P-G9", seed=28),
        {"conflict"}, {"id_conflict"})
    run("inbox", "unknown device (quarantine)", c.interview(Device(), hex_id("q"), seed=29), {"quarantined"})

    # Zip tricks (spec §5, §7 steps 12-13); each case is built around its own packet id.
    M = _members
    zip_cases: list[tuple[str, Callable[[dict[str, Any], str], bytes], str]] = [
        ("missing transcript.vtt", lambda iv, p: _zip([m for m in M(iv, p) if m[0] != "transcript.vtt"]),
         "malformed"),
        ("an extra member not in the manifest", lambda iv, p: _zip(M(iv, p) + [("notes.txt", b"x")]),
         "manifest_mismatch"),
        ("a member named ../escape", lambda iv, p: _zip(M(iv, p) + [("../escape", b"x")]), "malformed"),
        ("a member with an absolute name", lambda iv, p: _zip(M(iv, p) + [("/etc/x", b"x")]), "malformed"),
        ("a member twice", lambda iv, p: _zip(M(iv, p) + [("summary.pdf", b"again")]), "malformed"),
        ("bzip2 compression", lambda iv, p: _zip(M(iv, p), method=zipfile.ZIP_BZIP2), "malformed"),
        ("the encrypted flag", lambda iv, p: _zip(M(iv, p), flag_bits=0x1), "malformed"),
        ("17 members", lambda iv, p: _zip(M(iv, p) + [(f"f{k}.txt", b"x") for k in range(14)]), "oversized"),
        ("a 40 MB zip-bomb member", lambda iv, p: _zip(M(iv, p, **{"summary.pdf": b"\0" * (40 * 1024 * 1024)})),
         "oversized"),
        ("not a zip", lambda iv, p: b"PK\x03\x04" + b"\0" * 200, "malformed"),
        ("an empty zip", lambda iv, p: _zip([]), "malformed"),
        ("a huge zip comment (manifest still right)", lambda iv, p: _zip(M(iv, p), comment=b"c" * 65535), ""),
        ("a file that differs from its manifest hash",
         lambda iv, p: _zip([(n, d if n != "summary.pdf" else b"%PDF-1.4 other") for n, d in M(iv, p)]),
         "manifest_mismatch"),
    ]
    for k, (name, build, code) in enumerate(zip_cases):
        zpid = hex_id("zip", k)
        plaintext = build(make_interview(packet_id=zpid, code=f"P-Z{k}", seed=30 + k), zpid)
        run("zip", name, c.seal_raw(plaintext, h, zpid), ACCEPTED if not code else REJECTED,
            None if not code else {code})
    run("zip", "age payload for another coordinator",
        seal(pack(payload_files(make_interview(packet_id=(p := hex_id("nfy")))), p, None),
             recipients=[str(__import__("pyrage").x25519.Identity.generate().to_public())], signer=h.sign,
             device_fingerprint=h.fingerprint, packet_id=p)[0], REJECTED, {"not_for_you"})
    run("zip", "payload not age at all", _not_age(c, h), REJECTED)

    # JSON tricks in interview.json (spec §5.2, §7 step 15).
    j = 0

    def raw(name: str, body: bytes, allowed: set[str] = REJECTED) -> None:
        nonlocal j
        j += 1
        rpid = hex_id("json", j)
        run("json", name, _raw_interview(c, h, rpid, body.replace(b"@PID@", rpid.encode())), allowed)

    fmt = b'"format": "confidant-interview/1", "packet_id": "@PID@", "supersedes": null'
    raw("not JSON", b"{not json")
    raw("a list, not an object", b"[1, 2, 3]")
    raw("wrong format", b'{"format": "other/9", "packet_id": "@PID@", "supersedes": null}')
    raw("packet id of another packet", b'{"format": "confidant-interview/1", "packet_id": "00", "supersedes": null}')
    raw("200,000 levels of nesting", b"{" + fmt + b', "segments": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    raw("40 levels of nesting", b"{" + fmt + b', "x": ' + b"[" * 40 + b"]" * 40 + b"}")
    raw("NaN and Infinity", b"{" + fmt + b', "interview": {"code": NaN, "site": Infinity}}')
    raw("a number with 5000 digits", b"{" + fmt + b', "x": ' + b"9" * 5000 + b"}")
    raw("a BOM before the JSON", b"\xef\xbb\xbf{" + fmt + b"}")
    raw("latin-1 bytes", b"{" + fmt + b', "site": "\xe9"}')

    def typed(name: str, change: Callable[[dict[str, Any]], None], allowed: set[str] = REJECTED) -> None:
        nonlocal j
        j += 1
        tpid = hex_id("typed", j)
        doc = _doc(tpid, change, seed=40 + j)
        run("types", name, c.seal_files(payload_files_loose(doc), h, tpid), allowed)

    typed("redactions as a list", lambda d: d["deid"].update(redactions=["PERSON"]))
    typed("deid as a string", lambda d: d.update(deid="signed"))
    typed("consent as a string", lambda d: d["interview"].update(consent="yes"))
    typed("app as a list", lambda d: d.update(app=["confidant"]))
    typed("segments as an object", lambda d: d.update(segments={"0": "x"}))
    typed("segment text as a number", lambda d: d["segments"][0].update(text=42))
    typed("segment index as a bool", lambda d: d["segments"][0].update(index=True))
    typed("a segment index twice", lambda d: d["segments"][1].update(index=d["segments"][0]["index"]))
    typed("a tag on a segment that does not exist", lambda d: d["tags"][0].update(segment=99_999))
    typed("start_ms of 2**70", lambda d: d["segments"][0].update(start_ms=2**70))
    typed("negative times", lambda d: d["segments"][0].update(start_ms=-5, end_ms=-1), REJECTED | ACCEPTED)
    typed("codebook theme without an id", lambda d: d["codebook"][0].pop("id"))
    typed("site as null", lambda d: d["interview"].update(site=None))

    # Text that reaches reports: must import (it is valid) and must not break or inject.
    typed("markup in the site and the theme label",
          lambda d: (d["interview"].update(site='<font size="500">SITE</font><img src="x"/>'),
                     d["codebook"][0].update(label="<b>bold</b> & <i>")), ACCEPTED)
    typed("a spreadsheet formula as the site and a segment",
          lambda d: (d["interview"].update(site='=HYPERLINK("http://x.example","y")'),
                     d["segments"][0].update(text="@SUM(A1:A9)")), ACCEPTED)
    typed("bidi controls and NUL in text",
          lambda d: d["segments"][0].update(text="pay \u202e\u2066 late \0 again"), ACCEPTED | REJECTED)
    typed("a 1 MB segment", lambda d: d["segments"][0].update(text="word " * 200_000), ACCEPTED | REJECTED)
    typed("2,000 segments", lambda d: d.update(segments=[
        {**d["segments"][0], "index": k} for k in range(2000)], tags=[]), ACCEPTED)


def payload_files_loose(doc: dict[str, Any]) -> dict[str, bytes]:
    """payload_files for documents the test helper's VTT writer cannot format."""
    return {"interview.json": json.dumps(doc, sort_keys=True).encode(), "summary.pdf": SUMMARY_PLACEHOLDER,
            "transcript.vtt": b"WEBVTT\n"}


def _not_age(c: Campaign, dev: Device) -> bytes:
    pid = hex_id("not-age")
    data, _ = seal(b"these bytes are not an age file", recipients=[c.recipient], signer=dev.sign,
                   device_fingerprint=dev.fingerprint, packet_id=pid, encrypt=lambda p, _r: p)
    return data


def reports(c: Campaign, tmp: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, fn in (("aggregate", lambda: aggregate(c.vault)),):
        try:
            agg = fn()
            out[name] = f"ok ({agg.n_interviews} interviews)"
        except Exception as exc:  # noqa: BLE001 - the campaign reports it
            out[name] = f"FAILED: {type(exc).__name__}"
            return out
    for name, fn in (("PDF", lambda: write_report(agg)), ("CSV", lambda: write_csv(agg, tmp / "csv")),
                     ("REFI-QDA", lambda: write_qdpx(agg, tmp / "all.qdpx"))):
        try:
            fn()
            out[name] = "ok"
        except Exception as exc:  # noqa: BLE001
            out[name] = f"FAILED: {type(exc).__name__}"
    import csv as csv_module
    csv_module.field_size_limit(64 * 1024 * 1024)  # the 1 MB segment case
    formulas = 0
    for path in sorted((tmp / "csv").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            formulas += sum(1 for row in csv_module.reader(fh) for cell in row
                            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"))
    out["CSV formula cells"] = str(formulas)
    current = {(i.device_fingerprint, i.packet_id) for i in InboxRepo(c.vault).current_interviews()}
    missing = c.genuine_ids - current
    out["genuine interviews current"] = f"{len(c.genuine_ids) - len(missing)} of {len(c.genuine_ids)}"
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--payload-flips", type=int, default=69)
    args = ap.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        c = Campaign(tmp)
        byte_flips(c, args.payload_flips)
        hand_built(c)
        checks = reports(c, tmp)
        db_mb = (tmp / "coordinator" / "vault.db").stat().st_size / 1e6
        c.vault.close()
    seconds = time.perf_counter() - started
    by_part: dict[str, Counter[str]] = {}
    for r in c.rows:
        by_part.setdefault(r["part"], Counter())[f"{r['verdict']}/{r['code']}"] += 1
    bad = [r for r in c.rows if not r["ok"]]
    kept, of = checks.get("genuine interviews current", "0 of 1").split(" of ")
    report_ok = (all(checks.get(k, "").startswith("ok") for k in ("aggregate", "PDF", "CSV", "REFI-QDA"))
                 and checks.get("CSV formula cells") == "0" and kept == of)
    print(f"Hostile-packet campaign: {len(c.rows)} packets in {seconds:.0f} s")
    print(f"{'part':<10} {'cases':>5}  verdicts")
    for part, counts in by_part.items():
        print(f"{part:<10} {sum(counts.values()):>5}  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("unexpected: " + (", ".join(f"{r['part']}:{r['case']} -> {r['verdict']}/{r['code']}" for r in bad) or "none"))
    for k, v in checks.items():
        print(f"{k}: {v}")
    print(f"slowest case: {max(c.rows, key=lambda r: r['ms'])['case']} ({max(r['ms'] for r in c.rows):.0f} ms)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "benchmark": "hostile_packets", "seconds": round(seconds, 1), "packets": len(c.rows),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "by_part": {p: dict(v) for p, v in by_part.items()}, "unexpected": bad, "reports": checks,
        "vault_db_mb": round(db_mb, 1), "cases": c.rows,
    }, indent=2) + "\n")
    return 0 if not bad and report_ok else 1


if __name__ == "__main__":
    sys.exit(main())
