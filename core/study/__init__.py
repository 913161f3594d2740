"""A study in one signed file (docs/study-format.md): the coordinator's guides, sites,
recipients and settings, and joining it as a researcher's whole set-up.

Sits above packets (it signs and verifies with the device keys) and below the coordinator and
the CLI; imports no Qt.
"""
