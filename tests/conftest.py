"""Shared test configuration: Hypothesis profiles chosen by HYPOTHESIS_PROFILE.

``dev`` (the default) for quick local runs, ``ci`` for the CI run (more
examples, derandomised so a run is repeatable), ``fast`` for a smoke run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
