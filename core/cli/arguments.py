"""Argument types shared by the commands: a number that argparse accepts is one the command can use.

`float` alone lets "nan", "inf" and "-5" through, and the bed check downstream compared with NaN (always
false), so `--bed nan 1 1` was taken as a printer that fits everything."""

from __future__ import annotations

import argparse
import math


def positive_mm(text: str) -> float:
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive size in mm")
    return value


def percent(text: str) -> float:
    value = _finite(text)
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage between 0 and 100")
    return value


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value
