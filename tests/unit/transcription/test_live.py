"""Live transcription while recording: a fake fast microphone, then the real virtual microphone."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest

from core.audio.capture import Recorder
from core.audio.fake import fake_input_factory
from core.transcription.live import LiveTranscriber
from core.vault.interviews import InterviewRepo
from core.vault.recordings import RecordingRepo
from core.vault.transcripts import TranscriptRepo
from tests.helpers.transcription import PASSAGE, normalise, speech, wer
from tests.helpers.vmic import play_into_vmic, vmic  # noqa: F401  (vmic is a fixture)

pytestmark = pytest.mark.slow


def _check_stitching(segments) -> None:
    """Segments are in order, do not overlap, and no phrase is committed twice at a border."""
    for a, b in itertools.pairwise(segments):
        assert a.end_ms <= b.start_ms + 300, (a.end_ms, b.start_ms)
        assert normalise(a.text) != normalise(b.text)


def test_live_transcript_grows_during_recording_and_completes_after_stop(tx_vault):
    audio = speech()  # ~71 s
    interview_id = InterviewRepo(tx_vault).create("P-200", "SITE-L").id
    # 4x real time: a ~70 s interview recorded in ~18 s, with the live engine keeping up.
    recorder = Recorder(tx_vault, interview_id, stream_factory=fake_input_factory(audio, speed=4.0))
    recorder.start()
    live = LiveTranscriber(tx_vault, recorder.recording_id, options={"beam_size": 1})
    live.start()
    grew_while_recording = False
    deadline = time.monotonic() + len(audio) / 16000 / 4.0 + 1.0
    while time.monotonic() < deadline:
        grew_while_recording = grew_while_recording or bool(live.segments_so_far())
        time.sleep(0.2)
    recorder.stop()
    stopped = time.monotonic()
    transcript = live.finish(timeout_s=60)
    finish_s = time.monotonic() - stopped
    segments = TranscriptRepo(tx_vault).segments(transcript.id)
    text = " ".join(s.text for s in segments)
    print(f"live(fake 4x): windows={live.windows} tail={live.tail_s:.1f}s finish={finish_s:.1f}s "
          f"wer={wer(PASSAGE, text):.3f}")
    assert grew_while_recording, "nothing was transcribed while recording"
    assert transcript.state == "complete" and transcript.is_current and live.windows >= 2
    assert wer(PASSAGE, text) <= 0.3
    assert "questions for today" in normalise(text)
    _check_stitching(segments)
    assert InterviewRepo(tx_vault).get(interview_id).state == "transcribed"


def test_live_transcription_skips_off_record_spans(tx_vault, tmp_path):
    import soundfile as sf

    from core.audio.importer import make_import_job
    from core.jobs import run_job

    parts = [speech("We start work at six, and my manager is very strict about breaks."),
             speech("This part is secret and should never be written down anywhere at all."),
             speech("After that we load the trucks and drive to the city.")]
    wav = tmp_path / "interview.wav"  # test input only; the import reads it into the vault
    sf.write(wav, np.concatenate(parts), 16000)
    interview_id = InterviewRepo(tx_vault).create("P-201", "SITE-L").id
    rid = run_job(make_import_job(tx_vault, interview_id, wav))
    start, end = len(parts[0]), len(parts[0]) + len(parts[1])
    repo = RecordingRepo(tx_vault)
    repo.add_marker(rid, "off_record_start", start)
    repo.add_marker(rid, "off_record_end", end)
    live = LiveTranscriber(tx_vault, rid, options={"beam_size": 1})
    live.start()
    transcript = live.finish(timeout_s=60)
    segments = TranscriptRepo(tx_vault).segments(transcript.id)
    text = normalise(" ".join(s.text for s in segments))
    words = [w for s in segments for w in s.words]
    assert "secret" not in text and "trucks" in text and "manager" in text
    assert not any(start * 1000 // 16000 + 100 < w.start_ms < end * 1000 // 16000 - 100 for w in words)
    assert max(w.end_ms for w in words) > end * 1000 // 16000  # after the cut: the recording's clock


@pytest.mark.mic
def test_live_with_the_virtual_microphone_completes_within_10s_of_stop(vmic, tx_vault):  # noqa: F811
    audio = speech()  # ~71 s of speech through the real PulseAudio path
    interview_id = InterviewRepo(tx_vault).create("P-202", "SITE-M").id
    recorder = Recorder(tx_vault, interview_id)
    recorder.start()
    assert recorder.wait_for_first_audio(10), "the virtual microphone delivered nothing"
    live = LiveTranscriber(tx_vault, recorder.recording_id)
    live.start()
    player = play_into_vmic(audio, wait=False, env=vmic.env)
    player.wait(timeout=len(audio) / 16000 + 30)
    time.sleep(0.5)  # let the last block reach the recorder
    recorder.stop()
    stopped = time.monotonic()
    transcript = live.finish(timeout_s=60)
    finish_s = time.monotonic() - stopped
    segments = TranscriptRepo(tx_vault).segments(transcript.id)
    text = " ".join(s.text for s in segments)
    print(f"live(vmic): windows={live.windows} tail={live.tail_s:.1f}s finish={finish_s:.1f}s "
          f"overflows={recorder.overflows} wer={wer(PASSAGE, text):.3f}")
    assert recorder.overflows == 0 and recorder.error is None
    assert finish_s <= 10.0
    assert transcript.state == "complete" and wer(PASSAGE, text) <= 0.3
    assert "questions for today" in normalise(text)
    _check_stitching(segments)
