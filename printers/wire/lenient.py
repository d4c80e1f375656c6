"""Annotated types that turn whatever a device sends into a value or None, never an exception."""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator


def _to_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().removesuffix("dBm"))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _to_int(value: Any) -> int | None:
    number = _to_float(value)
    if number is None or abs(number) > 2**53:
        return None
    return int(number)


def _to_str(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _to_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _to_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


LFloat = Annotated[float | None, BeforeValidator(_to_float)]
LInt = Annotated[int | None, BeforeValidator(_to_int)]
LStr = Annotated[str | None, BeforeValidator(_to_str)]
LList = Annotated[list[Any], BeforeValidator(_to_list)]
LDict = Annotated[dict[str, Any], BeforeValidator(_to_dict)]
