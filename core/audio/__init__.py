"""Audio: crash-safe capture (sounddevice) into the vault, import of audio files, markers,
and a playback source that reads any range back as numpy in memory.

Storage format: mono, ``SAMPLE_RATE_HZ`` (16 kHz), about one second per chunk, FLAC-coded
16-bit (docs/decisions/0010). Audio never touches the disk outside the encrypted vault.
Imports core.errors, core.jobs and core.vault only; never Qt, transcription or anything above.
"""

SAMPLE_RATE_HZ = 16000
CHUNK_SAMPLES = SAMPLE_RATE_HZ  # about one second: a crash loses at most this much

__all__ = ["CHUNK_SAMPLES", "SAMPLE_RATE_HZ"]
