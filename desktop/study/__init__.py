"""Joining the coordinator's study file from the app (core.study decides; this only shows)."""
