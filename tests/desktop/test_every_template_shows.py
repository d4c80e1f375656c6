"""Every kind of template the assistant makes is drawn in the viewport, whatever the shape of its tree: a template
whose whole model is one solid (a revolved bowl, a lid's single layer stack) has no parts under its root, and the
window once took that for an empty model ("No model yet", nothing drawn, nothing to send to a printer)."""

from __future__ import annotations

import pytest

from core.document.nodes import PRIMITIVES
from core.templates.registry import load_all
from tests.desktop.conftest import ask, wait_idle

_SPECS = load_all()
ONE_SOLID = sorted(k for k, spec in _SPECS.items() if spec.make().root.type in PRIMITIVES)


def test_the_library_has_templates_of_both_shapes() -> None:
    assert len(ONE_SOLID) >= 3 and len(ONE_SOLID) < len(_SPECS)


def test_each_template_made_from_the_chat_is_drawn_at_its_size(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    for template in [*ONE_SOLID, "plant_pot"]:
        spec = _SPECS[template]
        ask(window, f"a new {spec.synonyms_en[0] if spec.synonyms_en else spec.title.lower()}", qtbot)
        wait_idle(qtbot, window)
        assert window.doc.template == template
        bounds = window.viewport.model_bounds
        assert bounds is not None, f"{template}: nothing drawn"
        built = window.regen.evaluator.mesh(window.doc).extents
        drawn = (bounds[1] - bounds[0], bounds[3] - bounds[2], bounds[5] - bounds[4])
        assert drawn == pytest.approx(tuple(built), abs=0.01), template
        assert window.viewport.dims_label.text() != "No model yet"
