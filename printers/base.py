"""The contract every printer driver fulfils (Cura's PrinterOutputDevice split: connection, model, controller).

A driver owns one `PrinterModel` (state.py) that views bind to; control methods block until the device
confirms, so the desktop calls them from a worker and the CLI calls them directly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from core.tasks import NULL_TASK, Task

if TYPE_CHECKING:
    from printers.state import PrinterModel


class ConnectionState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    AUTH_FAILED = "auth_failed"
    REFUSED = "refused"


class Capability(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
    SPEED = "speed"
    LIGHT = "light"
    TEMPERATURE = "temperature"
    FANS = "fans"
    PRINT = "print"
    AMS = "ams"
    FILAMENT_WEIGHT = "filament_weight"
    TARE = "tare"


class TlsMode(StrEnum):
    """How a Bambu certificate is checked; INSECURE exists so the user can choose it visibly, never by default."""

    VERIFY = "verify"
    CUSTOM_CA = "custom_ca"
    INSECURE = "insecure"


@dataclass
class PrinterConfig:
    """A printer the user added. Secrets (access codes, passwords) live in the keyring, never here."""

    name: str
    kind: str
    host: str = "127.0.0.1"
    port: int = 0
    serial: str = ""
    model: str = ""
    instance: str = ""
    username: str = ""
    tls_mode: TlsMode = TlsMode.VERIFY
    ca_file: str = ""
    http_port: int = 7125
    ftps_port: int = 990
    bed: tuple[float, float, float] = (256.0, 256.0, 256.0)
    nozzle: float = 0.4
    material: str = "PLA"
    assigned_to: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def secret_key(self) -> str:
        return f"printer:{self.kind}:{self.name}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tls_mode"] = str(self.tls_mode)
        data["bed"] = list(self.bed)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PrinterConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "bed" in known:
            known["bed"] = tuple(float(v) for v in known["bed"])
        if "tls_mode" in known:
            known["tls_mode"] = TlsMode(known["tls_mode"])
        return cls(**known)


@dataclass(frozen=True)
class PrintOptions:
    """What the user chose in "Send to printer"; fields a driver does not understand are ignored."""

    ams_mapping: tuple[int, ...] = (0,)
    use_ams: bool = True
    bed_leveling: bool = True
    timelapse: bool = False
    plate: int = 1


@runtime_checkable
class PrinterDriver(Protocol):
    config: PrinterConfig
    model: PrinterModel
    capabilities: frozenset[Capability]

    def connect(self) -> None: ...

    def disconnect(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...

    def start_print(self, path: Path, options: PrintOptions = PrintOptions(), task: Task = NULL_TASK) -> None: ...
