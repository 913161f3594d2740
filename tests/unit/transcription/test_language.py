"""The interview's language picks the model and the language, with no flags (real models,
real vault, real recorded Spanish speech from the asterisk-core-sounds-es package)."""

from __future__ import annotations

import pytest

from core.cli import main
from core.errors import ModelNotInstalled
from core.transcription.language import interview_language, model_for, set_default_model
from core.vault.guides import GuideRepo
from core.vault.interviews import InterviewRepo
from core.vault.transcripts import TranscriptRepo
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers import prompts
from tests.helpers.transcription import wer


def _has_base() -> bool:
    from core.transcription.registry import list_models
    return any(m.name == "base" for m in list_models())


needs_base = pytest.mark.skipif(not _has_base(), reason="the multilingual base model package is not installed")


@pytest.fixture
def vault(tmp_path):
    from core.vault import Vault
    v, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    GuideRepo(v).ensure_defaults()
    yield v
    v.close()


def _interview(vault, guide: str | None) -> str:
    pk = GuideRepo(vault).resolve(guide).pk if guide else None
    return InterviewRepo(vault).create("P-001", "SITE-A", guide_pk=pk).id


def test_language_comes_from_the_guide(vault):
    assert interview_language(vault, _interview(vault, "job-quality-es")) == "es"
    assert interview_language(vault, _interview(vault, "job-quality")) == "en"
    assert interview_language(vault, _interview(vault, None)) == ""


@needs_base
def test_each_language_gets_a_model_that_speaks_it(vault):
    assert model_for(vault, "en").name == "tiny.en"
    assert model_for(vault, "es").name == "base"
    assert model_for(vault, "es-MX").name == "base"
    assert model_for(vault, "").is_multilingual  # unknown: a model that can detect it
    # tiny.en cannot write Spanish: naming it for a Spanish interview is refused, never nonsense.
    with pytest.raises(ModelNotInstalled, match="cannot transcribe Spanish"):
        model_for(vault, "es", "tiny.en")
    with pytest.raises(ModelNotInstalled, match="only understands English"):
        set_default_model(vault, "es", "tiny.en")
    # The per-language setting wins; English can use the multilingual model too.
    set_default_model(vault, "en", "base")
    assert model_for(vault, "en").name == "base" and model_for(vault, "es").name == "base"
    # An old single-model setting that cannot speak Spanish is passed over for Spanish.
    vault.set_setting("transcription.model", "tiny.en")
    vault.set_setting("transcription.model.en", "")
    assert model_for(vault, "en").name == "tiny.en" and model_for(vault, "es").name == "base"


@pytest.fixture
def spanish_cli(tmp_path, monkeypatch):
    prompts.require()
    from core.vault import Vault
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    audio, text = prompts.spanish_speech()
    wav = prompts.write_wav(audio, tmp_path / "es.wav")  # public test speech, not interview data
    return folder, wav, text


def _run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


@needs_base
@pytest.mark.slow
def test_a_spanish_interview_transcribes_in_spanish_with_no_flags(spanish_cli, capsys):
    folder, wav, reference = spanish_cli
    v = ["--vault", str(folder)]
    iid = _run(capsys, *v, "interview", "new", "--participant-code", "P-001", "--site", "S",
               "--guide", "job-quality-es").strip()
    _run(capsys, *v, "audio", "import", iid, str(wav))
    out = _run(capsys, *v, "transcribe", iid)
    assert "(base)" in out and "Language: Spanish." in out
    shown = _run(capsys, *v, "transcript", "show", iid)
    text = " ".join(line.split("] ", 1)[-1] for line in shown.splitlines())  # without the times
    error = wer(prompts.fold(reference), prompts.fold(text))
    print(f"spanish no flags: wer={error:.3f}")
    assert error <= 0.25, text  # tiny.en gave English nonsense here (WER > 1)
    assert "conferencia" in text and "felicidades" in text.lower()


@needs_base
@pytest.mark.slow
def test_unknown_language_is_detected_on_the_first_30_s_and_said(spanish_cli, capsys):
    folder, wav, reference = spanish_cli
    v = ["--vault", str(folder)]
    # --language at creation picks the bundled guide of that language...
    iid = _run(capsys, *v, "interview", "new", "--participant-code", "P-002", "--site", "S",
               "--language", "es").strip()
    from core.vault import Vault
    with Vault.open(folder, PASSPHRASE) as vault:
        assert interview_language(vault, iid) == "es"
    # ...and with no guide at all the language is detected and the person is told.
    iid = _run(capsys, *v, "interview", "new", "--participant-code", "P-003", "--site", "S").strip()
    _run(capsys, *v, "audio", "import", iid, str(wav))
    out = _run(capsys, *v, "transcribe", iid)
    assert "Language: Spanish (detected in the first 30 s of speech" in out
    with Vault.open(folder, PASSPHRASE) as vault:
        transcript = TranscriptRepo(vault).current(iid)
        assert transcript.language == "es" and transcript.model == "base"
        assert transcript.options["language_detected"] is True
        assert transcript.options["language_probability"] > 0.5
        text = " ".join(s.text for s in TranscriptRepo(vault).segments(transcript.id))
    assert wer(prompts.fold(reference), prompts.fold(text)) <= 0.25


@needs_base
@pytest.mark.slow
def test_live_transcription_of_a_spanish_interview_is_spanish(vault):
    import time

    from core.audio.capture import Recorder
    from core.audio.fake import fake_input_factory
    from core.transcription.live import LiveTranscriber

    prompts.require()
    audio, reference = prompts.spanish_speech()
    iid = _interview(vault, "job-quality-es")
    recorder = Recorder(vault, iid, stream_factory=fake_input_factory(audio, speed=4.0))
    recorder.start()
    live = LiveTranscriber(vault, recorder.recording_id, options={"beam_size": 1})
    assert live.model.name == "base" and live.options.language == "es"
    live.start()
    time.sleep(len(audio) / 16000 / 4.0 + 1.0)
    recorder.stop()
    transcript = live.finish(timeout_s=90)
    text = " ".join(s.text for s in TranscriptRepo(vault).segments(transcript.id))
    error = wer(prompts.fold(reference), prompts.fold(text))
    print(f"spanish live: windows={live.windows} wer={error:.3f}")
    assert transcript.language == "es" and transcript.model == "base"
    assert error <= 0.3, text
