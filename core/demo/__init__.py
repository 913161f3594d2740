"""The end-to-end demo: runs the whole pipeline on the bundled sample interview.

May import every core capability; only core.cli sits above it.
"""
