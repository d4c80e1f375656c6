"""3D Pot device payloads: `3dpot/filament` readings and `3dpot/filament/config` answers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from printers.wire.lenient import LFloat


class ScaleReading(BaseModel):
    model_config = ConfigDict(extra="ignore")
    weight: LFloat = None
    consumed: LFloat = None
    battery: LFloat = None  # volts of its single Li-ion cell, e.g. 3.92
    timestamp: LFloat = None  # millis() since the ESP32 booted, not a wall-clock time


class ScaleConfig(BaseModel):
    model_config = ConfigDict(extra="ignore")
    scale: LFloat = None
    offset: LFloat = None
    consumption: LFloat = None
