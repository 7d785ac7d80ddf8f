"""Rewrite the published JSON Schema, schema/dataset.schema.json, from the model classes.

Usage: python scripts/update_schema.py

tests/test_schema.py fails while the published file differs from what
gcm_model.schema.json_schema() generates.
"""

from __future__ import annotations

from pathlib import Path

from gcm_model.schema import published_schema

TARGET = Path(__file__).resolve().parents[1] / "schema" / "dataset.schema.json"


def main() -> None:
    """Write the schema file."""
    TARGET.write_bytes(published_schema())
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
