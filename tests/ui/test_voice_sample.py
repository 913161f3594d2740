"""Teach Confidant your voice, in a real window with real audio through the virtual microphone.

A real reader's voice is played into the PulseAudio virtual mic while the dialog records it
through PortAudio (the same stream the Record tab opens); the sample is learnt by the real
voice model, stored encrypted in the vault, and then picks that reader out as the
interviewer in a real four-voice recording. Too short and silent recordings are refused
in plain words, and "Forget my voice" deletes the sample.
"""

from __future__ import annotations

import time

import pytest

from tests.helpers.vmic import play_into_vmic, vmic  # noqa: F401  (vmic is a fixture)
from tests.ui.conftest import wait_idle
from tests.unit.speakers.conftest import DATA, rttm


def _open_dialog(qtbot, window):
    window._select_nav("settings")
    wait_idle(qtbot)
    section = window.settings.voice
    assert section.state.text() == "Confidant does not know your voice yet."
    section.open_button.click()
    dialog = section.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    wait_idle(qtbot)
    return section, dialog


def _start(qtbot, dialog) -> None:
    """Press Start and wait until the microphone delivers (it can take ~2 s to begin)."""
    dialog.record_button.click()
    qtbot.waitUntil(lambda: dialog.recorder is not None, timeout=20000)
    qtbot.waitUntil(lambda: dialog.recorder is None or dialog.recorder.elapsed_s > 0.2, timeout=20000)


def _interviewer_share(vault, interview_id: str, transcript, ref, researcher: str) -> tuple[int, float]:
    """Words on one-speaker stretches, and the share whose role is right (interviewer = researcher)."""
    from core.vault.transcripts import TranscriptRepo
    words = right = 0
    for seg in TranscriptRepo(vault).segments(transcript.id):
        for w in seg.words:
            mid = (w.start_ms + w.end_ms) / 2
            who = {k for s, e, k in ref if s <= mid < e}
            if len(who) == 1:
                words += 1
                right += (seg.speaker == "interviewer") == (who == {researcher})
    return words, right / max(words, 1)


@pytest.mark.mic
@pytest.mark.slow
def test_voice_taught_through_the_microphone_names_the_interviewer_and_can_be_forgotten(
        qtbot, researcher_window, vmic, answers, shown_errors):  # noqa: F811
    from core.audio.importer import make_import_job
    from core.jobs import CancelToken, run_job
    from core.speakers.sample import RECORD_S
    from core.transcription.service import make_transcribe_job
    from core.vault.interviews import InterviewRepo
    from core.vault.voices import VoiceRepo

    window = researcher_window
    vault = window.ctx.session.vault
    section, dialog = _open_dialog(qtbot, window)
    # What it is, where it stays, and that it can go, in plain words; the text to read.
    why = dialog.why.text()
    assert "identifies you" in why and "never goes into a packet" in why and "delete it" in why
    assert dialog.text.toPlainText().startswith("Thank you for agreeing to talk with me today.")
    assert dialog.reading_part.isVisible() and not dialog.forget_button.isVisible()

    _start(qtbot, dialog)
    player = play_into_vmic(DATA / "one_voice_librivox.flac", wait=False, env=vmic.env)
    try:
        # The meter moves while the reader speaks, and the clock counts up to the limit.
        qtbot.waitUntil(lambda: dialog.meter.rms > 0.01, timeout=15000)
        assert dialog.elapsed.text().endswith(" / 00:30")
        # It stops by itself at 30 s, then learns the voice (the real model, in its child).
        qtbot.waitUntil(lambda: dialog.recorder is None, timeout=int(RECORD_S * 1000) + 20000)
        qtbot.waitUntil(lambda: "Confidant knows your voice (recorded " in dialog.status.text(), timeout=90000)
    finally:
        player.wait(timeout=60)
    wait_idle(qtbot)
    assert not shown_errors and dialog.problem.text() == ""
    assert dialog.again_button.isVisible() and dialog.forget_button.isVisible()
    assert not dialog.reading_part.isVisible()
    sample = VoiceRepo(vault).sample()
    assert sample is not None and sample.speech_s >= 15
    qtbot.waitUntil(lambda: section.state.text() == "Confidant knows your voice.", timeout=5000)

    # The sample is what finds the interviewer: the reader is one of four real voices.
    iid = InterviewRepo(vault).create("P-300", "SITE-A").id
    run_job(make_import_job(vault, iid, DATA / "joined4.flac"))
    transcript = make_transcribe_job(vault, iid, options={"beam_size": 1, "speakers": 4})(
        lambda p: None, CancelToken())
    assert transcript.options["voices"]["role_source"] == "sample"
    words, share = _interviewer_share(vault, iid, transcript, rttm("joined4.rttm"), "librivox")
    assert words > 60 and share >= 0.9, share

    # Forget my voice: asked first, then gone from the vault.
    answers.queue = [True]
    dialog.forget_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: dialog.status.text() == "Confidant does not know your voice yet.", timeout=10000)
    assert "deletes your voice sample" in answers.asked[-1]
    assert VoiceRepo(vault).sample() is None
    assert dialog.reading_part.isVisible() and not dialog.forget_button.isVisible()
    qtbot.waitUntil(lambda: section.state.text() == "Confidant does not know your voice yet.", timeout=5000)


