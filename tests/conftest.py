"""Shared test configuration: Hypothesis profiles chosen by HYPOTHESIS_PROFILE.

``dev`` (the default) for quick local runs, ``ci`` for the CI run (more
examples, derandomised so a run is repeatable), ``fast`` for a smoke run,
``deep`` for ``make test-deep`` (thousands of examples a test).
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
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
