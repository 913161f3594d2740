"""Stereo with one speaker per channel, end to end: import keeps the channels' levels, the speaker
step takes the voices from the channels; ordinary stereo and mono stay as they were."""

from __future__ import annotations

import numpy as np
import pytest

from core.jobs import CancelToken
from tests.helpers import stereo


def _import(vault, path, code):
    from core.audio.importer import make_import_job
    from core.jobs import run_job
    from core.vault.interviews import InterviewRepo
    iid = InterviewRepo(vault).create(code, "SITE-S").id
    return iid, run_job(make_import_job(vault, iid, path))


def _transcribe(vault, iid, **options):
    from core.transcription.service import make_transcribe_job
    return make_transcribe_job(vault, iid, options={"beam_size": 1, **options})(lambda p: None, CancelToken())


def _word_accuracy(segments, ref) -> tuple[int, float]:
    """Words inside a reference turn whose voice is that turn's speaker, under the best mapping."""
    pairs = []
    for seg in segments:
        for w in seg.words:
            mid = (w.start_ms + w.end_ms) / 2
            who = [k for s, e, k in ref if s <= mid < e]
            if who:
                pairs.append((w.voice or seg.voice, who[0]))
    best = max(sum(1 for v, k in pairs if (v == "V1") == (k == first)) for first in ("jfk", "reader"))
    return len(pairs), best / max(len(pairs), 1)


def test_a_voice_per_channel_gives_the_voices(vault, tmp_path):
    from core.vault.channels import ChannelRepo
    from core.vault.erase import erase_recording
    from core.vault.transcripts import TranscriptRepo

    conversation, ref = stereo.conversation()
    up = np.stack([stereo.resample_to(conversation[:, c], 44100) for c in (0, 1)], axis=1)
    iid, rid = _import(vault, stereo.write(tmp_path / "call.wav", up, 44100), "P-400")
    kept = ChannelRepo(vault).levels(rid)
    assert kept is not None and kept[0].shape[1] == 2 and abs(kept[0].shape[0] - 3750) <= 2

    transcript = _transcribe(vault, iid)
    voices = transcript.options["voices"]
    assert voices["method"] == "channels" and [v["voice"] for v in voices["voices"]] == ["V1", "V2"]
    segments = TranscriptRepo(vault).segments(transcript.id)
    for seg in segments:   # no segment spans a change of voice
        assert {w.voice for w in seg.words} <= {seg.voice}
    n, accuracy = _word_accuracy(segments, ref)
    assert n > 60 and accuracy >= 0.95, accuracy
    assert {s.voice for s in segments} == {"V1", "V2"} and len(segments) >= 8   # eight turns
    assert {s.speaker for s in segments} == {"interviewer", "participant"}

    erase_recording(vault, rid)      # deleting the take (with proof) takes the levels too
    assert ChannelRepo(vault).levels(rid) is None


def test_with_a_voice_sample_the_researchers_channel_is_the_interviewer(vault, tmp_path):
    """The reader is the researcher: a sample of their later sentences (not in the call) names
    their channel's voice the interviewer, for every word they say."""
    from core.jobs import run_job
    from core.speakers.sample import make_voice_sample_job
    from core.vault.transcripts import TranscriptRepo

    run_job(make_voice_sample_job(vault, stereo.reader_after(2)))
    conversation, ref = stereo.conversation(turns=2)
    iid, _rid = _import(vault, stereo.write(tmp_path / "call.wav", conversation), "P-420")
    transcript = _transcribe(vault, iid)
    assert transcript.options["voices"]["method"] == "channels"
    assert transcript.options["voices"]["role_source"] == "sample"
    words = right = 0
    for seg in TranscriptRepo(vault).segments(transcript.id):
        for w in seg.words:
            mid = (w.start_ms + w.end_ms) / 2
            who = [k for s, e, k in ref if s <= mid < e]
            if who:
                words += 1
                right += (seg.speaker == "interviewer") == (who[0] == "reader")
    assert words > 30 and right == words, (right, words)