@pytest.mark.mic
def test_a_silent_or_short_recording_is_refused_in_plain_words(qtbot, researcher_window, vmic, shown_errors):  # noqa: F811
    from core.vault.voices import VoiceRepo
    from tests.conftest import JFK_FLAC

    window = researcher_window
    _section, dialog = _open_dialog(qtbot, window)

    _start(qtbot, dialog)     # nothing is played: the microphone hears silence
    deadline = time.monotonic() + 3
    qtbot.waitUntil(lambda: time.monotonic() > deadline, timeout=5000)
    dialog.record_button.click()   # Stop
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=20000)
    assert dialog.problem.text().startswith("Nothing was heard: the recording is silent.")
    assert "microphone is on" in dialog.problem.text()

    _start(qtbot, dialog)     # 11 s of real speech, then Stop: too short to learn a voice from
    play_into_vmic(JFK_FLAC, wait=True, env=vmic.env)
    dialog.record_button.click()
    qtbot.waitUntil(lambda: dialog.problem.text().startswith("This recording is too short"), timeout=20000)
    wait_idle(qtbot)
    assert VoiceRepo(window.ctx.session.vault).sample() is None
    assert dialog.job.label.text() == "Nothing was saved."
    assert dialog.record_button.isEnabled() and dialog.record_button.text() == "Start"
    assert not shown_errors


def test_the_voices_box_offers_the_voice_sample_when_there_is_none(qtbot, researcher_window):
    from core.vault.transcripts import Segment, TranscriptRepo
    from core.vault.voices import InterviewVoice, VoiceRepo

    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    TranscriptRepo(vault).create(iid, [
        Segment(0, 2000, "How was the night shift?", speaker="interviewer", voice="V1"),
        Segment(2000, 5000, "Long. My lead changed the plan twice.", speaker="participant", voice="V2")])
    VoiceRepo(vault).replace_voices(iid, [InterviewVoice("V1", "interviewer", "Interviewer"),
                                          InterviewVoice("V2", "participant", "Participant")])
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    view = window.transcript
    qtbot.waitUntil(lambda: len(view.widgets) == 2, timeout=10000)
    panel = view.voices
    assert panel.teach_button.isVisibleTo(view) and "does not know your voice" in panel.teach_note.text()
    panel.teach_button.click()
    qtbot.waitUntil(lambda: view.voice_dialog is not None and view.voice_dialog.isVisible(), timeout=5000)
    assert view.voice_dialog.windowTitle() == "Teach Confidant your voice"
    view.voice_dialog.close()
    # With a sample kept, the offer goes away.
    import numpy as np
    VoiceRepo(vault).save_sample(model="t", vector=np.ones(256, dtype=np.float32) / 16, audio_pcm16=b"\0\0",
                                 sample_rate_hz=16000, speech_s=20.0)
    view.reload()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: not panel.teach_button.isVisibleTo(view), timeout=10000)
    assert not panel.teach_note.isVisibleTo(view) and panel.isVisibleTo(view)


def test_the_voice_dialog_in_spanish_shows_no_english(qtbot, spanish, researcher_window):
    """Spanish interface: the explanation, the text to read and a refusal are all Spanish. A fake
    microphone (silence, 20x real time) stands in for the real one here; the real one is above."""
    import numpy as np

    from core.audio.fake import fake_input_factory
    from core.speakers.sample import explanation, reading
    from tests.helpers.spanish_screens import english_sources as _english_sources
    from tests.helpers.spanish_screens import visible_texts as _visible_texts

    window = researcher_window
    window.ctx.overrides["stream_factory"] = fake_input_factory(np.zeros(16000, dtype=np.float32), speed=20)
    window._select_nav("settings")
    wait_idle(qtbot)
    window.settings.voice.open_button.click()
    dialog = window.settings.voice.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    wait_idle(qtbot)
    assert dialog.windowTitle() == "Enseña tu voz a Confidant"
    assert dialog.why.text() == explanation("es") and dialog.text.toPlainText() == reading("es")
    dialog.record_button.click()       # 30 s of silence, at 20x: it stops by itself and refuses
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=30000)
    wait_idle(qtbot)
    assert dialog.problem.text().startswith("No se oyó nada")
    english = _english_sources()
    assert not {t for t in _visible_texts(dialog) if t in english}
    dialog.close()


def test_the_interview_being_recorded_keeps_the_microphone(qtbot, researcher_window, jfk_signal):
    from core.audio.fake import fake_input_factory

    window = researcher_window
    window.ctx.overrides["stream_factory"] = fake_input_factory(jfk_signal, speed=1.0)
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    window.record.record_button.click()
    qtbot.waitUntil(lambda: window.record.recorder is not None, timeout=10000)
    window._select_nav("settings")
    wait_idle(qtbot)
    window.settings.voice.open_button.click()
    dialog = window.settings.voice.dialog
    wait_idle(qtbot)
    dialog.record_button.click()
    assert dialog.problem.text().startswith("An interview is being recorded.")
    assert dialog.recorder is None and window.record.recorder.is_recording
    dialog.close()
