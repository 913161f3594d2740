"""Transcription benchmark: bare engines vs Confidant's pipeline, same audio, same run.

Each measurement runs in a fresh Python process (so peak RSS is its own), alternating:
bare faster-whisper, Confidant + faster-whisper, bare openai-whisper, Confidant +
openai-whisper (tiny.en), then bare / Confidant faster-whisper with base. "Bare" is the
engine's own API on a numpy array with the same settings Confidant uses (beam 5, VAD on,
condition_on_previous_text off, word timestamps, int8); "Confidant" is the whole job: vault
read and decrypt, child process, model load, guardrails, storing segments. Then live
transcription of a simulated recording (a fake microphone faster than real time): the time
from stop to a complete transcript.

    .venv/bin/python benchmarks/transcription/bench_transcription.py [--rounds 2] [--live-minutes 10]

Writes benchmarks/results/transcription.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
RESULTS = REPO / "benchmarks" / "results" / "transcription.json"
SR = 16000


def bench_audio():
    """~82 s of speech: the espeak-ng interview passage plus jfk.flac, and its reference text."""
    import numpy as np
    import soundfile as sf

    from core.audio.resample import downmix, resample
    from tests.conftest import JFK_FLAC, JFK_TEXT
    from tests.helpers.transcription import PASSAGE, speech
    src, rate = sf.read(JFK_FLAC, dtype="float32")
    audio = np.concatenate([speech(PASSAGE), resample(downmix(src), rate)]).astype(np.float32)
    return audio, PASSAGE + " " + JFK_TEXT


def _peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mb": round(own, 1), "children_mb": round(children, 1)}


# --- one measurement (run in a child process) -----------------------------------------------
def run_bare(engine: str, model_name: str) -> dict:
    from core.transcription.registry import find_model
    t_start = time.monotonic()
    audio, _ref = bench_audio()
    audio_ready = time.monotonic()
    info = find_model(model_name)
    threads = os.cpu_count() or 1
    if engine == "faster-whisper":
        from faster_whisper import WhisperModel
        if info.bin_parts:
            files = {"model.bin": info.open_model_bin()}
            for n in ("config.json", "vocabulary.txt", "tokenizer.json"):
                files[n] = (info.path / n).read_bytes()
            model = WhisperModel(info.name, device="cpu", compute_type="int8", cpu_threads=threads, files=files)
        else:
            model = WhisperModel(str(info.path), device="cpu", compute_type="int8", cpu_threads=threads)
        t0 = time.monotonic()
        segs, _ = model.transcribe(audio, language="en", beam_size=5, vad_filter=True,
                                   condition_on_previous_text=False, word_timestamps=True)
        text = " ".join(s.text.strip() for s in segs)
    else:
        import torch
        import whisper

        from core.transcription.converter import checkpoint_from_ct2, load_openai_whisper
        torch.set_num_threads(threads)
        config = json.loads((info.path / "config.json").read_text())
        model = load_openai_whisper(checkpoint_from_ct2(info.read_model_bin()), config["alignment_heads"])
        t0 = time.monotonic()
        result = whisper.transcribe(model, audio, language="en", beam_size=5, best_of=5, fp16=False,
                                    condition_on_previous_text=False, word_timestamps=True, verbose=None)
        text = " ".join(s["text"].strip() for s in result["segments"])
    end = time.monotonic()
    return {"wall_s": end - audio_ready, "decode_s": end - t0, "audio_s": len(audio) / SR, "text": text,
            "setup_s": audio_ready - t_start, **_peak_rss_mb()}


def run_pipeline(engine: str, model_name: str) -> dict:
    import numpy as np

    from core.audio import codec
    from core.jobs import run_job
    from core.transcription.service import make_transcribe_job
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    from core.vault.recordings import ChunkRow, RecordingRepo
    from core.vault.transcripts import TranscriptRepo
    from tests.conftest import FAST_KDF, PASSPHRASE

    audio, _ref = bench_audio()
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "vault", PASSPHRASE, kdf=FAST_KDF)
        iid = InterviewRepo(vault).create("P-900", "BENCH").id
        repo = RecordingRepo(vault)
        rid = repo.create(iid, "import").id
        pcm = np.clip(np.round(audio * 32768), -32768, 32767).astype(np.int16)
        repo.add_chunks(rid, [ChunkRow(i, pos, len(pcm[pos:pos + SR]), codec.encode(pcm[pos:pos + SR]))
                              for i, pos in enumerate(range(0, len(pcm), SR))])
        repo.finish(rid)
        t0 = time.monotonic()
        transcript = run_job(make_transcribe_job(vault, iid, engine=engine, model=model_name,
                                                 options={"language": "en"}))
        wall = time.monotonic() - t0
        text = " ".join(s.text for s in TranscriptRepo(vault).segments(transcript.id))
        decode = transcript.options["engine_s"]
        vault.close()
    return {"wall_s": wall, "decode_s": decode, "audio_s": len(audio) / SR, "text": text, **_peak_rss_mb()}


def run_live(minutes: float, speed: float) -> dict:
    """Record ``minutes`` of looped speech through a fake mic at ``speed``x with live transcription."""
    from core.audio.capture import Recorder
    from core.audio.fake import fake_input_factory
    from core.transcription.live import LiveTranscriber
    from core.vault import Vault
    from core.vault.interviews import InterviewRepo
    from core.vault.transcripts import TranscriptRepo
    from tests.conftest import FAST_KDF, PASSPHRASE

    audio, _ref = bench_audio()
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "vault", PASSPHRASE, kdf=FAST_KDF)
        iid = InterviewRepo(vault).create("P-901", "BENCH").id
        recorder = Recorder(vault, iid, stream_factory=fake_input_factory(audio, speed=speed, loop=True))
        recorder.start()
        live = LiveTranscriber(vault, recorder.recording_id)
        live.start()
        time.sleep(minutes * 60 / speed)
        recorder.stop()
        stopped = time.monotonic()
        transcript = live.finish(timeout_s=300)
        finish_s = time.monotonic() - stopped
        n = len(TranscriptRepo(vault).segments(transcript.id))
        out = {"recorded_s": recorder.elapsed_s, "speed": speed, "stop_to_complete_s": finish_s,
               "tail_s": live.tail_s, "windows": live.windows, "segments": n, "overflows": recorder.overflows}
        vault.close()
    return out


# --- orchestration ---------------------------------------------------------------------------
def _child(*args: str) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", ORT_DISABLE_TELEMETRY="1")
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False,
                         env=env, cwd=REPO, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--live-minutes", type=float, default=10.0)
    parser.add_argument("--live-speed", type=float, default=5.0)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            result = run_bare(*rest)
        elif kind == "pipeline":
            result = run_pipeline(*rest)
        else:
            result = run_live(float(rest[0]), float(rest[1]))
        print(json.dumps(result))
        return

    from tests.helpers.transcription import wer
    _audio, reference = bench_audio()
    configs = [("faster-whisper", "tiny.en"), ("openai-whisper", "tiny.en"), ("faster-whisper", "base")]
    runs: dict[str, list[dict]] = {}
    for rnd in range(args.rounds):
        for engine, model in configs:
            for kind in ("bare", "pipeline") if rnd % 2 == 0 else ("pipeline", "bare"):
                key = f"{kind}|{engine}|{model}"
                r = _child(kind, engine, model)
                r["wer"] = wer(reference, r.pop("text"))
                runs.setdefault(key, []).append(r)
                print(f"  round {rnd + 1} {key}: wall {r['wall_s']:.1f}s decode {r['decode_s']:.1f}s "
                      f"wer {r['wer']:.3f}", flush=True)
    rows = []
    for engine, model in configs:
        bare, pipe = runs[f"bare|{engine}|{model}"], runs[f"pipeline|{engine}|{model}"]
        audio_s = bare[0]["audio_s"]
        med = lambda rs, k: statistics.median(r[k] for r in rs)
        row = {"engine": engine, "model": model, "audio_s": round(audio_s, 1),
               "bare_rtf": round(med(bare, "wall_s") / audio_s, 4),
               "pipeline_rtf": round(med(pipe, "wall_s") / audio_s, 4),
               "bare_decode_rtf": round(med(bare, "decode_s") / audio_s, 4),
               "pipeline_decode_rtf": round(med(pipe, "decode_s") / audio_s, 4),
               "overhead_ratio": round(med(pipe, "wall_s") / med(bare, "wall_s"), 3),
               "decode_ratio": round(med(pipe, "decode_s") / med(bare, "decode_s"), 3),
               "bare_peak_rss_mb": max(r["self_mb"] for r in bare),
               "pipeline_peak_rss_mb": {"parent": max(r["self_mb"] for r in pipe),
                                        "engine_child": max(r["children_mb"] for r in pipe)},
               "bare_wer": round(med(bare, "wer"), 4), "pipeline_wer": round(med(pipe, "wer"), 4)}
        rows.append(row)
    live = _child("live", str(args.live_minutes), str(args.live_speed)) if args.live_minutes > 0 else None
    print()
    print(f"{'engine':<15} {'model':<8} {'RTF bare':>9} {'RTF conf.':>9} {'ratio':>6} {'dec.ratio':>9} "
          f"{'RSS bare':>9} {'RSS child':>9} {'WER bare':>8} {'WER conf.':>9}")
    for r in rows:
        print(f"{r['engine']:<15} {r['model']:<8} {r['bare_rtf']:>9.3f} {r['pipeline_rtf']:>9.3f} "
              f"{r['overhead_ratio']:>6.2f} {r['decode_ratio']:>9.2f} {r['bare_peak_rss_mb']:>7.0f}MB "
              f"{r['pipeline_peak_rss_mb']['engine_child']:>7.0f}MB {r['bare_wer']:>8.3f} {r['pipeline_wer']:>9.3f}")
    if live:
        print(f"\nlive: {live['recorded_s'] / 60:.1f} min recorded at {live['speed']}x; stop -> complete "
              f"{live['stop_to_complete_s']:.1f}s (tail {live['tail_s']:.1f}s, {live['windows']} windows, "
              f"{live['overflows']} overflows)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_avg_at_end": os.getloadavg()},
        "rounds": args.rounds, "rows": rows, "live": live, "runs": runs}, indent=2) + "\n")
    print(f"\nwrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
