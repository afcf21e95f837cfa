"""``python -m netinsight``: the same as the ``netinsight`` command."""

from __future__ import annotations

import sys

from netinsight.cli.main import main

sys.exit(main())
