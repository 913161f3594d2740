"""Speakers from the audio: who spoke when, offline, and which voice is the interviewer.

Voice activity (the Silero model faster-whisper ships), voice embeddings (the GE2E encoder
the resemblyzer wheel ships, or its ONNX export in the installer), clustering with an
estimated number of voices, smoothing and re-segmentation give voice turns; words and
segments then take their voice from their own timing, and roles come from the researcher's
voice sample or, without one, from who asks the questions. Nothing downloads at run time.
Imports vault, audio and guide only (never transcription, tagging or the desktop).
"""
