"""The part every MQTT-linked driver shares: starting/stopping its MqttLink and mirroring the link's
non-online states into the printer model (online is announced by each driver once it has synced)."""

from __future__ import annotations

from printers.base import ConnectionState
from printers.mqtt import MqttLink
from printers.state import PrinterModel


class LinkedDriver:
    _link: MqttLink
    model: PrinterModel

    def connect(self) -> None:
        self._link.start()

    def disconnect(self) -> None:
        self._link.stop()

    def wait_online(self, timeout: float = 10.0) -> bool:
        return self._link.wait_online(timeout)

    def _on_link_state(self, state: ConnectionState, detail: str) -> None:
        if state != ConnectionState.ONLINE:
            self.model.set_connection(state, detail)
