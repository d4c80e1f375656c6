"""`potstudio` with no subcommand: start the desktop app (entry point `potstudio.gui`).

    potstudio [--screenshot OUT.png [--prompt "..."]... [--size 1280x800]] [--theme dark] [--lang pt_BR]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not '{text}'") from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError("size must be between 320x240 and 8192x8192")
    return w, h


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="potstudio", description="3D Pot Studio desktop app")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="run, save a PNG of the window, exit")
    parser.add_argument("--prompt", action="append", default=[], help="chat prompt to send (repeatable)")
    parser.add_argument("--size", type=_size, default=(1440, 900), help="window size, e.g. 1280x800")
    parser.add_argument("--theme", choices=("system", "light", "dark"), help="override the theme setting")
    parser.add_argument("--lang", choices=("en", "pt_BR"), help="override the language setting")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("files", nargs="*", type=Path, help="project or mesh to open")
    return parser.parse_args(list(argv))


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_services, build_window, setup_logging
    from desktop.screenshot import ScreenshotDriver

    log_path = setup_logging(args.verbose)
    app = QApplication.instance() or QApplication(["potstudio"])
    assert isinstance(app, QApplication)
    app.setApplicationName("3D Pot Studio")
    app.setOrganizationName("3DPot")
    services = build_services(app)
    services.settings.override(**{k: v for k, v in (("theme", args.theme), ("language", args.lang)) if v})
    window = build_window(services)
    window.resize(*args.size)
    for path in args.files:  # before show(): a small mesh is then in the window's very first frame
        window.open_path(path)
    window.show()
    driver = None
    if args.screenshot is not None:
        driver = ScreenshotDriver(window, args.prompt, args.screenshot)
        driver.start()
    else:  # right after the first frame: the scan and its dialog are not part of it
        window.startup.first_frame.connect(window.offer_recovery)
    code = app.exec()
    log.info("exit %s (log in %s)", code, log_path)
    return driver.exit_code if driver is not None else code


if __name__ == "__main__":
    raise SystemExit(run())
