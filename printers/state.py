"""The normalised printer state every driver maps its wire format into, and the evented model views bind to.

Drivers keep the raw device payload (deep-merged, because P1/A1 printers only send changed keys) and
re-derive a `PrinterState` from it; views never see wire formats. Signals fire on the driver's network
thread: the desktop bridges them to the GUI thread.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from core.events import Signal
from printers.base import ConnectionState
from printers.messages import Message, notice_message


class JobState(StrEnum):
    IDLE = "idle"
    PREPARING = "preparing"
    PRINTING = "printing"
    PAUSED = "paused"
    FINISHED = "finished"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class HmsError:
    """An event a printer reports by code: an HMS entry (`code` HMS_XXXX_…, the form users search for) or a
    print error (XXXX-XXXX). `message` says what it means (see hms.py); `known` is False when the maker gives
    no text for the code: it is shown in the card's details but raises no notification."""

    code: str
    message: Message
    known: bool = True

    @property
    def text(self) -> str:
        return self.message.text


@dataclass(frozen=True)
class Tray:
    """One filament slot: an AMS tray (unit, slot) or an external spool (unit -1; slot 1 is the second one of a
    two-nozzle printer). `name` is the slot as the maker's apps print it ("A1", "HT-A", "Ext-L"), `unit_model`
    the kind of unit it sits in ("AMS 2 Pro"); `remain` is None when unknown (no RFID tag)."""

    unit: int
    slot: int
    material: str = ""
    color: str = ""
    remain: int | None = None
    active: bool = False
    name: str = ""
    unit_model: str = ""


@dataclass(frozen=True)
class Nozzle:
    """One hotend of a multi-nozzle printer (H2D: index 0 is the right nozzle, 1 the left)."""

    index: int
    temp: float | None = None
    target: float | None = None
    active: bool = False


@dataclass(frozen=True)
class FilamentScale:
    """`battery_v` is what the scale sends; `battery_pct` is estimated from it (drivers/potscale/battery.py)."""

    weight_g: float | None = None
    consumed_g: float | None = None
    battery_pct: float | None = None
    battery_v: float | None = None


