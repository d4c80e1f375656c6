"""Moonraker's JSON-RPC 2.0 envelopes (websocket and MQTT), its notifications, and the Klipper status objects
we read."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from printers.wire.lenient import LDict, LFloat, LInt, LList, LStr


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class RpcError(_Lenient):
    code: LInt = None
    message: LStr = None


def _error(value: Any) -> Any:
    """An `error` that is not an object is still an error: keep its text rather than fail the whole response."""
    return value if value is None or isinstance(value, dict) else {"message": str(value)}


class RpcResponse(_Lenient):
    id: LStr = None  # we send string ids; a number echoed back compares as its text
    result: Any = None
    error: Annotated[RpcError | None, BeforeValidator(_error)] = None


class StatusMessage(_Lenient):
    eventtime: LFloat = None
    status: LDict = Field(default_factory=dict)


class Notification(_Lenient):
    """Moonraker always sends notification params positionally: `notify_status_update` is [status, eventtime]."""

    method: LStr = None
    params: LList = Field(default_factory=list)


class SplitValue(_Lenient):
    """One field under `publish_split_status`: topic `{inst}/klipper/state/{object}/{field}`."""

    eventtime: LFloat = None
    value: Any = None


class ServerInfo(_Lenient):
    klippy_state: LStr = None


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


class Webhooks(_Lenient):
    state: LStr = None
    state_message: LStr = None


class LayerInfo(_Lenient):
    current_layer: LInt = None
    total_layer: LInt = None
