"""The printer report parsers (printers/wire/*) behind the drivers' raw payload handlers, fuzzed with the bytes a
device on the LAN could publish: real captured payloads mutated, and the raw bytes themselves. The drivers must
take every payload without raising and without hiding an exception in the log (see tests/fuzz/targets.py); the
JSON-level fuzzing of the same models lives in tests/printers/test_fuzz_klipper_scale.py and
test_bambu_resilience.py."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import targets
from tests.fuzz.profiles import FUZZ
from tests.fuzz.seeds import seeds
from tests.fuzz.strategies import mutated

_TOKENS = [b"null", b"{}", b"[]", b'"', b"1e999", b"-1", b'"nan"', b"true", b'{"print": ', b'"ams": [', b'"tray": [',
           b'"id": "', b'"params": [', b"\xff"]


@FUZZ
@given(st.sampled_from(["bambu", "moonraker", "scale"]), st.data())
def test_payloads_mutated(kind: str, data: st.DataObject) -> None:
    targets.TARGETS[kind](data.draw(mutated(seeds(kind), _TOKENS)))


@FUZZ
@given(st.sampled_from(["bambu", "moonraker", "scale"]), st.binary(max_size=200))
def test_raw_bytes(kind: str, payload: bytes) -> None:
    targets.TARGETS[kind](payload)


def test_every_seed_is_taken() -> None:
    for kind in ("bambu", "moonraker", "scale"):
        assert seeds(kind), kind
        for seed in seeds(kind):
            targets.TARGETS[kind](seed)
