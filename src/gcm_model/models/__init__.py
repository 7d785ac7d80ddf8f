"""The frozen attrs classes of gcm_model."""

from __future__ import annotations
