"""Refresh potstudio_<lang>.ts from the desktop sources and compile the .qm files.

    python resources/i18n/update_ts.py            # update pt_BR, keep existing translations, lrelease

Each desktop module translates through a module-level `tr()` bound to one context (or through
QCoreApplication.translate("Context", "text") directly); `mark("text")` declares data strings that a
`tr()` of the same module shows later. We read the sources with `ast` rather than pyside6-lupdate,
because lupdate guesses the context from the enclosing class, which is not the one `tr()` uses.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from core.document.nodes import PART_NAMES_PT

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SOURCES = ["desktop/*.py", "desktop/dialogs/*.py", "desktop/viewport/*.py", "desktop/panels/*.py"]
PHRASE_SOURCES = ["core/**/*.py", "hub/**/*.py", "sync_client/**/*.py", "printers/**/*.py", "desktop/**/*.py"]
"""Where messages for the user are written as core.tasks.Phrase("template", ...): context "Core"."""


def _context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant):
                    return str(call.args[0].value)
    return None


def collect() -> dict[str, dict[str, str]]:
    """{context: {source: 'file:line'}} for every translatable string of the listed sources."""
    found: dict[str, dict[str, str]] = {}
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            module_ctx = _context(tree)
            for call in ast.walk(tree):
                if not isinstance(call, ast.Call) or not call.args:
                    continue
                func = call.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                        for a in call.args]
                if name in ("tr", "mark") and len(args) == 1 and args[0] is not None and module_ctx:
                    ctx, text = module_ctx, args[0]
                elif name in ("translate", "tr") and len(args) >= 2 and args[0] and args[1] is not None:
                    ctx, text = args[0], args[1]
                else:
                    continue
                found.setdefault(ctx, {})[text] = f"{path.relative_to(ROOT)}:{call.lineno}"
    for pattern in PHRASE_SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Phrase"):
                    continue
                if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                    found.setdefault("Core", {})[call.args[0].value] = f"{path.relative_to(ROOT)}:{call.lineno}"
    for name in PART_NAMES_PT:  # Node.part: a template's part name named in a message
        found.setdefault("Core", {})[name] = "core/document/nodes.py:1"
    return found


def update(language: str, extra: dict[str, str] | None = None) -> Path:
    ts = HERE / f"potstudio_{language}.ts"
    known: dict[tuple[str, str], str] = {}
    if ts.exists():
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                text = msg.findtext("translation") or ""
                if text:
                    known[(name, msg.findtext("source") or "")] = text
    # Docks with their own catalogue (printers_<lang>.ts, market_<lang>.ts, ...) keep their contexts.
    theirs = {c.findtext("name") for other in HERE.glob(f"*_{language}.ts") if other != ts
              for c in ET.parse(other).getroot().iter("context")}
    root = ET.Element("TS", version="2.1", language=language)
    missing = 0
    for ctx, strings in sorted(collect().items()):
        if ctx in theirs:
            continue
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for source, where in sorted(strings.items()):
            m = ET.SubElement(c, "message")
            file, line = where.rsplit(":", 1)
            ET.SubElement(m, "location", filename=f"../../{file}", line=line)
            ET.SubElement(m, "source").text = source
            text = known.get((ctx, source)) or (extra or {}).get(source, "") or (
                PART_NAMES_PT.get(source, "") if ctx == "Core" else "")
            t = ET.SubElement(m, "translation")
            if text:
                t.text = text
            else:
                t.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                  + "\n", encoding="utf-8")
    print(f"{ts.name}: {missing} untranslated")
    return ts


def release(ts: Path) -> None:
    """One .qm per language: the app's catalogue plus every dock's own (printers_<lang>.ts, market_<lang>.ts)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    language = ts.stem.split("_", 1)[1]
    docks = sorted(str(p) for p in HERE.glob(f"*_{language}.ts") if p != ts)
    subprocess.run([str(lrelease), str(ts), *docks, "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    release(update(sys.argv[1] if len(sys.argv) > 1 else "pt_BR"))
