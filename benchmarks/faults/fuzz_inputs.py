"""Seeded fuzz run of the three readers of other people's files (issue 22): the packet reader,
the guide loader and the transcript importer.

    .venv/bin/python benchmarks/faults/fuzz_inputs.py [--seed 22] [--scale 1.0]

Mutations of valid inputs (bit flips, byte insertions and deletions, repeated and spliced
ranges, tokens each format treats specially) and plain random bytes, from ``random.Random``
with a fixed seed, so a run can be repeated exactly. Packet cases go through the real
``verify_and_open`` with a coordinator identity and an enrolled device key: header-level
mutations of a sealed packet, and — to reach the zip and JSON code behind the signature —
mutations of the plaintext zip and of interview.json, each sealed and signed again.

A case **crashes** if it raises anything but the reader's ``CoreError`` (PacketRejected,
GuideInvalid, InvalidInput, TranscriptImportError), and **hangs** if it takes over 5 s.
Prints a table and writes benchmarks/results/fuzz_inputs.json; exit code 1 on any crash or hang.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pyrage import x25519

from core.errors import CoreError
from core.guide.loader import load_guide
from core.packets import reader
from core.packets.payload import pack
from core.packets.seal import seal
from core.tagging.transcript_import import read_transcript
from tests.helpers.coordinator_data import make_interview
from tests.helpers.coordinator_packets import Device, hex_id, payload_files

RESULTS = REPO / "benchmarks" / "results" / "fuzz_inputs.json"
HANG_S = 5.0

GUIDE = """\
id: demo
version: "2"
title: Demo guide
language: en
description: A short guide for the fuzz run.
themes:
  - id: autonomy
    label: Autonomy
    description: Say over one's work.
    examples: [I choose my hours, "I decide: sometimes"]
  - id: voice
    label: Voice
    parent: autonomy
sections:
  - id: s1
    title: Start
    questions:
      - id: q1
        text: How much say do you have?
        probes: ["Can you change shifts?"]
        themes: [autonomy]
      - id: q2
        text: |
          Can you speak up
          when something is wrong?
        themes: [voice]
