"""The researcher's voice sample: "Teach Confidant your voice".

The researcher reads the consent script aloud once (20-30 s). Its voice vector is what lets
Confidant tell the interviewer from the participants by voice. A voice is an identifier, so
the sample is kept only inside the encrypted vault, never goes into a packet or a report,
and can be deleted at any time (the next transcripts then fall back to who asks questions).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core.errors import Msg, NoVoiceSample, VoiceSampleSilent, VoiceSampleTooShort
from core.jobs import CancelToken, Progress, ReportFn
from core.speakers.runner import SpeakerProcess
from core.vault.db import Vault
from core.vault.voices import VoiceRepo, VoiceSample

SR = 16000
MIN_SPEECH_S = 8.0      # below this the vector is not steady enough to recognise a voice
GOOD_SPEECH_S = 20.0
MAX_SAMPLE_S = 60.0
RECORD_S = 30.0         # recording in the app stops by itself here (the text takes 20-30 s)
MIN_CLIP_S = 15.0       # a shorter recording is refused before the voice model loads
SILENT_RMS = 0.003      # about -50 dBFS: no second of the clip is louder than this → a muted microphone

EXPLANATION = (
    "Confidant can tell your voice from the people you interview if you read a short text "
    "aloud once (about 20-30 seconds). It keeps a voice print of it, and the recording, "
    "only inside your encrypted vault on this computer (and in encrypted backups of it). A "
    "voice print identifies you like a photo would, so it never goes into a packet or a "
    "report, and you can delete it at any time. Without it, Confidant guesses who is "
    "interviewing from who asks the questions.")

# What the researcher reads: the consent script's opening, so it is words they say anyway.
READING = (
    "Thank you for agreeing to talk with me today. This interview is about your work: what a "
    "usual day is like, what helps you do a good job, and what gets in the way. I will record "
    "our conversation so I do not have to take notes, and the recording stays encrypted on "
    "this laptop. You can skip any question, ask me to stop recording, or go off the record "
    "at any time. Before anything leaves this laptop, names and places are taken out. If you "
    "change your mind later, you can withdraw and your interview will be deleted. Do you have "
    "any questions before we begin?")


# The same two texts in the other interface languages (English above is the fallback).
_EXPLANATIONS = {"es": (
    "Confidant puede distinguir tu voz de la de las personas que entrevistas si lees una vez "
    "un texto corto en voz alta (unos 20-30 segundos). Guarda una huella de tu voz, y la "
    "grabación, solo dentro de tu bóveda cifrada en esta computadora (y en sus copias de "
    "seguridad cifradas). Una huella de voz te identifica como lo haría una foto, así que "
    "nunca va en un paquete ni en un informe, y puedes borrarla cuando quieras. Sin ella, "
    "Confidant deduce quién entrevista por quién hace las preguntas.")}
_READINGS = {"es": (
    "Gracias por aceptar hablar conmigo hoy. Esta entrevista trata de tu trabajo: cómo es un "
    "día normal, qué te ayuda a hacer bien tu trabajo y qué te lo complica. Voy a grabar "
    "nuestra conversación para no tener que tomar notas, y la grabación queda cifrada en esta "
    "computadora. Puedes saltarte cualquier pregunta, pedirme que pare la grabación o hablar "
    "fuera de grabación cuando quieras. Antes de que algo salga de esta computadora, se quitan "
    "los nombres y los lugares. Si cambias de opinión más adelante, puedes retirarte y tu "
    "entrevista se borrará. ¿Tienes alguna pregunta antes de empezar?")}


def explanation(language: str = "en") -> str:
    """What the voice sample is for and where it is kept, in ``language`` (English if none)."""
    return _EXPLANATIONS.get(language, EXPLANATION)


def reading(language: str = "en") -> str:
    """The text to read aloud (the consent script's opening) in ``language`` (English if none)."""
    return _READINGS.get(language, READING)


def check_clip(audio: np.ndarray) -> None:
    """Refuse, in plain words, a recording that cannot be a voice sample (silent or too short)."""
    clip = np.asarray(audio, dtype=np.float32)
    seconds = [clip[i:i + SR] for i in range(0, len(clip), SR)]
    loudest = max((float(np.sqrt(np.mean(np.square(s, dtype=np.float64)))) for s in seconds if len(s)),
                  default=0.0)
    if loudest < SILENT_RMS:
        raise VoiceSampleSilent()
    if len(clip) < MIN_CLIP_S * SR:
        raise VoiceSampleTooShort()


def make_voice_sample_job(vault: Vault, audio: np.ndarray) -> Callable[[ReportFn, CancelToken], VoiceSample]:
    """A job that turns 16 kHz mono audio of the researcher reading into the stored sample."""
    clip = np.asarray(audio, dtype=np.float32)[:int(MAX_SAMPLE_S * SR)]

    def job(report: ReportFn, cancel: CancelToken) -> VoiceSample:
        check_clip(clip)
        report(Progress(0, 2, "Loading the voice model"))
        with SpeakerProcess() as proc:
            proc.start(cancel)
            report(Progress(1, 2, "Learning your voice"))
            vector, speech_s = proc.embed(clip, cancel=cancel)
        if not len(vector) or speech_s < MIN_SPEECH_S:
            raise NoVoiceSample(Msg("speakers.only_seconds_speech_heard", speech_s=speech_s, min_speech_s=MIN_SPEECH_S))
        pcm16 = (np.clip(clip, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        sample = VoiceRepo(vault).save_sample(model=proc.model or "", vector=vector, audio_pcm16=pcm16,
                                              sample_rate_hz=SR, speech_s=speech_s)
        report(Progress(2, 2, "Done"))
        return sample

    return job


def read_sample_file(path: str) -> np.ndarray:
    """A voice sample from an audio file (any rate, mono or stereo) as 16 kHz mono float32."""
    import soundfile as sf

    from core.audio.resample import downmix, resample
    from core.errors import NotFound, UnsupportedAudio

    try:
        with sf.SoundFile(path) as f:
            rate = int(f.samplerate)
            data = f.read(frames=int(MAX_SAMPLE_S * rate), dtype="float32", always_2d=True)
    except FileNotFoundError as exc:
        raise NotFound(Msg("speakers.no_such_audio_file"), Msg("speakers.no_such_audio_file.hint")) from exc
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise UnsupportedAudio() from exc
    return resample(downmix(data), rate)


def has_sample(vault: Vault) -> bool:
    return VoiceRepo(vault).sample() is not None


def delete_sample(vault: Vault) -> bool:
    """Forget the researcher's voice (audio and voice print)."""
    return VoiceRepo(vault).delete_sample()
