"""Boards people build enclosures for, by name: "a case for my Raspberry Pi 4" needs no measuring.

The sizes are the board's outline and its tallest part (ports, jacks, the module's shield), which is
what an enclosure must clear; the reply says which board it took and to measure one with a HAT or
shield. A model number is never a size: "pi 4" is not a 4 mm device.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Board:
    name: str
    size: tuple[float, float, float]  # width × length × height, mm


# Most specific first: "raspberry pi zero" must not be read as "raspberry pi".
BOARDS: tuple[tuple[re.Pattern[str], Board], ...] = tuple((re.compile(pattern), board) for pattern, board in (
    (r"\b(?:raspberry\s*)?pi\s*(?:zero|0)(?:\s*2)?(?:\s*wh?)?\b", Board("Raspberry Pi Zero", (65, 30, 5))),
    # (the sentence's number words are digits by now: "pi zero" arrives as "pi 0")
    (r"\b(?:raspberry\s*)?pi\s*pico(?:\s*2)?(?:\s*w)?\b", Board("Raspberry Pi Pico", (51, 21, 4))),
    (r"\braspberry\s*pi(?:\s*[345])?(?:\s*model\s*b\+?|\s*b\+?)?\b|\brpi\s*[345]?\b",
     Board("Raspberry Pi (model B)", (85, 56, 17))),
    (r"\barduino\s*uno(?:\s*r[34])?\b", Board("Arduino Uno", (68.6, 53.4, 15))),
    (r"\barduino\s*mega(?:\s*2560)?\b", Board("Arduino Mega", (101.6, 53.3, 15))),
    (r"\barduino\s*nano(?:\s*every)?\b", Board("Arduino Nano", (45, 18, 8))),
    (r"\besp\s*32(?:[\s-]*dev\s*kit\s*c?(?:\s*v\d)?)?\b", Board("ESP32 DevKit", (55, 28, 10))),
))
_SIZE_GIVEN = re.compile(r"\d\s*(?:mm|cm|in)?\s*x\s*\d")


def find_board(folded: str) -> tuple[Board, str, str] | None:
    """The board the text names, the text without its name (digits of a model number included) and the
    name as written."""
    for pattern, board in BOARDS:
        m = pattern.search(folded)
        if m is not None:
            return board, f"{folded[:m.start()]} board {folded[m.end():]}", m.group()
    return None


def board_size_text(board: Board, rest: str) -> str | None:
    """The board's size in words the NLU reads ("85 x 56 x 17 mm"), unless the user gave a size."""
    if _SIZE_GIVEN.search(rest):
        return None
    return " x ".join(f"{v:g}" for v in board.size) + " mm"
