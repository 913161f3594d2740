"""Unlock, create and recover a vault, and lock it again after idle time.

Runs Argon2id (slow on purpose) through desktop.jobs, never on the UI thread.
"""
