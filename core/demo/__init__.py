"""The end-to-end demo: runs the whole pipeline on the bundled sample interview, and builds
the sample vault the desktop offers on first start.

May import every core capability; only core.cli sits above it.
"""

from core.demo.pipeline import create_demo_vault, run_demo

__all__ = ["create_demo_vault", "run_demo"]
