"""`potstudio generate "PROMPT" [--then ...] -o OUT` and `potstudio templates`.

generate exits 0 when it wrote a model, 2 when it did not (the assistant asked a question or could
not help; its words go to stderr), so scripts can tell "here is your file" from "answer me first".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli.arguments import positive_mm
from core.errors import PotStudioError

if TYPE_CHECKING:
    from core.assistant.base import Provider
    from core.geometry.build import Evaluator

# The geometry stack (trimesh, manifold3d) loads only when a command runs, so `potstudio --help`
# and the other subcommands start without it.


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    gen = subparsers.add_parser(
        "generate",
        help="design a model from a sentence and write it to a file",
        description="Run a design conversation (offline by default) and write the final model.",
    )
    gen.add_argument("prompt", help='what to make, e.g. "a plant pot 12 cm wide with drainage holes"')
    gen.add_argument("--then", action="append", default=[], metavar="FOLLOW_UP",
                     help='a follow-up message, e.g. "make it 20%% taller" (repeatable)')
    gen.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                     help="output file: .stl, .3mf (keeps the parameters) or .obj")
    gen.add_argument("--json", action="store_true", help="print one JSON object describing the result")
    gen.add_argument("--provider", metavar="URL", help="an OpenAI-compatible AI service (preset id or URL)")
    gen.add_argument("--model", metavar="NAME", help="the model name on that service")
    gen.add_argument("--bed", nargs=3, type=positive_mm, metavar=("X", "Y", "Z"),
                     help="build volume in mm (for 'will it fit?')")
    gen.set_defaults(func=run_generate)

    tpl = subparsers.add_parser("templates", help="list the template library",
                                description="List every template the assistant can make, with its parameters.")
    tpl.add_argument("--json", action="store_true", help="print a JSON array")
    tpl.set_defaults(func=run_templates)


def _provider(args: argparse.Namespace, evaluator: Evaluator) -> Provider:
    from core.assistant.offline.planner import OfflinePlanner

    offline = OfflinePlanner(evaluator=evaluator)
    if not args.provider:
        return offline
    from core.assistant.llm.presets import LLMConfig
    from core.assistant.llm.provider import LLMProvider

    return LLMProvider(LLMConfig.resolve(args.provider, args.model), fallback=offline, evaluator=evaluator)


def run_generate(args: argparse.Namespace) -> int:
    from core.assistant.base import PrinterContext
    from core.assistant.generate import run_prompts
    from core.geometry.build import Evaluator
    from core.geometry.meshio import FORMATS

    out: Path = args.output
    if out.suffix.lower() not in FORMATS:
        raise PotStudioError(f"Cannot write '{out.name}': choose an output ending in {', '.join(FORMATS)}.")
    if not out.parent.is_dir():
        raise PotStudioError(f"Cannot write '{out}': the folder '{out.parent}' does not exist.")
    evaluator = Evaluator()
    context = PrinterContext(bed=tuple(args.bed)) if args.bed else PrinterContext()
    result = run_prompts([args.prompt, *args.then], _provider(args, evaluator), context, evaluator)
    if result.mesh is not None:
        try:
            result.save(out)
        except OSError as exc:
            raise PotStudioError(f"Cannot write '{out}': {exc.strerror or exc}.") from exc
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        for prompt, reply in zip([args.prompt, *args.then], result.replies, strict=True):
            print(f"> {prompt}\n{reply.text}\n")
    if result.mesh is None:
        print(result.message or "No model was made.", file=sys.stderr)
        return 2
    if not args.json:
        x, y, z = (float(v) for v in (result.written if result.written is not None else result.mesh).extents)
        print(f"Wrote {out} ({x:.1f} × {y:.1f} × {z:.1f} mm)")
    return 0


def run_templates(args: argparse.Namespace) -> int:
    from core.templates.registry import load_all

    specs = sorted(load_all().values(), key=lambda s: s.id)
    if args.json:
        print(json.dumps([{
            "id": s.id, "title": s.title, "title_pt": s.title_pt, "category": s.category,
            "description": s.description, "required": list(s.required),
            "parameters": [p.to_json() for p in s.parameters()],
            "features": sorted(s.features), "synonyms_en": list(s.synonyms_en), "synonyms_pt": list(s.synonyms_pt),
        } for s in specs], ensure_ascii=False))
        return 0
    width = max((len(s.id) for s in specs), default=0)
    for s in specs:
        params = ", ".join(p.name for p in s.parameters() if p.expr is None)
        print(f"{s.id:<{width}}  {s.title} / {s.title_pt}: {s.description}\n{'':<{width}}  parameters: {params}")
    return 0
