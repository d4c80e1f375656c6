"""`potstudio printers list|status|watch|add|remove|discover|replay`, `potstudio print FILE --printer NAME`
and `potstudio printer-sim` (in simulator/cli.py). Output is for people, or JSON with --json for scripts."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.tasks import Task
from printers.base import ConnectionState, PrinterConfig, PrinterDriver, PrintOptions, TlsMode
from printers.discovery import DiscoveryListener
from printers.errors import PrinterConfigError, PrinterError
from printers.registry import create_driver
from printers.simulator.cli import register_sim
from printers.state import JobState, PrinterState

if TYPE_CHECKING:
    from printers.book import PrinterBook
    from printers.fleet import Fleet

ENDED = (JobState.FINISHED, JobState.FAILED, JobState.CANCELLED)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("printers", help="LAN printers: list, status, watch, add, discover, replay")
    sub = parser.add_subparsers(dest="printers_command", metavar="ACTION", required=True)
    for name, func, text in (("list", _list, "configured printers"), ("status", _status, "connect and show state"),
                             ("watch", _watch, "follow state changes live")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--json", action="store_true")
        p.add_argument("--timeout", type=float, default=8.0, help="seconds to wait for connections")
        p.set_defaults(func=func)
    sub.choices["watch"].add_argument("--seconds", type=float, default=0, help="stop after N s (0: until Ctrl-C)")
    add = sub.add_parser("add", help="add a printer by address")
    add.add_argument("name")
    add.add_argument("--kind", choices=["bambu", "moonraker", "potscale"], required=True)
    add.add_argument("--host", required=True)
    add.add_argument("--port", type=_port, default=0,
                     help="Bambu: MQTT port (default 8883); Moonraker: its own API port (default 7125), or with "
                          "--instance the MQTT broker's (default 1883); scale: the broker's (default 1883)")
    add.add_argument("--serial", default="", help="Bambu: serial number (the certificate's name)")
    add.add_argument("--instance", default="", help="Moonraker over its MQTT bridge ([mqtt] instance_name) "
                     "instead of its own API; uploads still go to --http-port on --host")
    add.add_argument("--http-port", type=_port, default=0, help="Moonraker over MQTT: Moonraker's own port for "
                     "uploads (default 7125)")
    add.add_argument("--api-key", action="store_true", help="Moonraker: ask for its API key (or read "
                     "POTSTUDIO_PRINTER_SECRET) and keep it in the system keyring")
    add.add_argument("--username", default="", help="the MQTT broker's user (Moonraker over MQTT, scale)")
    add.add_argument("--ca-file", default="", help="Bambu: verify the printer with this CA bundle instead of Bambu "
                     "Lab's own CAs (the default, shipped with the app)")
    add.add_argument("--insecure", action="store_true", help="do NOT verify the printer's certificate")
    add.add_argument("--model", default="")
    add.add_argument("--material", default="PLA")
    add.add_argument("--assigned-to", default="", help="scale: the printer whose spool it weighs")
    add.set_defaults(func=_add)
    remove = sub.add_parser("remove", help="forget a printer and its stored access code")
    remove.add_argument("name")
    remove.set_defaults(func=_remove)
    discover = sub.add_parser("discover", help="listen for Bambu printers announcing themselves (SSDP)")
    discover.add_argument("--seconds", type=float, default=6.0)
    discover.add_argument("--json", action="store_true")
    discover.set_defaults(func=_discover)
    rep = sub.add_parser("replay", help="feed a recorded MQTT log (JSON lines) through a driver's state model")
    rep.add_argument("--kind", choices=["bambu", "moonraker"], required=True)
    rep.add_argument("file", type=Path)
    rep.add_argument("--json", action="store_true")
    rep.add_argument("--model", default="", help="the printer's model (e.g. H2D) when the log has no get_version")
    rep.set_defaults(func=_replay)
    pr = subparsers.add_parser("print", help="slice if needed, upload and start a print")
    pr.add_argument("file", type=Path)
    pr.add_argument("--printer", required=True)
    pr.add_argument("--ams-mapping", default="0", help="Bambu: comma-separated tray per filament, as the printer "
                    "numbers them: AMS unit * 4 + slot (A1 = 0, B2 = 5), an AMS HT by its unit id (HT-A = 128)")
    pr.add_argument("--no-ams", action="store_true", help="Bambu: print from the external spool")
    pr.add_argument("--no-wait", action="store_true", help="return once the print has started")
    pr.add_argument("--timeout", type=float, default=15.0)
    pr.set_defaults(func=_print)
    register_sim(subparsers)


def _row(driver: PrinterDriver) -> dict[str, Any]:
    state = driver.model.state
    filament = state.filament
    return {"name": driver.config.name, "kind": driver.config.kind, "connection": str(driver.model.connection),
            "detail": driver.model.connection_detail, "job_name": state.job_name, **state.summary(),
            "filament": None if filament is None else {"weight_g": filament.weight_g,
                                                        "consumed_g": filament.consumed_g,
                                                        "battery_pct": filament.battery_pct}}


def _line(driver: PrinterDriver) -> str:
    s = driver.model.state
    parts = [f"{driver.config.name} [{driver.config.kind}] {driver.model.connection}"]
    if driver.model.connection_detail:
        parts.append(f"({driver.model.connection_detail})")
    if driver.model.connection == ConnectionState.ONLINE:
        parts.append(str(s.state))
        if s.job_name:
            parts.append(f"'{s.job_name}'")
        if s.progress is not None and s.state in (JobState.PRINTING, JobState.PAUSED):
            parts.append(f"{s.progress:.0f}% layer {s.layer}/{s.total_layers} ~{s.remaining_min} min left")
        if s.nozzle is not None:
            parts.append(f"nozzle {s.nozzle:.0f}/{s.nozzle_target or 0:.0f}°C bed {s.bed or 0:.0f}/"
                         f"{s.bed_target or 0:.0f}°C")
        if s.filament is not None and s.filament.weight_g is not None:
            parts.append(f"spool {s.filament.weight_g:.0f} g")
        parts.extend(f"{h.code}: {h.text}" for h in s.hms)
    return " ".join(parts)


def _book() -> PrinterBook:
    """The printer book, loaded when a command runs: it pulls in the keyring, which building the parser
    of every `potstudio` command must not wait for."""
    from printers.book import PrinterBook

    return PrinterBook()


def _list(args: argparse.Namespace) -> int:
    configs = _book().list()
    if args.json:
        print(json.dumps([c.to_dict() for c in configs], indent=2))
    elif not configs:
        print("No printers yet: `potstudio printers add NAME --kind bambu --host IP --serial SN` or "
              "`potstudio printer-sim --add`.")
    for c in configs if not args.json else []:
        port = c.http_port if c.kind == "moonraker" and not c.instance else c.port or "default"
        print(f"{c.name} [{c.kind}] {c.host}:{port} {c.serial or c.instance}")
    return 0


def _connected_fleet(timeout: float) -> Fleet:
    from printers.fleet import Fleet  # every driver and the virtual printers: loaded by the commands that connect

    fleet = Fleet(_book())
    fleet.start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
            d.model.connection in (ConnectionState.DISCONNECTED, ConnectionState.CONNECTING)
            or (d.model.connection == ConnectionState.ONLINE and d.model.state == PrinterState())
            for d in fleet.drivers.values()):
        time.sleep(0.1)
    return fleet


def _status(args: argparse.Namespace) -> int:
    fleet = _connected_fleet(args.timeout)
    try:
        drivers = list(fleet.drivers.values())
        if args.json:
            broken = [{"name": name, "connection": "error", "detail": error} for name, error in fleet.errors.items()]
            print(json.dumps([_row(d) for d in drivers] + broken, indent=2))
        else:
            print("\n".join([*map(_line, drivers), *(f"{n}: {e}" for n, e in fleet.errors.items())]))
        online = all(d.model.connection == ConnectionState.ONLINE for d in drivers)
        return 0 if online and not fleet.errors else 1
    finally:
        fleet.stop()


def _print_changes(driver: PrinterDriver, as_json: bool) -> None:
    def show() -> None:
        print(json.dumps(_row(driver)) if as_json else _line(driver), flush=True)

    def on_state(_state: PrinterState) -> None:
        show()

    def on_connection(_connection: ConnectionState, _detail: str) -> None:
        show()

    driver.model.changed.connect(on_state)
    driver.model.connection_changed.connect(on_connection)
    show()


def _watch(args: argparse.Namespace) -> int:
    fleet = _connected_fleet(args.timeout)

    for driver in fleet.drivers.values():
        _print_changes(driver, args.json)
    try:
        end = time.monotonic() + args.seconds if args.seconds else float("inf")
        while time.monotonic() < end:
            time.sleep(0.2)
    finally:
        fleet.stop()
    return 0


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a TCP port (1-65535)")
    return int(text)


def _add(args: argparse.Namespace) -> int:
    moonraker_api = args.kind == "moonraker" and not args.instance
    if args.api_key and args.kind != "moonraker":
        raise PrinterConfigError("--api-key is for Moonraker printers; a Bambu printer's access code is asked for "
                                 "anyway, a scale's broker takes --username.")
    if args.http_port and not (args.kind == "moonraker" and args.instance):
        raise PrinterConfigError("--http-port is for Moonraker over MQTT (--instance); otherwise use --port.")
    tls = TlsMode.INSECURE if args.insecure else (TlsMode.CUSTOM_CA if args.ca_file else TlsMode.VERIFY)
    config = PrinterConfig(name=args.name, kind=args.kind, host=args.host, port=0 if moonraker_api else args.port,
                           serial=args.serial, instance=args.instance, username=args.username, tls_mode=tls,
                           ca_file=args.ca_file, model=args.model, material=args.material,
                           assigned_to=args.assigned_to)
    if args.kind == "moonraker":
        config.http_port = (args.port if moonraker_api else args.http_port) or config.http_port
    secret = os.environ.get("POTSTUDIO_PRINTER_SECRET")
    if secret is None and args.api_key:
        secret = getpass.getpass("Moonraker API key (stored in the system keyring): ")
    elif secret is None and (args.kind == "bambu" or args.username):
        secret = getpass.getpass("Access code / password (stored in the system keyring): ")
    _book().add(config, secret or None)
    if args.insecure:
        print("warning: the printer's certificate will NOT be verified.", file=sys.stderr)
    print(f"added {args.name}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    _book().remove(args.name)
    print(f"removed {args.name}")
    return 0


def _discover(args: argparse.Namespace) -> int:
    listener = DiscoveryListener().start()
    try:
        time.sleep(args.seconds)
    finally:
        listener.stop()
    found = listener.printers()
    if args.json:
        print(json.dumps([{"serial": p.serial, "host": p.host, "model": p.model, "name": p.name,
                           "signal": p.signal, "connection": p.connection} for p in found], indent=2))
    else:
        print("\n".join(f"{p.name or p.serial} — {p.model} at {p.host}, signal {p.signal} dBm, {p.connection}"
                        for p in found) or f"No printer announced itself in {args.seconds:.0f} s.")
    return 0


def _replay(args: argparse.Namespace) -> int:
    from printers.replay import replay  # loads the state models only when replaying

    state, skipped = replay(args.kind, args.file, args.model)
    for line_no in skipped:
        print(f"warning: line {line_no} of {args.file.name} is not a JSON object; skipped", file=sys.stderr)
    summary = state.summary()
    print(json.dumps(summary, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in summary.items()))
    return 0


def _progress(fraction: float, message: str) -> None:
    print(f"\r{message} {fraction * 100:3.0f}%", end="", file=sys.stderr, flush=True)


def _print(args: argparse.Namespace) -> int:
    book = _book()
    config = book.get(args.printer)
    if not args.file.is_file():
        raise PrinterConfigError(f"{args.file} does not exist.")
    driver = create_driver(config, book.secret(config))
    driver.connect()
    try:
        deadline = time.monotonic() + args.timeout
        while driver.model.connection != ConnectionState.ONLINE and time.monotonic() < deadline:
            if driver.model.connection in (ConnectionState.AUTH_FAILED, ConnectionState.REFUSED):
                break
            time.sleep(0.1)
        if driver.model.connection != ConnectionState.ONLINE:
            raise PrinterError(f"{config.name} is {driver.model.connection}: {driver.model.connection_detail}")
        time.sleep(0.5)  # first full report (AMS trays are needed to validate the mapping)
        task = Task(_progress)
        from printers.dispatch import printable_file  # slicing pulls in trimesh: load it on use

        path = printable_file(args.file, config, task)
        mapping = tuple(int(x) for x in args.ams_mapping.split(",") if x.strip())
        driver.start_print(path, PrintOptions(ams_mapping=mapping, use_ams=not args.no_ams), task)
        print(f"\nstarted {path.name} on {config.name}", file=sys.stderr)
        if args.no_wait:
            return 0
        return _follow(driver)
    finally:
        driver.disconnect()


def _follow(driver: PrinterDriver) -> int:
    last = ""
    while driver.model.state.state not in ENDED:
        line = _line(driver)
        if line != last:
            print(line, flush=True)
            last = line
        time.sleep(0.5)
    print(_line(driver))
    return 0 if driver.model.state.state == JobState.FINISHED else 1
