"""Core's own subcommands: generate, templates, check, export (each in its own module)."""

from __future__ import annotations

import argparse

from core.cli import check_cmd, generate_cmd, project_cmd


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    generate_cmd.register(subparsers)
    check_cmd.register(subparsers)
    project_cmd.register(subparsers)