"""
GUIDE_TOKENS = [b"&a ", b"*a", b"<<: ", b": ", b"- ", b"[", b"]", b"{", b"}", b"!!python/object:os.system ",
                b"!!binary ", b"\t", b"\n  ", b"'", b'"', b"#", b"|", b">", b"? ", b"%YAML 1.1\n", b"---\n",
                b"\xef\xbb\xbf", b"\x00", b"\xff", b"~", b"null", b"1e999", b"0x1F"]

TRANSCRIPTS = [
    ("t.vtt", ("WEBVTT\n\nNOTE made elsewhere\n\n1\n00:00:01.000 --> 00:00:04.500\n<v Interviewer>How is "
              "your job?</v>\n\n00:05.000 --> 00:09.000\n<v Participant>Fine &amp; busy, the pay is late.\n")),
    ("t.srt", ("1\n00:00:01,000 --> 00:00:04,250\nQ: ¿Cómo es tu trabajo?\n\n2\n00:00:04,500 --> 00:01:08,000\n"
              "A: Es duro – muy “duro”.\n")),
    ("t.txt", ("[00:00:03] Interviewer: Tell me about a normal shift.\nParticipant: We start at six.\n\n"
              "3.08 A: The floor is wet by the freezers.\nNote: later.\n")),
    ("t.html", ("<!doctype html><html><head><style>p{}</style></head><body><p><a name=\"ts_1000_4000_S00\">"
               "</a>S00: Hello there</p><p><b>Participant:</b> the pay is late</p></body></html>")),
]
TRANSCRIPT_TOKENS = [b"-->", b"00:00:01.000", b"99:99:99,999", b"<v ", b"</v>", b"\x00", b"\r", b"\r\n",
                     b"WEBVTT", b"NOTE", b"&#x0;", b"&amp;", b"<p>", b"</p>", b"<script>", b"Q: ", b"A: ",
                     b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9", b"\n\n", b"[00:00:00]", b"3.08 "]


def mutate(rng: random.Random, data: bytes, tokens: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 5, 8))):
        op = rng.randrange(7)
        pos = rng.randrange(len(out) + 1) if out else 0
        if op == 0 and out:                                  # flip bits
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        elif op == 1:                                        # insert random bytes
            out[pos:pos] = bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 9)))
        elif op == 2 and out:                                # delete a range
            out[pos:pos + rng.randrange(1, 64)] = b""
        elif op == 3 and out:                                # repeat a range many times
            end = min(len(out), pos + rng.randrange(1, 32))
            out[pos:pos] = bytes(out[pos:end]) * rng.randrange(2, 200)
        elif op == 4:                                        # a special token
            out[pos:pos] = rng.choice(tokens) * rng.choice((1, 1, 1, 50))
        elif op == 5 and out:                                # overwrite with a byte from elsewhere
            out[rng.randrange(len(out))] = out[rng.randrange(len(out))]
        else:                                                # truncate
            del out[pos:]
    return bytes(out)


class Target:
    def __init__(self, name: str) -> None:
        self.name = name
        self.cases = 0
        self.outcomes: Counter[str] = Counter()
        self.crashes: list[dict[str, str]] = []
        self.hangs = 0
        self.internal: list[str] = []
        self.slowest_s = 0.0

    def run(self, fn: Callable[[], Any]) -> None:
        self.cases += 1
        started = time.perf_counter()
        try:
            fn()
            self.outcomes["accepted"] += 1
        except CoreError as exc:
            self.outcomes[type(exc).__name__ + (f"/{exc.code}" if getattr(exc, "code", None) else "")] += 1
            if "unreadable contents (" in exc.user_message or "unreadable header" in exc.user_message:
                # a clean verdict, but reached through the reader's catch-all: a bug to fix
                self.internal.append(exc.user_message[-80:])
        except Exception as exc:  # noqa: BLE001 - a crash is what this run looks for
            self.crashes.append({"error": type(exc).__name__, "where": traceback.format_exc(limit=-3)[-600:]})
        elapsed = time.perf_counter() - started
        self.slowest_s = max(self.slowest_s, elapsed)
        if elapsed > HANG_S:
            self.hangs += 1


def fuzz_packets(rng: random.Random, header_cases: int, sealed_cases: int) -> tuple[Target, Target]:
    identity = x25519.Identity.generate()
    recipient, ident = str(identity.to_public()), str(identity)
    dev = Device()
    trusted = [dev.public_key]

    def sealed(plaintext: bytes, pid: str) -> bytes:
        return seal(plaintext, recipients=[recipient], signer=dev.sign, device_fingerprint=dev.fingerprint,
                    packet_id=pid)[0]

    pid = hex_id("fuzz")
    files = payload_files(make_interview(packet_id=pid, seed=3))
    plain = pack(files, pid, None)
    base = sealed(plain, pid)
    outer = Target("packet reader: mutated sealed packets")
    for _ in range(header_cases):
        data = mutate(rng, base, [b"\0" * 16, b"\xff" * 8, b"CONFPKT\n"]) if rng.random() < 0.95 else \
            bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 400)))
        outer.run(lambda d=data: (reader.inspect(d), reader.verify_and_open(d, identities=[ident],
                                                                             trusted_devices=trusted)))
    inner = Target("packet reader: mutated zip / interview.json behind a valid signature")
    doc = files["interview.json"]
    json_tokens = [b"[" * 50, b"{", b"}", b"null", b"true", b'"', b"\\u0000", b"1e308", b"-0", b"NaN", b",", b":"]
    for k in range(sealed_cases):
        if k % 2:
            mutated = pack({**files, "interview.json": mutate(rng, doc, json_tokens)}, pid, None)
        else:
            mutated = mutate(rng, plain, [b"PK\x03\x04", b"PK\x01\x02", b"\0\0\0\0", b"\xff\xff\xff\xff"])
        data = sealed(mutated, pid)
        inner.run(lambda d=data: reader.verify_and_open(d, identities=[ident], trusted_devices=trusted))
    return outer, inner


def fuzz_guides(rng: random.Random, cases: int) -> Target:
    t = Target("guide loader")
    base = GUIDE.encode()
    for k in range(cases):
        data = mutate(rng, base, GUIDE_TOKENS) if k % 10 else bytes(rng.getrandbits(8) for _ in range(rng.randrange(200)))
        text = data.decode("utf-8", errors="replace")
        t.run(lambda s=text: load_guide(s, "fuzz.yaml"))
    return t


def fuzz_transcripts(rng: random.Random, cases: int) -> Target:
    t = Target("transcript importer")
    names = ["", "x.vtt", "x.srt", "x.txt", "x.html"]
    for k in range(cases):
        name, text = TRANSCRIPTS[k % len(TRANSCRIPTS)]
        base = text.encode("utf-8") if k % 3 else text.encode("cp1252", errors="replace")
        data = mutate(rng, base, TRANSCRIPT_TOKENS) if k % 20 else \
            bytes(rng.getrandbits(8) for _ in range(rng.randrange(2000)))
        file_name = rng.choice([name, *names])
        t.run(lambda d=data, n=file_name: read_transcript(d, n))
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 100,000 cases")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sizes = {k: int(v * args.scale) for k, v in
             {"outer": 35_000, "inner": 15_000, "guides": 25_000, "transcripts": 25_000}.items()}
    started = time.perf_counter()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    outer, inner = fuzz_packets(rng, sizes["outer"], sizes["inner"])
    timings["packets"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    guides = fuzz_guides(rng, sizes["guides"])
    timings["guides"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    transcripts = fuzz_transcripts(rng, sizes["transcripts"])
    timings["transcripts"] = time.perf_counter() - t0
    targets = [outer, inner, guides, transcripts]
    seconds = time.perf_counter() - started
    total = sum(t.cases for t in targets)
    crashes = sum(len(t.crashes) for t in targets)
    hangs = sum(t.hangs for t in targets)
    internal = sum(len(t.internal) for t in targets)
    print(f"Fuzz run (seed {args.seed}): {total:,} cases in {seconds:.0f} s — {crashes} crashes, {hangs} hangs, "
          f"{internal} verdicts through a catch-all")
    print(f"{'target':<72} {'cases':>7} {'crash':>5} {'slowest':>8}  outcomes")
    for t in targets:
        top = ", ".join(f"{k} {v}" for k, v in t.outcomes.most_common(6))
        print(f"{t.name:<72} {t.cases:>7} {len(t.crashes):>5} {t.slowest_s:>7.2f}s  {top}")
    for t in targets:
        for c in t.crashes[:3]:
            print(f"CRASH in {t.name}: {c['error']}\n{c['where']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "benchmark": "fuzz_inputs", "seed": args.seed, "cases": total, "seconds": round(seconds, 1),
        "crashes": crashes, "hangs": hangs, "catch_all_verdicts": internal, "timings_s": {k: round(v, 1) for k, v in timings.items()},
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "targets": [{"name": t.name, "cases": t.cases, "crashes": t.crashes[:20], "hangs": t.hangs,
                     "catch_all": sorted(set(t.internal))[:20], "slowest_s": round(t.slowest_s, 3), "outcomes": dict(t.outcomes)} for t in targets],
    }, indent=2) + "\n")
    return 1 if crashes or hangs or internal else 0


if __name__ == "__main__":
    sys.exit(main())
