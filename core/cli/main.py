"""`potstudio` entry point: with no subcommand it starts the desktop app (entry point
`potstudio.gui`), otherwise it dispatches to a subcommand registered under `potstudio.commands`.

Each registration is a callable `register(subparsers)` that adds its parser(s) and sets
`func=handler` where `handler(args) -> int` returns the process exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points

from core.errors import PotStudioError

log = logging.getLogger(__name__)
_SIGPIPE_EXIT = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader closed
Register = Callable[[argparse._SubParsersAction], None]  # type: ignore[type-arg]


def _registrations() -> list[Register]:
    found: list[Register] = []
    for ep in sorted(entry_points(group="potstudio.commands"), key=lambda e: e.name):
        try:
            found.append(ep.load())
        except Exception:  # a broken plugin must not take the whole CLI down
            log.exception("cannot load CLI commands from %s", ep.value)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="potstudio", description="3D Pot Studio")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrations():
        register(subparsers)
    return parser


def _start_gui(argv: Sequence[str]) -> int:
    eps = list(entry_points(group="potstudio.gui"))
    if not eps:
        print("The desktop app is not installed; run `potstudio --help` for the command line.", file=sys.stderr)
        return 2
    gui: Callable[[Sequence[str]], int] = eps[0].load()
    return gui(argv)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    known = _command_names(parser)
    first = next((a for a in args_list if not a.startswith("-")), None)
    wants_help = any(a in ("-h", "--help") for a in args_list)
    if (first is None and not wants_help) or (first is not None and first not in known):
        return _start_gui(args_list)
    args = parser.parse_args(args_list)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        code = handler(args)
        sys.stdout.flush()  # inside the try: a closed pipe must not surface at interpreter exit
        return code
    except PotStudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `potstudio ... | head`: the reader is gone, which is fine. Point stdout at /dev/null so the
        # interpreter's final flush does not raise again, and exit like a process killed by SIGPIPE.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _SIGPIPE_EXIT


if __name__ == "__main__":
    raise SystemExit(main())
