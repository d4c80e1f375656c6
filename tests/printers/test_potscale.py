"""The 3D Pot filament scale driver against mosquitto and the virtual scale."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest

from printers.base import PrinterConfig
from printers.drivers.potscale.driver import PotScaleDriver
from printers.mqtt import MqttSettings
from printers.simulator.potscale import ScaleOptions, ScaleSimulator
from printers.state import FilamentScale
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
    # The firmware sends the cell's volts; 3.92 V lies between 3.91 V (65 %) and 3.95 V (70 %) on the Li-ion curve.
    assert filament is not None and filament.battery_v == 3.92 and filament.battery_pct == pytest.approx(66.2)
    assert filament.weight_g is not None and 1000 < filament.weight_g < 1250
    sim.consuming = False
    drv.tare()
    wait_for(lambda: drv.model.state.filament.weight_g == 0.0, what="tared weight")  # type: ignore[union-attr]
    drv.reset_session()
    wait_for(lambda: drv.model.state.filament.consumed_g == 0.0, what="session reset")  # type: ignore[union-attr]
    config = drv.get_config()
    assert config.offset == pytest.approx(sim.raw_g)
    assert sim.commands == ["tare", "reset_session", "get_config"]


def test_the_simulator_publishes_like_the_firmware(lan_broker: Mosquitto) -> None:
    """A reading only when the weight moved more than 0.5 g since the last one, stamped with millis() since boot."""
    sim = ScaleSimulator(ScaleOptions(interval=0.02, speed=1, grams_per_second=4.0),
                         MqttSettings("127.0.0.1", lan_broker.port, "scale-sim", "scale", "esp32"))
    sim.consuming = False  # the spool rests: after the first reading, nothing more to say
    sim.start()
    try:
        wait_for(lambda: len(sim.published) == 1, what="the first reading")
        checks_before = sim.checks
        wait_for(lambda: sim.checks >= checks_before + 10, what="ten more checks")
        assert len(sim.published) == 1
        sim.consuming = True  # 0.08 g per check: a reading every 7th check or so
        wait_for(lambda: len(sim.published) >= 4, what="readings while printing")
    finally:
        sim.stop()
    weights = [r["weight"] for r in sim.published[:4]]
    assert all(a - b > 0.5 for a, b in pairwise(weights))
    stamps = [r["timestamp"] for r in sim.published[:4]]
    assert stamps == sorted(stamps) and stamps[-1] < 60_000  # ms since boot, not since 1970
    assert all(r["battery"] == 3.92 for r in sim.published)


def test_a_battery_value_that_is_no_cell_voltage_shows_as_unknown() -> None:
    drv = PotScaleDriver(PrinterConfig(name="old firmware", kind="potscale"))
    drv.apply_reading({"weight": 800.0, "battery": 3.61})
    assert drv.model.state.filament == FilamentScale(weight_g=800.0, battery_v=3.61, battery_pct=5.0)
    drv.apply_reading({"weight": 799.0, "battery": 87})  # a percentage from an old firmware is not 87 V
    filament = drv.model.state.filament
    assert filament is not None and filament.battery_v is None and filament.battery_pct is None


def test_other_3dpot_metrics_are_kept_as_data(scale: tuple[ScaleSimulator, PotScaleDriver]) -> None:
    sim, drv = scale
    sim.link.publish("3dpot/dryer/box1/humidity", b"12.5")
    sim.link.publish("3dpot/dryer/box1/status", b"not json at all")
    wait_for(lambda: len(drv.model.state.extra) == 2, what="extra metrics")
    assert drv.model.state.extra == {"dryer/box1/humidity": 12.5, "dryer/box1/status": "not json at all"}
