"""Confidant's desktop app (PySide6): screens for the worker-researcher and the coordinator.

Only UI lives here. Every vault, audio or model operation is a ``core`` job started through
``desktop.jobs.start_job`` (the UI thread never touches the database or a model); every
error reaches people through ``desktop.errors.show_error``. ``core`` never imports this
package.
"""
