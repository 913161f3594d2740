"""Transcript: segments under their guide questions, play from any segment, edit in place with
undo/redo, low-confidence words marked, split/merge, speaker, theme chips, memos."""
