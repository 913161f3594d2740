"""Sealed packets (docs/packet-format.md): writer, reader/verifier, device keys and
coordinator recipients.

Imports the layers below (vault, guide, tagging, deid); never Qt, coordinator or cli.
"""
