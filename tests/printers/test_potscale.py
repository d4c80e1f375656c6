"""The 3D Pot filament scale driver against mosquitto and the virtual scale."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from printers.base import PrinterConfig
from printers.drivers.potscale.driver import PotScaleDriver
from printers.mqtt import MqttSettings
from printers.simulator.potscale import ScaleOptions, ScaleSimulator
from tests.printers.conftest import Mosquitto, wait_for

pytestmark = pytest.mark.services


@pytest.fixture
def scale(lan_broker: Mosquitto) -> Iterator[tuple[ScaleSimulator, PotScaleDriver]]:
    sim = ScaleSimulator(ScaleOptions(interval=0.05, speed=20),
                         MqttSettings("127.0.0.1", lan_broker.port, "scale-sim", "scale", "esp32"))
    sim.start()
    drv = PotScaleDriver(PrinterConfig(name="spool scale", kind="potscale", host="127.0.0.1", port=lan_broker.port,
                                       username="studio", assigned_to="voron"), "pots")
    drv.connect()
    assert drv.wait_online(10) and sim.link.wait_online(10)
    yield sim, drv
    drv.disconnect()
    sim.stop()


def test_weight_consumed_battery_and_commands(scale: tuple[ScaleSimulator, PotScaleDriver]) -> None:
    sim, drv = scale
    wait_for(lambda: drv.model.state.filament is not None and (drv.model.state.filament.consumed_g or 0) > 0,
             what="consumption")
    filament = drv.model.state.filament
    assert filament is not None and filament.battery_pct == 87.0
    assert filament.weight_g is not None and 1000 < filament.weight_g < 1250
    sim.consuming = False
    drv.tare()
    wait_for(lambda: drv.model.state.filament.weight_g == 0.0, what="tared weight")  # type: ignore[union-attr]
    drv.reset_session()
    wait_for(lambda: drv.model.state.filament.consumed_g == 0.0, what="session reset")  # type: ignore[union-attr]
    config = drv.get_config()
    assert config.offset == pytest.approx(sim.raw_g)
    assert sim.commands == ["tare", "reset_session", "get_config"]


def test_other_3dpot_metrics_are_kept_as_data(scale: tuple[ScaleSimulator, PotScaleDriver]) -> None:
    sim, drv = scale
    sim.link.publish("3dpot/dryer/box1/humidity", b"12.5")
    sim.link.publish("3dpot/dryer/box1/status", b"not json at all")
    wait_for(lambda: len(drv.model.state.extra) == 2, what="extra metrics")
    assert drv.model.state.extra == {"dryer/box1/humidity": 12.5, "dryer/box1/status": "not json at all"}
