"""Transcribing an imported recording end to end with both engines (real tiny.en model)."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

import pytest

from core.jobs import run_job
from core.transcription.service import make_transcribe_job
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo
from core.vault.transcripts import TranscriptRepo
from tests.conftest import JFK_TEXT
from tests.helpers.transcription import normalise, wer

pytestmark = pytest.mark.slow

_AUDIO_MAGIC = (b"RIFF", b"fLaC", b"OggS", b"ID3")
_TEXT_NEEDLES = (b"fellow americans", b"your country")


class TempDirWatch:
    """Scans temp folders while a job runs, noting new files and any with audio or transcript text."""

    def __init__(self, folders: list[Path], exclude: Path, *, skip_prefixes: tuple[str, ...] = ()) -> None:
        self.folders, self.exclude = folders, str(exclude.resolve())
        self.skip_prefixes = skip_prefixes
        self.offending: set[str] = set()
        self.new_files: set[str] = set()
        self._seen: dict[str, tuple[int, int]] = {}  # path -> (size, mtime) already read
        self._since = time.time() - 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _scan(self) -> None:
        for folder in self.folders:
            for root, _dirs, files in os.walk(folder, onerror=lambda e: None):
                if root.startswith((self.exclude, *self.skip_prefixes)):
                    continue
                for name in files:
                    path = os.path.join(root, name)
                    try:
                        st = os.stat(path)
                        if st.st_mtime < self._since or self._seen.get(path) == (st.st_size, st.st_mtime_ns):
                            continue
                        self._seen[path] = (st.st_size, st.st_mtime_ns)
                        self.new_files.add(path)
                        with open(path, "rb") as fh:
                            head = fh.read(1 << 20)
                    except OSError:
                        continue  # vanished, or another user's file
                    if head.startswith(_AUDIO_MAGIC) or any(n in head.lower() for n in _TEXT_NEEDLES):
                        self.offending.add(path)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._scan()

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._scan()


@pytest.mark.parametrize("engine", ["faster-whisper", "openai-whisper"])
def test_both_engines_transcribe_jfk_without_writing_files(engine, tx_vault, jfk_interview, tmp_path,
                                                          monkeypatch):
    interview_id, rid = jfk_interview
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    # Parent and engine child both use this temp dir: it must stay empty.
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    progress = []
    system_tmp = Path(tempfile.gettempprefix() and "/tmp")
    with TempDirWatch([private_tmp], exclude=tx_vault.folder) as private, \
            TempDirWatch([system_tmp], exclude=tx_vault.folder,
                         # Other test runs on a shared machine write their own fixtures under
                         # pytest's folders; a leak from this job would not land there (it
                         # would ignore TMPDIR and write to /tmp itself).
                         skip_prefixes=(str(system_tmp / "pytest-of-"),)) as shared:
        transcript = run_job(make_transcribe_job(tx_vault, interview_id, engine=engine), progress.append)
    assert private.new_files == set(), "the transcription wrote files to the temp dir"
    assert shared.offending == set(), "a file with audio or transcript text appeared in /tmp"

    segments = TranscriptRepo(tx_vault).segments(transcript.id)
    text = " ".join(s.text for s in segments)
    assert wer(JFK_TEXT, text) <= 0.05, normalise(text)
    assert (transcript.engine, transcript.model, transcript.recording_id) == (engine, "tiny.en", rid)
    assert len(transcript.model_sha256) == 64 and transcript.language == "en"
    assert transcript.options["condition_on_previous_text"] is False and transcript.options["vad"] is True
    assert all(s.words and all(0 <= w.probability <= 1 for w in s.words) for s in segments)
    assert 0 <= segments[0].start_ms < segments[-1].end_ms <= 11_100
    assert all(s.confidence is not None and s.avg_logprob is not None for s in segments)
    assert InterviewRepo(tx_vault).get(interview_id).state == "transcribed"
    stages = [p.stage for p in progress]
    assert stages[0] == "Reading audio" and "Transcribing" in stages and progress[-1].fraction == 1.0
    assert os.listdir(private_tmp) == []


def test_off_record_span_is_cut_and_times_stay_on_the_recording_clock(tx_vault, jfk_interview):
    interview_id, rid = jfk_interview
    repo = RecordingRepo(tx_vault)
    # jfk: "...ask not what your country can do for you" ends ~8.0 s; cut 3.0-8.2 s.
    repo.add_marker(rid, "off_record_start", 3 * 16000)
    repo.add_marker(rid, "off_record_end", int(8.2 * 16000))
    transcript = run_job(make_transcribe_job(tx_vault, interview_id))
    segments = TranscriptRepo(tx_vault).segments(transcript.id)
    text = normalise(" ".join(s.text for s in segments))
    assert "ask not" not in text and "can do for you" not in text.split("ask what")[0]
    assert "ask what you can do for your country" in text
    words = [w for s in segments for w in s.words]
    late = [w for w in words if "country" in w.word.lower()]
    assert late and late[-1].start_ms > 8200  # after the cut, on the recording's clock
    assert not any(3000 < w.start_ms < 8200 for w in words)
    assert transcript.options["off_record_cut_s"] == pytest.approx(5.2, abs=0.01)


def test_retranscribing_keeps_the_researchers_edits_unless_discarded(tx_vault, jfk_interview):
    interview_id, _rid = jfk_interview
    repo = TranscriptRepo(tx_vault)
    first = run_job(make_transcribe_job(tx_vault, interview_id))
    seg = repo.segments(first.id)[0]
    repo.update_text(seg.id, "And so, my fellow Americans (corrected)")
    second = run_job(make_transcribe_job(tx_vault, interview_id, options={"beam_size": 1}))
    texts = [s.text for s in repo.segments(second.id)]
    assert texts[0] == "And so, my fellow Americans (corrected)" and len(texts) == 2
    assert second.options["kept_edits"] == 1 and repo.current(interview_id).id == second.id
    assert repo.get(first.id).is_current is False  # the old transcript is kept, not current
    third = run_job(make_transcribe_job(tx_vault, interview_id, options={"discard_edits": True}))
    assert all("corrected" not in s.text for s in repo.segments(third.id))


def test_the_temp_dir_watch_would_catch_a_leak(tmp_path):
    """Control for the scan above: a file with transcript text or audio is seen."""
    watched = tmp_path / "watched"
    watched.mkdir()
    with TempDirWatch([watched], exclude=tmp_path / "vault") as watch:
        (watched / "leak.txt").write_bytes(b"... my Fellow Americans ...")
        (watched / "x.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVE")
        time.sleep(0.3)
    assert {os.path.basename(p) for p in watch.offending} == {"leak.txt", "x.wav"}
