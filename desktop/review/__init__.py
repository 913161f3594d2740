"""Check and share: de-identified text beside the original, every redaction (accept, reject,
add), warnings about details that could identify someone, sign-off, and "Save a copy for the
coordinator" with the packet's fingerprint and what is (and is not) inside."""
