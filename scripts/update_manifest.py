"""Rewrite src/gcm_model/data/manifest.json from the data files' headers and checksums.

Usage: python scripts/update_manifest.py [DATA_VERSION]

Run it after editing a data file; pass a new data version (YYYY.MM.DD) when the
content changes. tests/test_data.py fails while the manifest is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gcm_model import _data

MANIFEST = Path(__file__).resolve().parents[1] / "src" / "gcm_model" / "data" / _data.MANIFEST


def main() -> None:
    """Write the manifest, keeping the data version unless a new one is given."""
    version = sys.argv[1] if len(sys.argv) > 1 else _data.data_version()
    text = json.dumps(_data.build_manifest(version), ensure_ascii=False, indent=2) + "\n"
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"wrote {MANIFEST} (data version {version})")


if __name__ == "__main__":
    main()
