"""How long the fuzz tests run. `make test` uses "fuzz-ci" (a few seconds per target); `make fuzz` sets
POTSTUDIO_FUZZ_PROFILE=fuzz-long for thousands of examples. Timing is not asserted (the machine is shared):
a hang is caught by pytest-timeout, and the long run reports slow inputs through hypothesis' statistics."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
          HealthCheck.large_base_example]
settings.register_profile("fuzz-ci", max_examples=40, deadline=None, suppress_health_check=_QUIET, database=None,
                          print_blob=True)
settings.register_profile("fuzz-long", max_examples=3000, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True)
FUZZ = settings.get_profile(os.environ.get("POTSTUDIO_FUZZ_PROFILE", "fuzz-ci"))
"""Decorate each fuzz test with this, after @given."""
