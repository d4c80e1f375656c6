"""20 Bambu printers through one TLS broker: full X1-style reports at 1 Hz plus P1 deltas at 4 Hz per printer
(100 messages/s). Measures report → state-model update latency in our drivers (p50/p99) and the CPU share the
20 drivers take, in this process only: the publisher and a bare paho subscriber (the baseline: network + JSON,
no state model) run in a child process so their work is not counted.

Latency is carried in the payload itself: every message sets `nozzle_temper` to its send time (seconds since a
shared origin), so the state the driver derives says when the report left the publisher.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

PRINTERS = 20
SECONDS = 15.0
WARMUP = 2.0
ACCESS = "bench123"
ROOT = Path(__file__).resolve().parent.parent


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _broker(tmp: Path, serial: str) -> tuple[subprocess.Popen[bytes], int, Path]:
    from printers.simulator.certs import make_certs
    from printers.simulator.virtual import free_port

    certs = make_certs(tmp / "certs", serial)
    port = free_port()
    passwd = tmp / "passwd"
    passwd.touch()
    subprocess.run(["mosquitto_passwd", "-b", str(passwd), "bblp", ACCESS], check=True, capture_output=True)
    conf = tmp / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {passwd}\nuser root\n"
                    f"certfile {certs.cert}\nkeyfile {certs.key}\nmax_queued_messages 10000\n")
    proc = subprocess.Popen(["mosquitto", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return proc, port, certs.ca


def _report(serial_index: int, tick: int, origin: float) -> dict[str, Any]:
    now = time.time() - origin
    if tick % 5 == 0:  # one full report per second, four deltas in between
        return {"print": {"command": "push_status", "sequence_id": str(tick), "gcode_state": "RUNNING",
                          "mc_percent": tick % 100, "layer_num": tick, "total_layer_num": 100000,
                          "nozzle_temper": now, "bed_temper": 55.0, "nozzle_target_temper": 220.0,
                          "ams": {"ams": [{"id": "0", "tray": [{"id": str(i), "tray_type": "PLA", "remain": 50}
                                                               for i in range(4)]}], "tray_now": "0"}}}
    return {"print": {"command": "push_status", "msg": 1, "sequence_id": str(tick), "nozzle_temper": now,
                      "layer_num": tick, "ams": {"ams": [{"id": "0", "tray": [{"id": "1", "remain": tick % 100}]}]}}}


def publish(port: int, ca: str, serial: str, origin: float, seconds: float) -> None:
    """Child process: publish the load and measure the bare-paho baseline latency."""
    import paho.mqtt.client as paho
    from paho.mqtt.enums import CallbackAPIVersion

    from printers.base import TlsMode
    from printers.mqtt import TlsSettings, make_ssl_context

    latencies: list[float] = []

    def on_message(_c: Any, _u: Any, msg: Any) -> None:
        sent = json.loads(msg.payload)["print"]["nozzle_temper"]
        latencies.append(time.time() - origin - sent)

    clients = []
    for name in ("bench-pub", "bench-baseline"):
        client = paho.Client(CallbackAPIVersion.VERSION2, client_id=name)
        client.username_pw_set("bblp", ACCESS)
        client.tls_set_context(make_ssl_context(TlsSettings(TlsMode.CUSTOM_CA, ca, serial)))
        client.connect("127.0.0.1", port)
        client.loop_start()
        clients.append(client)
    pub, baseline = clients
    baseline.on_message = on_message
    baseline.subscribe("device/+/report", qos=0)
    time.sleep(0.5)
    start = time.monotonic()
    slot = 0.2 / PRINTERS  # real printers are not synchronised: spread each 200 ms round over the fleet
    step = 0
    while time.monotonic() - start < seconds:
        tick, i = divmod(step, PRINTERS)
        pub.publish(f"device/BENCH{i:04d}/report", json.dumps(_report(i, tick, origin)), qos=0)
        step += 1
        time.sleep(max(0.0, start + step * slot - time.monotonic()))
    time.sleep(0.5)
    for client in clients:
        client.loop_stop()
        client.disconnect()
    print(json.dumps(latencies[int(len(latencies) * WARMUP / seconds):]))


def run() -> list[dict[str, Any]]:
    if shutil.which("mosquitto") is None:
        return [{"name": "printers: broker", "value": 0.0, "unit": "", "ok": False,
                 "note": "mosquitto is not installed (make test installs it)"}]
    from printers.base import PrinterConfig, TlsMode
    from printers.drivers.bambu.driver import BambuDriver
    from printers.state import PrinterState

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        broker, port, ca = _broker(tmp, "BENCH")
        origin = time.time()
        latencies: list[float] = []
        lock = threading.Lock()
        drivers = []
        for i in range(PRINTERS):
            config = PrinterConfig(name=f"bench{i}", kind="bambu", host="127.0.0.1", port=port, serial=f"BENCH{i:04d}",
                                   tls_mode=TlsMode.INSECURE)
            driver = BambuDriver(config, ACCESS)

            def on_change(state: PrinterState) -> None:
                if state.nozzle is not None:
                    with lock:
                        latencies.append(time.time() - origin - state.nozzle)

            driver.model.changed.connect(on_change)
            driver.connect()
            drivers.append(driver)
        try:
            for driver in drivers:
                driver.wait_online(10)
            child = subprocess.Popen([sys.executable, __file__, "--publish", str(port), str(ca), str(origin),
                                      str(SECONDS)], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                                     env={**os.environ, "PYTHONPATH": str(ROOT)})
            time.sleep(0.5 + WARMUP)
            me = psutil.Process()
            cpu0, wall0 = sum(me.cpu_times()[:2]), time.monotonic()
            with lock:
                latencies.clear()
            time.sleep(SECONDS - WARMUP - 0.2)
            cpu = (sum(me.cpu_times()[:2]) - cpu0) / (time.monotonic() - wall0)
            out, _ = child.communicate(timeout=30)
            with lock:
                ours = list(latencies)
        finally:
            for driver in drivers:
                driver.disconnect()
            broker.kill()
            broker.wait()
    base = json.loads(out.strip().splitlines()[-1])
    p50, p99 = _percentile(ours, 0.5) * 1000, _percentile(ours, 0.99) * 1000
    b50, b99 = _percentile(base, 0.5) * 1000, _percentile(base, 0.99) * 1000
    rate = len(ours) / (SECONDS - WARMUP - 0.2)
    return [
        {"name": "printers: report → state p50", "value": p50, "unit": "ms", "baseline": b50,
         "ratio": p50 / b50 if b50 else None, "note": f"{len(ours)} updates, {rate:.0f}/s; baseline: bare paho"},
        {"name": "printers: report → state p99", "value": p99, "unit": "ms", "baseline": b99,
         "ratio": p99 / b99 if b99 else None, "target": "p99 < 50 ms", "ok": p99 < 50},
        {"name": "printers: CPU of 20 drivers", "value": cpu * 100, "unit": "% core", "target": "< 5 %",
         "ok": cpu < 0.05, "note": f"{PRINTERS} printers, 1 Hz full + 4 Hz deltas, TLS; mean "
                                   f"{statistics.mean(ours) * 1000:.1f} ms"},
    ]


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--publish":
        publish(int(sys.argv[2]), sys.argv[3], "BENCH", float(sys.argv[4]), float(sys.argv[5]))
    else:
        for row in run():
            print(row)
