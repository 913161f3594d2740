"""Unlock recovers an unfinished recording; live text appears while recording."""

from __future__ import annotations

from core.audio.fake import fake_input_factory
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle


def test_unlock_recovers_an_unfinished_recording(qtbot, tmp_path, shown_errors, answers, files):
    """A recording left in state 'recording' (a crash) is recovered at unlock and shown so."""
    from core.vault import Vault
    from core.vault.guides import GuideRepo
    from core.vault.interviews import Consent, InterviewRepo
    from core.vault.recordings import RecordingRepo
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    guide = GuideRepo(v).ensure_defaults()[0]
    iv = InterviewRepo(v).create("P-009", "SITE-A", guide_pk=guide.pk,
                                 consent=Consent("verbal", "2025-01-01T10:00", "", True))
    rec = RecordingRepo(v).create(iv.id, "mic")  # the app died before stop()
    v.close()
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    assert RecordingRepo(window.ctx.session.vault).get(rec.id).state == "recovered"
    window.open_interview(iv.id, 0)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "recovered" in window.record.saved.text(), timeout=10000)
    assert not shown_errors
    stop_everything(qtbot, window)


def test_live_text_appears_while_recording(qtbot, researcher_window, jfk_signal):
    """With live transcription on, what was said shows up before the recording stops."""
    window = researcher_window
    window.ctx.overrides["stream_factory"] = fake_input_factory(jfk_signal, speed=3.0)
    window.ctx.overrides["live_transcript"] = True
    window.open_interview(window.test_interview_id, 0)
    wait_idle(qtbot)
    view = window.record
    view.record_button.click()
    qtbot.waitUntil(lambda: view.recorder is not None, timeout=10000)
    assert view.live is not None
    # Provisional words show first (decision 0123); the whole sentence follows as it is heard.
    qtbot.waitUntil(lambda: "country" in view.live_text.toPlainText().lower(), timeout=90000)
    assert view.recorder is not None and view.recorder.is_recording   # still recording
    view.stop_recording()
    wait_idle(qtbot, 180000)
    # Stopping finishes the typing up: questions and themes come with it, and "Type it up
    # now" is not offered for what is already typed up (issue 16).
    assert view.job.label.text() == "Recording saved and typed up."
    assert not view.transcribe_button.isVisible()
    from core.vault.transcripts import TranscriptRepo
    segments = TranscriptRepo(window.ctx.session.vault).current_segments(window.test_interview_id)
    assert segments and any(s.question_id for s in segments) and all(s.speaker for s in segments)
    view.load(window.test_interview_id)
    wait_idle(qtbot)
    assert not view.transcribe_button.isVisible()


class _GrowingLive:
    """A stand-in for LiveTranscriber's read side: committed and provisional text grow."""

    def __init__(self) -> None:
        from core.vault.transcripts import Segment
        self.Segment = Segment
        self.n = 0

    def segments_so_far(self):
        return [self.Segment(i * 1000, i * 1000 + 900, f"line {i} of what was said") for i in range(self.n)]

    def provisional_so_far(self):
        return [self.Segment(self.n * 1000, self.n * 1000 + 900, "still being heard")]


def test_live_text_follows_the_newest_words(qtbot, researcher_window):
    view = researcher_window.record
    live = _GrowingLive()
    view.live = live
    try:
        for n in (5, 60, 120):
            live.n = n
            view._on_live_poll()
            bar = view.live_text.verticalScrollBar()
            assert bar.value() == bar.maximum()
        assert view.live_text.toPlainText().endswith("still being heard")   # provisional shown
        view.live_text.verticalScrollBar().setValue(0)                     # the person scrolls up
        live.n = 130
        view._on_live_poll()
        assert view.live_text.verticalScrollBar().value() == 0              # and is left there
    finally:
        view.live = None
