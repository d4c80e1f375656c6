"""Core's own subcommands: generate, templates, check, export (each in its own module)."""

from __future__ import annotations

import argparse

import core.cli.check_cmd as check_cmd
import core.cli.generate_cmd as generate_cmd
import core.cli.project_cmd as project_cmd


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    generate_cmd.register(subparsers)
    check_cmd.register(subparsers)
    project_cmd.register(subparsers)
