"""`python -m hub` — the same as `potstudio hub`, without the desktop app's entry points."""

from __future__ import annotations

import argparse
import logging
import sys

from core.errors import PotStudioError
from hub.cli import add_arguments, run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m hub", description="3D Pot reference hub")
    add_arguments(parser)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return run(parser.parse_args())
    except PotStudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