@pytest.mark.parametrize("kind", ["ordinary", "mono"])
def test_ordinary_stereo_and_mono_are_found_by_sound_as_before(vault, tmp_path, kind):
    from core.vault.channels import ChannelRepo

    conversation, _ref = stereo.conversation()
    audio = stereo.ordinary(conversation) if kind == "ordinary" else conversation.mean(axis=1)
    iid, rid = _import(vault, stereo.write(tmp_path / f"{kind}.wav", audio), f"P-40{len(kind)}")
    assert ChannelRepo(vault).levels(rid) is None
    transcript = _transcribe(vault, iid)
    assert transcript.options["voices"]["method"] == "voices"


def test_a_fixed_number_of_voices_other_than_two_is_found_by_sound(vault, tmp_path):
    conversation, _ref = stereo.conversation()
    iid, _rid = _import(vault, stereo.write(tmp_path / "call.wav", conversation), "P-410")
    transcript = _transcribe(vault, iid, speakers=3)
    assert transcript.options["voices"]["method"] != "channels"


def test_a_live_recording_from_a_two_channel_microphone_takes_its_voices_from_the_channels(vault):
    """A two-channel device (one headset per person) is recorded in stereo: the audio is stored
    mono as always, the channels' levels are kept at stop, and the transcript at stop has its
    voices from the channels. A mono device and ordinary stereo keep nothing."""
    import time

    from core.audio.capture import Recorder
    from core.audio.fake import fake_input_factory
    from core.transcription.live import LiveTranscriber
    from core.vault.channels import ChannelRepo
    from core.vault.interviews import InterviewRepo
    from core.vault.recordings import RecordingRepo
    from core.vault.transcripts import TranscriptRepo

    conversation, ref = stereo.conversation()
    up = np.stack([stereo.resample_to(conversation[:, c], 48000) for c in (0, 1)], axis=1)
    iid = InterviewRepo(vault).create("P-420", "SITE-S").id
    factory = fake_input_factory(up, signal_rate_hz=48000, speed=4.0)
    recorder = Recorder(vault, iid, stream_factory=factory)
    recorder.start()
    assert factory.streams[-1].channels == 2 and recorder.native_rate_hz == 48000
    live = LiveTranscriber(vault, recorder.recording_id, options={"beam_size": 1})
    live.start()
    time.sleep(len(up) / 48000 / 4.0 + 1.0)
    rid = recorder.stop()
    transcript = live.finish(timeout_s=90)
    assert recorder.overflows == 0
    assert transcript.options["voices"]["method"] == "channels"
    kept = ChannelRepo(vault).levels(rid)
    stored_s = RecordingRepo(vault).committed_samples(rid) / 16000
    assert kept is not None and abs(kept[0].shape[0] / 100 - stored_s) <= 0.05   # on the stored clock
    segments = TranscriptRepo(vault).segments(transcript.id)
    for seg in segments:   # no segment spans a change of voice
        assert {w.voice for w in seg.words} <= {seg.voice}
    n, accuracy = _word_accuracy(segments, ref)
    assert n > 60 and accuracy >= 0.95, accuracy
    assert {s.voice for s in segments} == {"V1", "V2"}
    assert {s.speaker for s in segments} == {"interviewer", "participant"}

    for code, signal, rate in (("P-421", conversation.mean(axis=1), 16000),
                               ("P-422", stereo.ordinary(conversation), 16000)):
        other = InterviewRepo(vault).create(code, "SITE-S").id
        rec = Recorder(vault, other, stream_factory=fake_input_factory(signal[:16000 * 3], signal_rate_hz=rate,
                                                                       speed=10.0))
        rec.start()
        time.sleep(0.5)
        assert ChannelRepo(vault).levels(rec.stop()) is None
