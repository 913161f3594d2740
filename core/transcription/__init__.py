"""Local transcription: two Whisper engines (faster-whisper, openai-whisper) behind one
interface, run in a child process fed from memory; the model registry and converter;
guardrails against hallucination; live transcription while recording.

Imports core.errors, core.jobs, core.vault and core.audio; never Qt, tagging or above.
"""
