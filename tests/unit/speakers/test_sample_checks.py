"""The voice sample refuses what cannot be one, in plain words, before the voice model loads;
its texts follow the interface language."""

from __future__ import annotations

import numpy as np
import pytest

from core.errors import VoiceSampleSilent, VoiceSampleTooShort
from core.speakers.sample import MIN_CLIP_S, check_clip, explanation, make_voice_sample_job, reading
from tests.unit.speakers.conftest import load


def test_silence_and_short_speech_are_refused(vault):
    from core.jobs import run_job
    from core.vault.voices import VoiceRepo

    speech = load("one_voice_librivox.flac")
    with pytest.raises(VoiceSampleSilent):
        check_clip(np.zeros(25 * 16000, dtype=np.float32))
    with pytest.raises(VoiceSampleSilent):   # a muted microphone still hisses a little
        check_clip(np.random.default_rng(0).standard_normal(25 * 16000).astype(np.float32) * 1e-3)
    with pytest.raises(VoiceSampleTooShort):
        check_clip(speech[:int((MIN_CLIP_S - 1) * 16000)])
    check_clip(speech[:int((MIN_CLIP_S + 1) * 16000)])
    with pytest.raises(VoiceSampleTooShort):  # the job refuses it too, and keeps nothing
        run_job(make_voice_sample_job(vault, speech[:5 * 16000]))
    assert VoiceRepo(vault).sample() is None


def test_the_texts_follow_the_language():
    assert reading("es").startswith("Gracias por aceptar hablar conmigo hoy.")
    assert "nunca va en un paquete" in explanation("es")
    assert reading("fr") == reading("en") and reading().startswith("Thank you for agreeing")


def test_voice_text_speaks_the_persons_language(capsys):
    from core.cli import main
    assert main(["--language", "es", "voice", "text"]) == 0
    out = capsys.readouterr().out
    assert "nunca va en un paquete" in out and "Lee esto en voz alta" in out and "Gracias por aceptar" in out
    assert "Read this aloud" not in out and "identifies you" not in out
