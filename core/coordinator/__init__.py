"""The coordinator's side: packet inbox (verify, decrypt, de-duplicate, quarantine),
enrolled devices, and aggregation across sites.

Imports the layers below (packets, reports); never Qt or cli.
"""
