"""The privacy audit: checks of a vault and of packets that a reviewer can run and read,
including an independent SQLCipher 4 decryption check with the `cryptography` library.

Imports the layers below; never Qt or cli.
"""
