"""The ``netinsight`` command line: thin commands over the public API.

Each topic module registers its sub-commands; see `netinsight.cli.main`.
"""

from __future__ import annotations

from netinsight.cli.main import main

__all__ = ["main"]
