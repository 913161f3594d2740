"""Transcript tab: passages show their voice; a voice can be renamed and ticked passages moved."""

from __future__ import annotations

from tests.ui.conftest import wait_idle


def _with_voices(qtbot, window):
    from core.vault.transcripts import Segment, TranscriptRepo
    from core.vault.voices import InterviewVoice, VoiceRepo

    vault, iid = window.ctx.session.vault, window.test_interview_id
    segs = [Segment(0, 2000, "How was the night shift?", speaker="interviewer", voice="V1"),
            Segment(2000, 5000, "Long. My lead changed the plan twice.", speaker="participant", voice="V2"),
            Segment(5000, 7000, "Mm, and then we stayed late.", speaker="interviewer", voice="V1")]
    TranscriptRepo(vault).create(iid, segs)
    VoiceRepo(vault).replace_voices(iid, [InterviewVoice("V1", "interviewer", "Interviewer"),
                                          InterviewVoice("V2", "participant", "Participant")])
    window.open_interview(iid, 1)
    wait_idle(qtbot)
    view = window.transcript
    qtbot.waitUntil(lambda: len(view.widgets) == 3, timeout=10000)
    return view


def test_voices_are_shown_renamed_and_passages_moved(qtbot, researcher_window):
    from core.vault.transcripts import TranscriptRepo
    from core.vault.voices import VoiceRepo

    window = researcher_window
    vault, iid = window.ctx.session.vault, window.test_interview_id
    view = _with_voices(qtbot, window)
    assert [w.voice.text() for w in view.widgets] == ["Interviewer", "Participant", "Interviewer"]
    assert view.voices.isVisibleTo(view) and set(view.voices.names) == {"V1", "V2"}
    assert not view.voices.move_button.isEnabled()  # nothing ticked yet

    name = view.voices.names["V2"]
    name.setText("Dana")
    name.setModified(True)
    name.editingFinished.emit()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: {v.voice: v.label for v in VoiceRepo(vault).voices(iid)}["V2"] == "Dana", timeout=10000)

    view.widgets[2].pick.setChecked(True)   # "Mm, and then we stayed late." was the participant
    assert view.voices.move_button.isEnabled()
    view.voices.move_to.setCurrentIndex(view.voices.move_to.findData("V2"))
    view.voices.move_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: TranscriptRepo(vault).current_segments(iid)[2].voice == "V2", timeout=10000)
    moved = TranscriptRepo(vault).current_segments(iid)[2]
    assert moved.speaker == "participant" and "voice_manual" in moved.flags
    qtbot.waitUntil(lambda: len(view.widgets) == 3 and view.widgets[2].voice.text() == "Dana", timeout=10000)
