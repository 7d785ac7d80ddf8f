"""``python -m gcm_model``: the ``gcm-model`` command line (needs the ``cli`` extra)."""

from __future__ import annotations

import sys

from gcm_model.cli import main

if __name__ == "__main__":
    sys.exit(main())
