"""The template library: parametric recipes for everyday printable objects.

`TEMPLATES` maps template id → TemplateSpec; each module in this package registers its templates
with `register()`. Importing the package loads them all.
"""

from __future__ import annotations

from core.templates.base import Check, Feature, TemplateSpec
from core.templates.registry import TEMPLATES, get_template, load_all, register

__all__ = ["TEMPLATES", "Check", "Feature", "TemplateSpec", "get_template", "load_all", "register"]
