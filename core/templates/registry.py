"""Template registry; the library modules are imported lazily on first use."""

from __future__ import annotations

import importlib
import pkgutil

from core.errors import DocumentError
from core.templates.base import TemplateSpec

TEMPLATES: dict[str, TemplateSpec] = {}
_loaded = False


def register(spec: TemplateSpec) -> TemplateSpec:
    if spec.id in TEMPLATES:
        raise ValueError(f"template '{spec.id}' registered twice")
    TEMPLATES[spec.id] = spec
    return spec


def load_all() -> dict[str, TemplateSpec]:
    global _loaded
    if not _loaded:
        import core.templates.library as library

        for info in pkgutil.iter_modules(library.__path__):
            importlib.import_module(f"{library.__name__}.{info.name}")
        _loaded = True
    return TEMPLATES


def get_template(template_id: str) -> TemplateSpec:
    load_all()
    try:
        return TEMPLATES[template_id]
    except KeyError:
        raise DocumentError(
            f"Unknown template '{template_id}'. Known: {', '.join(sorted(TEMPLATES))}."
        ) from None