@dataclass(frozen=True)
class PrinterState:
    state: JobState = JobState.UNKNOWN
    job_name: str = ""
    progress: float | None = None
    remaining_min: int | None = None
    layer: int | None = None
    total_layers: int | None = None
    stage: str = ""
    nozzle: float | None = None
    nozzle_target: float | None = None
    bed: float | None = None
    bed_target: float | None = None
    chamber: float | None = None
    chamber_target: float | None = None
    nozzles: tuple[Nozzle, ...] = ()
    fans: Mapping[str, int] = field(default_factory=dict)
    speed_level: int | None = None
    lights: Mapping[str, bool] = field(default_factory=dict)
    hms: tuple[HmsError, ...] = ()
    error: str = ""
    print_error: HmsError | None = None
    trays: tuple[Tray, ...] = ()
    wifi_signal: str = ""
    firmware: str = ""
    filament: FilamentScale | None = None
    model: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The normalised JSON shape the replay CLI prints (documented in issue 4)."""
        return {
            "state": str(self.state),
            "progress": self.progress,
            "remaining_min": self.remaining_min,
            "layer": self.layer,
            "total_layers": self.total_layers,
            "nozzle": self.nozzle,
            "nozzle_target": self.nozzle_target,
            "bed": self.bed,
            "bed_target": self.bed_target,
            "chamber": self.chamber,
            "stage": self.stage,
            "speed_level": self.speed_level,
            "print_error": {"code": self.print_error.code, "text": self.print_error.text} if self.print_error else None,
            "hms": [{"code": h.code, "text": h.text} for h in self.hms],
            "trays": [asdict(t) for t in self.trays],
        }

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = str(self.state)
        return data


def _list_key(items: list[Any]) -> str | None:
    """Lists of dicts carrying an `id` (AMS units, trays) are merged element-wise, like Bambu Studio does."""
    if items and all(isinstance(i, dict) and "id" in i for i in items):
        return "id"
    return None


def deep_merge(base: dict[str, Any], delta: Mapping[str, Any]) -> dict[str, Any]:
    """Merge `delta` into `base` in place and return it. Dicts merge recursively; id-keyed lists merge by id;
    any other value (including plain lists such as `hms`) replaces the old one."""
    for key, value in delta.items():
        old = base.get(key)
        if isinstance(value, Mapping) and isinstance(old, dict):
            deep_merge(old, value)
        elif isinstance(value, list) and isinstance(old, list) and _list_key(value) and _list_key(old):
            by_id = {str(item["id"]): item for item in old}
            for item in value:
                target = by_id.get(str(item["id"]))
                if target is None:
                    old.append(copy.deepcopy(item))
                    by_id[str(item["id"])] = old[-1]
                else:
                    deep_merge(target, item)
        else:
            base[key] = copy.deepcopy(value) if isinstance(value, dict | list) else value
    return base


@dataclass(frozen=True)
class Notice:
    """Something worth a desktop notification: a print finished, failed, paused, or an HMS error appeared.
    HMS notices carry the error, and a failure or pause the print error that caused it, so a view can show its
    code next to the (translated) message."""

    kind: str
    message: Message
    hms: HmsError | None = None

    @property
    def text(self) -> str:
        """Words first, the code to look up after them (as the desktop shows it)."""
        return f"{self.message.text} ({self.hms.code})" if self.hms is not None else self.message.text


class PrinterModel:
    """Thread-safe holder of one printer's connection and job state, with change signals for views."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._state = PrinterState()
        self._connection = ConnectionState.DISCONNECTED
        self._connection_detail = ""
        self.changed: Signal[[PrinterState]] = Signal()
        self.connection_changed: Signal[[ConnectionState, str]] = Signal()
        self.notice: Signal[[Notice]] = Signal()

    @property
    def state(self) -> PrinterState:
        with self._lock:
            return self._state

    @property
    def connection(self) -> ConnectionState:
        with self._lock:
            return self._connection

    @property
    def connection_detail(self) -> str:
        with self._lock:
            return self._connection_detail

    def set_connection(self, connection: ConnectionState, detail: str = "") -> None:
        with self._lock:
            if connection == self._connection and detail == self._connection_detail:
                return
            self._connection, self._connection_detail = connection, detail
        self.connection_changed.emit(connection, detail)

    def update(self, new: PrinterState) -> None:
        with self._lock:
            old, self._state = self._state, new
        if new == old:
            return
        for notice in _notices(old, new):
            self.notice.emit(notice)
        self.changed.emit(new)

    def patch(self, **changes: Any) -> None:
        self.update(replace(self.state, **changes))


_TRANSITIONS = {
    JobState.FINISHED: "finished",
    JobState.FAILED: "failed",
    JobState.PAUSED: "paused",
    JobState.CANCELLED: "cancelled",
}


def _transition(old: PrinterState, new: PrinterState) -> str:
    """Which job notice a change deserves, if any. A Bambu printer stopped by its user reports FAILED first and
    its cancel code a few seconds later (public P2S capture, tests/fixtures/printers/real): a FAILED without a
    reason is announced as "stopped", not "failed", and the cancel code that follows adds no second notice;
    a reason that arrives late turns it into a failure then."""
    if old.state == JobState.UNKNOWN:
        return ""
    if new.state == JobState.FAILED:
        if old.state != JobState.FAILED:
            return "failed" if new.print_error is not None or new.error else "stopped"
        return "failed" if new.print_error is not None and old.print_error is None else ""
    if new.state == JobState.CANCELLED and old.state == JobState.FAILED and old.print_error is None:
        return ""
    return _TRANSITIONS.get(new.state, "") if new.state != old.state else ""


def _notices(old: PrinterState, new: PrinterState) -> list[Notice]:
    """A print that failed or paused says why (a runout, a printer error) when the printer gave a reason with a
    text; HMS events without a text from the maker are not worth interrupting anyone for."""
    found: list[Notice] = []
    kind = _transition(old, new)
    if kind:
        why = new.print_error if kind in ("failed", "paused") else None
        reason = why.message.params.get("text", "") if why is not None and why.known else new.error
        found.append(Notice(kind, notice_message(f"print.{kind}", job=new.job_name or "job", error=reason), why))
    old_codes = {h.code for h in old.hms}
    found.extend(Notice("hms", h.message, h) for h in new.hms if h.code not in old_codes and h.known)
    return found
