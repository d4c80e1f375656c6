"""What would have caught collaboration being invisible: every action of the table is in a menu of the
shipped window (and so in the Ctrl+K palette), every dock can be brought back from the View menu,
every widget class under desktop/panels/ is created by the app itself (not only by tests), and every
collaboration string a user sees has its Portuguese translation."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from desktop.actions import ACTIONS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _menu_actions(action.menu())
    return found


def test_every_action_and_every_dock_is_reachable_in_the_shipped_window(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    in_menus = {id(a) for menu_action in window.menuBar().actions() if menu_action.menu() is not None
                for a in _menu_actions(menu_action.menu())}
    unreachable = [spec.id for spec in ACTIONS if id(window.action_set[spec.id]) not in in_menus]
    assert not unreachable, f"actions in no menu: {unreachable}"
    palette = window.show_palette()
    listed = {palette.list.item(i).text().split("    ")[0] for i in range(palette.list.count())}
    enabled = {window.action_set[s.id].text() for s in ACTIONS if window.action_set[s.id].isEnabled()}
    assert enabled <= listed
    palette.close()
    assert window.action_set["file.share"] in window.toolbar.actions()

    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() is not None
                     and window.action_set["view.fit"] in a.menu().actions())
    for dock in window.findChildren(QDockWidget):
        if dock.parent() is not window:
            continue
        key = dock.objectName().removeprefix("dock_")
        table = window.action_set.actions.get(f"view.{key}")
        assert table in view_menu.actions() or dock.toggleViewAction() in view_menu.actions(), \
            f"the {key} dock cannot be reopened from the View menu"
        dock.close()
        (table or dock.toggleViewAction()).trigger()
        assert dock.isVisible(), f"the View menu entry does not bring the {key} dock back"

    store = window.services.settings  # and in Portuguese
    store.update(store.settings.model_copy(update={"language": "pt_BR"}))
    assert window.action_set["file.share"].text() == "Compartilhar…"
    assert window.action_set["view.comment"].text() == "Comentar em um ponto"
    assert window.docks["collaboration"].windowTitle() == "Colaboração"
    store.update(store.settings.model_copy(update={"language": "en"}))


def _widget_classes(path: Path) -> list[str]:
    """Classes of a desktop/panels module that derive from a Qt widget or dialog (directly or through
    another class of the app)."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and node.bases:
            bases = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                     for b in node.bases}
            if any(b.startswith("Q") or b.endswith(("Dialog", "Panel", "View", "Widget", "Card", "Form"))
                   for b in bases):
                names.append(node.name)
    return names


def _created(names: set[str]) -> set[str]:
    made: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call, ast.Call):
                name = call.func.id if isinstance(call.func, ast.Name) else \
                    call.func.attr if isinstance(call.func, ast.Attribute) else ""
                if name in names:
                    made.add(name)
    return made


def test_every_panel_class_is_created_by_the_app_not_only_by_tests() -> None:
    panels = {name: path for path in (ROOT / "desktop" / "panels").rglob("*.py") for name in _widget_classes(path)}
    subclassed = {b.id for path in (ROOT / "desktop").rglob("*.py") for node in ast.walk(ast.parse(path.read_text()))
                  if isinstance(node, ast.ClassDef) for b in node.bases if isinstance(b, ast.Name)}
    never = sorted(f"{panels[n].relative_to(ROOT)}:{n}" for n in set(panels) - _created(set(panels)) - subclassed)
    assert not never, f"panel classes only tests create: {never}"


def test_every_collaboration_string_has_its_portuguese_translation() -> None:
    finished: set[tuple[str, str]] = set()
    for ts in (ROOT / "resources" / "i18n").glob("*_pt_BR.ts"):
        for ctx in ET.parse(ts).getroot().iter("context"):
            for msg in ctx.iter("message"):
                t = msg.find("translation")
                if t is not None and t.text and t.get("type") != "unfinished":
                    finished.add((ctx.findtext("name") or "", msg.findtext("source") or ""))
    sources = [(path, "Collaboration") for path in (ROOT / "desktop" / "panels" / "collab").glob("*.py")]
    sources.append((ROOT / "desktop" / "collab_host.py", "CollabHost"))
    missing = []
    for path, context in sources:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "tr" and call.args \
                    and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str) \
                    and (context, call.args[0].value) not in finished:
                missing.append(f"{path.name}: {call.args[0].value}")
    for spec in ACTIONS:
        if ("Actions", spec.title) not in finished:
            missing.append(f"actions.py: {spec.title}")
    assert not missing, f"untranslated: {missing}"
