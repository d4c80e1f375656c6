"""`potstudio check FILE`: the printability report of a mesh file, for people and for scripts (--json).

Broken files raise MeshFileError, which the CLI entry point turns into a message on stderr and exit
code 2, so a script can tell "bad file" from "file fine, report printed" (exit 0).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from core.cli.arguments import percent, positive_mm
from core.materials import MATERIALS


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check",
        help="printability report of an STL, OBJ or 3MF file",
        description="Report whether a model will print: watertight, size, walls, overhangs, fit, filament and time.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="an .stl, .obj or .3mf file")
    parser.add_argument("--bed", nargs=3, type=positive_mm, metavar=("X", "Y", "Z"), help="build volume in mm")
    parser.add_argument("--material", type=str.upper, choices=list(MATERIALS), default="PLA",
                        help="filament for the weight, cost and time estimates (default PLA)")
    parser.add_argument("--infill", type=percent, default=15.0, metavar="PERCENT",
                        help="infill percentage (default 15)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Loaded on use so that every other `potstudio` command starts without trimesh.
    from core.geometry.meshio import load_mesh
    from core.geometry.printability import analyse

    model = load_mesh(args.file)
    bed = (args.bed[0], args.bed[1], args.bed[2]) if args.bed else None
    report = analyse(model.mesh, bed=bed, material=args.material, infill=args.infill / 100.0)
    if args.json:
        out = {
            "file": str(args.file),
            "name": model.name,
            "triangles": len(model.mesh.faces),
            "has_document": model.document_json is not None,
            "file_warnings": model.warnings,
            **report.to_json(),
        }
        print(json.dumps(out))
        return 0
    print(f"{model.name} ({args.file.name}, {len(model.mesh.faces)} triangles)")
    if model.document_json is not None:
        print("Contains a 3D Pot Studio design: open it to edit its parameters.")
    for warning in model.warnings:
        print(f"File: {warning}")
    print(report.to_text())
    return 0
