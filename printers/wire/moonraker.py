"""Moonraker over MQTT: JSON-RPC 2.0 envelopes and the Klipper status objects we read."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from printers.wire.lenient import LDict, LFloat, LInt, LStr


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class RpcError(_Lenient):
    code: LInt = None
    message: LStr = None


class RpcResponse(_Lenient):
    id: LInt = None
    result: Any = None
    error: RpcError | None = None


class StatusMessage(_Lenient):
    eventtime: LFloat = None
    status: LDict = Field(default_factory=dict)


class Heater(_Lenient):
    temperature: LFloat = None
    target: LFloat = None


class PrintStats(_Lenient):
    state: LStr = None
    filename: LStr = None
    print_duration: LFloat = None
    message: LStr = None
    info: LDict = Field(default_factory=dict)


class Progress(_Lenient):
    progress: LFloat = None


class Fan(_Lenient):
    speed: LFloat = None


class GcodeMove(_Lenient):
    speed_factor: LFloat = None


class LayerInfo(_Lenient):
    current_layer: LInt = None
    total_layer: LInt = None
