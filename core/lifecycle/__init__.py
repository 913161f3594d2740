"""The life of an interview after it is recorded: deletion without remnants, withdrawal,
retention, receipts from the coordinator, encrypted backup and restore.

Sits above ``core.audit`` and ``core.coordinator`` (it proves deletions with the audit's
independent page decryption); never imports Qt, ``desktop`` or ``core.cli``.
"""
