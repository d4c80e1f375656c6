"""`potstudio printer-sim --kind bambu|moonraker|scale`: run a virtual printer until Ctrl-C, with faults on a
timer so the app's handling of drops, HMS errors, garbage and Developer-Mode refusals can be tried by hand."""

from __future__ import annotations

import argparse
import json
import logging
import time
from typing import TYPE_CHECKING

from core.paths import data_dir
from printers.errors import PrinterOfflineError
from printers.simulator.bambu_models import MODELS
from printers.simulator.kinds import KINDS

if TYPE_CHECKING:
    from printers.simulator.virtual import VirtualPrinter

log = logging.getLogger(__name__)
HMS_FILAMENT_RUNOUT = (0x07002000, 0x00020001)


def register_sim(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("printer-sim", help="run a virtual printer (no hardware needed)")
    p.add_argument("--kind", choices=KINDS, default="bambu")
    p.add_argument("--name", default="")
    p.add_argument("--serial", default="01S00V000000001")
    p.add_argument("--style", choices=["X1", "P1"], default="X1", help="Bambu: full (X1) or delta (P1) reports")
    p.add_argument("--model", choices=list(MODELS), default="",
                   help="Bambu: report as this model's firmware does (newer ones: packed chamber and nozzle "
                        "temperatures in `device`, H2D/H2C/X2D two nozzles, AMS HT unit 128); overrides --style")
    p.add_argument("--access-code", default="", help="default: a random 8-digit code")
    p.add_argument("--port", type=int, default=0, help="MQTT port, or Moonraker's own (websocket and HTTP) port "
                   "for --kind moonraker (default: a free one)")
    p.add_argument("--ftps-port", type=int, default=0)
    p.add_argument("--speed", type=float, default=1.0, help="simulated seconds per real second")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between reports")
    p.add_argument("--developer-mode", action="store_true", help="refuse control commands like new firmware")
    p.add_argument("--drop-every", type=float, default=0, help="restart the broker every N s")
    p.add_argument("--hms-after", type=float, default=0, help="raise an HMS error (filament runout) after N s")
    p.add_argument("--malformed-every", type=float, default=0, help="publish broken JSON every N s")
    p.add_argument("--seconds", type=float, default=0, help="stop after N s (0: until Ctrl-C)")
    p.add_argument("--add", action="store_true", help="add it to your printers (access code in the keyring)")
    p.set_defaults(func=run_sim)


def run_sim(args: argparse.Namespace) -> int:
    # The simulators (broker, TLS, web servers) load here: building the CLI's parser must not wait for them.
    from printers.book import PrinterBook
    from printers.simulator.virtual import VirtualPrinter, VirtualSpec

    name = args.name or f"Virtual {args.kind}"
    spec = VirtualSpec(kind=args.kind, name=name, serial=args.serial, style=args.model or args.style,
                       access_code=args.access_code,
                       port=args.port, ftps_port=args.ftps_port, speed=args.speed, interval=args.interval,
                       developer_mode=args.developer_mode)
    virtual = VirtualPrinter(spec, data_dir() / "virtual" / name.replace(" ", "_"))
    config = virtual.start()
    try:
        if args.add:
            PrinterBook().add(config, virtual.access_code)
        print(json.dumps({"printer": config.to_dict(), "access_code": virtual.access_code}, indent=2), flush=True)
        _loop(virtual, args)
    except KeyboardInterrupt:
        pass
    finally:
        virtual.stop()
    return 0


def _due(now: float, start: float, every: float, last: float) -> bool:
    return every > 0 and now - max(start, last) >= every


def _loop(virtual: VirtualPrinter, args: argparse.Namespace) -> None:
    start = time.monotonic()
    last_drop = last_junk = 0.0
    hms_done = False
    while not args.seconds or time.monotonic() - start < args.seconds:
        time.sleep(0.1)
        now = time.monotonic()
        if _due(now, start, args.drop_every, last_drop):
            virtual.drop()
            last_drop = now
        if virtual.bambu is not None:
            if _due(now, start, args.malformed_every, last_junk):
                last_junk = now
                try:
                    virtual.bambu.send_malformed()
                except PrinterOfflineError:
                    log.info("malformed report skipped: the broker is restarting")
            if args.hms_after and not hms_done and now - start >= args.hms_after:
                virtual.bambu.raise_hms(*HMS_FILAMENT_RUNOUT)
                hms_done = True
