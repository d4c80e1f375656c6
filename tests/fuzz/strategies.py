"""Input strategies shared by the fuzz tests: seeds mutated the way a coverage-guided fuzzer mutates them (bytes
flipped, cut, repeated, spliced with the tokens each format is made of), and values that go where they should not."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

NUMBERS = [b"0", b"-1", b"1e308", b"-1e308", b"nan", b"inf", b"1e-320", b"100000000000000000000", b"4294967295",
           b"2147483648", b"-0", b"0x10", b"1_000", b"\xd9\xa3", b"", b" "]
ODD_VALUES = st.sampled_from([None, True, -1, 0, 2**63, 10**20, 1e308, float("nan"), float("inf"), "", "x" * 300,
                              "=height", "=1/0", [], {}, [1, 2], {"a": 1}])


@st.composite
def mutated(draw: st.DrawFn, corpus: Sequence[bytes], tokens: Sequence[bytes] = ()) -> bytes:
    data = bytearray(draw(st.sampled_from(corpus)))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "cut", "truncate", "insert", "repeat", "token"]))
        if op == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "repeat":
            piece = bytes(data[at:at + draw(st.integers(1, 32))])
            data[at:at] = piece * draw(st.integers(1, 200))
        elif op == "token":
            data[at:at] = draw(st.sampled_from([*tokens, *NUMBERS]))
    return bytes(data)
