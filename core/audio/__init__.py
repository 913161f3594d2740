"""Audio: crash-safe capture (sounddevice) into the vault, import of audio files, markers,
and a playback source that reads any range back as numpy in memory.

Imports core.errors, core.jobs and core.vault only; never Qt, transcription or anything above.
"""
