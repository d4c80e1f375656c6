"""Language, theme, command palette, preferences and the viewport's tools through the real window."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from core import secrets
from desktop.panels.printers.texts import contrast
from tests.desktop.conftest import ask, wait_idle
from tests.desktop.contrast import seen_contrast
from tests.desktop.test_chat_flow import extents


def menu_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in window.menuBar().actions()]


def tree_labels(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {item.text(0) for item in window.tree._items()}


def test_switching_to_portuguese_translates_menus_docks_and_chat(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    assert menu_titles(window) == ["&File", "&Edit", "&View"]
    assert "Cut" in tree_labels(window), "an unnamed boolean is labelled for a designer, not as 'difference'"
    assert not tree_labels(window) & {"difference", "transform", "union"}
    store = window.services.settings
    store.update(store.settings.model_copy(update={"language": "pt_BR"}))
    assert menu_titles(window) == ["&Arquivo", "&Editar", "E&xibir"]
    assert window.action_set["file.save"].text() == "Salvar"
    assert window.action_set["edit.undo"].text().startswith("Desfazer")
    assert window.docks["parameters"].windowTitle() == "Parâmetros"
    assert window.chat.send.text() == "Enviar"
    qtbot.waitUntil(lambda: window.chat.state.text() == "● Assistente offline pronto", timeout=10_000)
    assert window.chat.cards[0].open.text() == "Abrir esta versão"
    assert window.viewport.dims_label.text() == "120,0 × 120,0 × 100,0 mm", "Portuguese writes decimals with a comma"
    assert window.params.rows["wall"].spin.text().startswith("2,40")
    assert "Corte" in tree_labels(window)
    assert {"Vaso", "Pratinho", "Furos de drenagem"} <= tree_labels(window), "template parts keep English names"
    assert not tree_labels(window) & {"Saucer", "Drainage holes"}
    tips = {item.toolTip(0).split(" · ")[0] for item in window.tree._items()}
    assert "Corte" in tips and not tips & {"difference", "transform", "union"}
    labels = {w.text() for w in window.params.widget().findChildren(__import__("PySide6.QtWidgets",
                                                                              fromlist=["QLabel"]).QLabel)}
    assert {"Diâmetro do topo", "Formato"} <= labels, "parameter names stay English in the Portuguese UI"
    top = window.params.rows["top_diameter"]
    assert top.toolTip() == top.spin.toolTip() == window.doc.params["top_diameter"].description_in("pt")
    assert top.toolTip() != window.doc.params["top_diameter"].description, "the tooltip stayed English"
    shape = window.params.rows["shape"]
    assert [shape.itemText(i) for i in range(shape.count())][:2] == ["redondo", "quadrado"]
    assert "Dimensões" in [b.title() for b in window.params.findChildren(type(window.params.widget().findChild(
        __import__("PySide6.QtWidgets", fromlist=["QGroupBox"]).QGroupBox)))]
    store.update(store.settings.model_copy(update={"language": "en"}))
    assert menu_titles(window) == ["&File", "&Edit", "&View"]
    assert window.chat.send.text() == "Send"


def test_undo_names_a_parameter_edit_and_a_core_command_in_the_ui_language(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from core.commands import AddNode
    from core.document import Node

    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    store = window.services.settings
    store.update(store.settings.model_copy(update={"language": "pt_BR"}))
    window.params.rows["wall"].spin.setValue(3.0)
    wait_idle(qtbot, window)
    assert window.action_set["edit.undo"].text() == "Desfazer Alterar Parede"
    window.stack.push(AddNode(window.doc.root.id, Node("box", {"size": [5, 5, 5]})))
    wait_idle(qtbot, window)
    assert window.action_set["edit.undo"].text() == "Desfazer Adicionar peça"
    store.update(store.settings.model_copy(update={"language": "en"}))
    assert window.action_set["edit.undo"].text() == "Undo Add part"


class _Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen = self.seen or event.type() == QEvent.Type.Paint
        return False


def wait_for_paint(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Wait until `widget` paints again: Qt lays out before it paints, so what a change did to sizes is done by then
    (a positive signal, where waiting N ms and finding nothing changed passes on a slow machine)."""
    painted = _Painted()
    widget.installEventFilter(painted)
    widget.update()
    try:
        qtbot.waitUntil(lambda: painted.seen, timeout=10_000)
    finally:
        widget.removeEventFilter(painted)


def test_picking_an_unconfigured_custom_server_says_what_to_set_without_widening_the_chat(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    chat = window.chat
    width = chat.width()
    chat.provider.setCurrentIndex(chat.provider.findData("custom"))
    qtbot.waitUntil(lambda: chat.state.property("state") == "error", timeout=20_000)
    assert "URL" in chat.state.text() and "Preferences" in chat.state.text()
    wait_for_paint(qtbot, chat.state)  # the layout the new text asked for is done by its next paint
    assert chat.width() == width, "a long connection state widened the Chat dock"
    store = window.services.settings
    store.update(store.settings.model_copy(update={"language": "pt_BR"}))
    chat.provider.setCurrentIndex(chat.provider.findData("offline"))
    chat.provider.setCurrentIndex(chat.provider.findData("custom"))
    qtbot.waitUntil(lambda: "Preferências" in chat.state.text(), timeout=20_000)
    store.update(store.settings.model_copy(update={"language": "en"}))


def test_command_palette_lists_every_action_and_runs_the_chosen_one(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    assert window.action_set["edit.palette"].shortcut().toString() == "Ctrl+K"
    palette = window.show_palette()
    listed = {palette.list.item(i).text().split("    ")[0] for i in range(palette.list.count())}
    enabled = {a.text() for a in window.action_set.actions.values() if a.isEnabled()}
    assert enabled <= listed
    qtbot.keyClicks(palette.search, "wirefr")
    assert palette.list.count() == 1
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert window.action_set["view.wireframe"].isChecked()
    assert window.viewport.style == "wireframe"
    assert not palette.isVisible()


def test_theme_switch_recolours_window_and_viewport(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    store = window.services.settings
    store.update(store.settings.model_copy(update={"theme": "dark"}))
    assert window.viewport.dark
    assert QApplication.palette().window().color().lightness() < 80
    store.update(store.settings.model_copy(update={"theme": "light"}))
    assert not window.viewport.dark
    assert QApplication.palette().window().color().lightness() > 200


@pytest.mark.parametrize("look", ["light", "dark"])
def test_white_on_blue_chat_text_reads_at_4_5_to_1(make_window, qtbot, look: str) -> None:  # type: ignore[no-untyped-def]
    """The Send button, the user's own chat bubbles and selected rows: white on the light theme's blue was 3.9:1."""
    window = make_window()
    store = window.services.settings
    store.update(store.settings.model_copy(update={"theme": look}))
    ask(window, "a plant pot 12 cm wide", qtbot)
    from PySide6.QtWidgets import QFrame

    [bubble] = [f for f in window.chat.findChildren(QFrame) if f.objectName() == "userBubble"]
    assert seen_contrast(bubble, inset=6) >= 4.5, f"your message in the {look} theme"
    assert seen_contrast(window.chat.send) >= 4.5, f"Send in the {look} theme"
    palette = QApplication.palette()
    assert contrast(palette.highlightedText().color(), palette.highlight().color()) >= 4.5, "a selected row"


def test_dark_theme_draws_an_unticked_check_box_a_user_can_see(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    window = make_window()
    store = window.services.settings
    store.update(store.settings.model_copy(update={"theme": "dark"}))
    box = QCheckBox("Saucer", window)
    box.resize(box.sizeHint())
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    frame = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    image = box.grab().toImage()
    background = QApplication.palette().window().color().lightness()
    edge = max(image.pixelColor(x, frame.center().y()).lightness() for x in range(frame.left(), frame.right() + 1))
    store.update(store.settings.model_copy(update={"theme": "light"}))
    box.deleteLater()
    assert edge - background > 60, f"the unticked box's frame ({edge}) is lost on the dark window ({background})"


def test_model_tree_greys_out_parts_a_parameter_has_switched_off(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from core.commands import SetParameters
    from desktop.panels.model_tree import PRESENT_ROLE

    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)

    def saucer_items() -> list:  # type: ignore[type-arg]
        return [i for i in window.tree._items() if i.text(0) == "Saucer"]

    assert saucer_items() and all(i.data(0, PRESENT_ROLE) is False and i.font(0).italic() for i in saucer_items())
    pot = next(i for i in window.tree._items() if i.text(0) == "Drainage holes")
    assert pot.data(0, PRESENT_ROLE) is True and not pot.font(0).italic()
    window.stack.push(SetParameters({"saucer": True}))
    wait_idle(qtbot, window)
    assert all(i.data(0, PRESENT_ROLE) is True and not i.font(0).italic() for i in saucer_items())
    window.stack.undo()
    assert all(i.data(0, PRESENT_ROLE) is False for i in saucer_items())


def test_preferences_store_the_api_key_in_the_keyring_not_in_settings(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    dialog = window.show_preferences()
    dialog.provider.setCurrentIndex(dialog.provider.findData("openai"))
    dialog.key.setText("sk-test-secret-123")
    dialog.bed[0].setValue(300)
    dialog.accept()
    assert secrets.get_secret("llm:openai") == "sk-test-secret-123"
    text = window.services.settings.path.read_text(encoding="utf-8")
    assert "sk-test-secret-123" not in text
    assert window.settings.ai.provider == "openai"
    assert window.viewport.bed[0] == 300
    assert window.chat.provider.currentData() == "openai"


def test_measure_tool_reports_distance_between_two_picks(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    window.action_set["view.measure"].trigger()
    assert "first point" in window.viewport.info_label.text()
    window.viewport.measure.pick((0.0, 0.0, 0.0))
    window.viewport.measure.pick((30.0, 40.0, 0.0))
    assert window.viewport.measure.distance == pytest.approx(50.0)
    assert "50.00 mm" in window.viewport.info_label.text()
    window.action_set["view.measure"].trigger()
    assert window.viewport.info_label.text() == ""


def test_section_view_cuts_the_model_and_restores_it(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    view, tool = window.viewport, window.section
    full = view._poly.n_cells
    window.action_set["view.section"].trigger()
    assert tool.bar.isVisible()
    qtbot.waitUntil(lambda: 0 < view._poly.n_cells < full, timeout=10_000)
    assert extents(window)[1] == pytest.approx(120, abs=1), "the dimensions must stay those of the whole model"
    # the cut is closed by a cap on the plane: the wall and the floor read as solid material
    cap = view._cap_poly
    centre_y = view._full.center[1]
    assert view._cap.visibility and cap.n_cells > 0
    assert cap.bounds[2] == pytest.approx(centre_y, abs=1e-6) and cap.bounds[3] == pytest.approx(centre_y, abs=1e-6)
    wall, floor = window.doc.values()["wall"], window.doc.values()["floor"]
    height = extents(window)[2]
    assert cap.area == pytest.approx(2 * wall * height + 100 * floor, rel=0.15), "two walls and the floor in section"
    window.action_set["view.section"].trigger()
    assert view._poly.n_cells == full and not view._cap.visibility and not tool.bar.isVisible()


def test_section_plane_moves_across_any_axis_flips_and_follows_the_model(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Like a slicer's section view: the plane slides through the model along X, Y or Z with its position in
    mm, shows either side, and stays where it was (as a share of the model) when the model changes."""
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    view, tool = window.viewport, window.section
    window.action_set["view.section"].trigger()
    qtbot.waitUntil(lambda: tool.cuts >= 1, timeout=10_000)
    zmin, zmax = view._full.bounds[4], view._full.bounds[5]
    tool.bar.axis_buttons[2].click()  # across Z, a quarter of the way up: a ring of wall over the floor
    tool.bar.slider.setValue(250)
    level = zmin + 0.25 * (zmax - zmin)
    qtbot.waitUntil(lambda: view._cap_poly.n_cells > 0 and abs(view._cap_poly.bounds[5] - level) < 1e-6,
                    timeout=10_000)
    assert view._cap_poly.bounds[4] == pytest.approx(level, abs=1e-6), "the cap is flat at the plane"
    assert view._poly.bounds[5] == pytest.approx(level, abs=1e-3), "the half below the plane is kept"
    assert tool.bar.position.text() == f"z = {level:.1f} mm"
    wall = window.doc.values()["wall"]
    outer = view._cap_poly.bounds[1] - view._cap_poly.bounds[0]
    ring = math.pi / 4 * (outer**2 - (outer - 2 * wall) ** 2)
    assert view._cap_poly.area == pytest.approx(ring, rel=0.1), "a cut through the wall only: a ring"
    tool.bar.flip.click()  # the other side: the part above the plane
    qtbot.waitUntil(lambda: view._poly.n_cells > 0 and view._poly.bounds[4] == pytest.approx(level, abs=1e-3),
                    timeout=10_000)
    assert view._poly.bounds[5] == pytest.approx(zmax, abs=1e-3)
    before = tool.cuts
    ask(window, "make it 20% taller", qtbot)  # the plane keeps its share of the new height
    qtbot.waitUntil(lambda: tool.cuts > before and view._full.bounds[5] > zmax + 1, timeout=10_000)
    new_level = view._full.bounds[4] + 0.25 * (view._full.bounds[5] - view._full.bounds[4])
    qtbot.waitUntil(lambda: view._cap_poly.n_cells > 0 and abs(view._cap_poly.bounds[4] - new_level) < 1e-6,
                    timeout=10_000)
    assert tool.bar.position.text() == f"z = {new_level:.1f} mm"


def test_a_drag_through_a_huge_import_pays_for_one_cut_where_it_rests(make_window, qtbot,  # type: ignore[no-untyped-def]
                                                                       tmp_path) -> None:
    """The cut is VTK on the GUI thread: a designed model is cut at every step of a drag, but a mesh of
    hundreds of thousands of triangles only where the plane comes to rest, so the drag stays smooth."""
    import trimesh

    from core.geometry.meshio import save_mesh
    from desktop.viewport.section_tool import LIVE_CUT_FACES

    window = make_window()
    view, tool = window.viewport, window.section
    sphere = trimesh.creation.icosphere(subdivisions=7, radius=40.0)
    assert len(sphere.faces) > LIVE_CUT_FACES
    save_mesh(sphere, tmp_path / "sphere.stl")
    window.project.open(tmp_path / "sphere.stl")
    wait_idle(qtbot, window)
    window.action_set["view.section"].trigger()
    qtbot.waitUntil(lambda: tool.cuts == 1, timeout=20_000)
    for value in (300, 350, 400, 450, 500, 550):  # a drag: one step per event-loop turn
        tool.bar.slider.setValue(value)
        qtbot.wait(10)
    qtbot.waitUntil(lambda: tool.cuts >= 2, timeout=20_000)
    qtbot.wait(300)
    assert tool.cuts == 2, "one cut for the whole drag"
    assert view._cap_poly.n_cells > 0
    assert view._cap_poly.bounds[3] == pytest.approx(view._full.bounds[2] + 0.55 * 80, abs=0.5)


def test_tree_selection_highlights_the_part_and_transform_edits_move_it(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    transform = next(n for n in window.doc.root.walk() if n.type == "transform")
    window.tree.select(transform.id)
    wait_idle(qtbot, window)
    assert window.viewport.highlighted
    assert window.tree.transform.isVisible()
    window.tree.select(window.doc.root.id)
    wait_idle(qtbot, window)
    assert not window.viewport.highlighted


def test_status_bar_shows_running_task_with_cancel(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    gate = __import__("threading").Event()

    def slow(task):  # type: ignore[no-untyped-def]
        while not gate.wait(0.01):
            task.check()

    job = window.workers.submit("Slow thing", slow, lambda _r: None)
    qtbot.waitUntil(lambda: window.task_status.isVisible())
    assert "Slow thing" in window.task_status.label.text()
    qtbot.mouseClick(window.task_status.cancel, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert job.task.cancelled
    assert not window.task_status.isVisible()
    gate.set()


def test_overhang_overlay_paints_the_underside_of_a_sphere(make_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import trimesh

    window = make_window()
    path = tmp_path / "ball.stl"
    trimesh.creation.icosphere(subdivisions=3, radius=20).export(path)
    window.project.import_mesh(path)
    wait_idle(qtbot, window)
    window.action_set["view.overhang"].trigger()
    wait_idle(qtbot, window)
    report = window.overhang.report
    assert report is not None and report.overhang_area_mm2 > 100
    assert window.viewport._overlay is not None
    painted = window.viewport._overlay.mapper.dataset
    assert painted.bounds[5] < 0.5 * 40, "only the lower part of the ball overhangs"
    assert "mm²" in window.viewport.info_label.text()
    window.action_set["view.overhang"].trigger()
    assert window.viewport._overlay is None


def test_clicking_the_model_in_the_view_selects_its_part_in_the_tree(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    ask(window, "a plant pot 12 cm wide", qtbot)
    window.tree.select(None)
    canvas = window.viewport.plotter
    centre = canvas.rect().center()
    centre.setY(int(canvas.height() * 0.55))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
    wait_idle(qtbot, window)
    top_level = {n.id for n in window.doc.root.children}
    assert window.tree.current_id in top_level
    wait_idle(qtbot, window)
    assert window.viewport.highlighted


def test_every_visible_string_has_a_portuguese_translation() -> None:
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    i18n = Path(__file__).resolve().parents[2] / "resources" / "i18n"
    sys.path.insert(0, str(i18n))
    try:
        import update_ts
    finally:
        sys.path.remove(str(i18n))
    ours = i18n / "potstudio_pt_BR.ts"
    translated = {}
    for ctx in ET.parse(ours).getroot().iter("context"):
        for msg in ctx.iter("message"):
            t = msg.find("translation")
            if t is not None and t.text and t.get("type") != "unfinished":
                translated[(ctx.findtext("name"), msg.findtext("source"))] = t.text
    # Docks with their own catalogue (printers_pt_BR.ts, market_pt_BR.ts) are checked by their tests.
    theirs = {c.findtext("name") for ts in i18n.glob("*_pt_BR.ts") if ts != ours
              for c in ET.parse(ts).getroot().iter("context")}
    missing = [(ctx, src) for ctx, strings in update_ts.collect().items() if ctx not in theirs for src in strings
               if (ctx, src) not in translated]
    assert not missing, f"untranslated strings (run resources/i18n/update_ts.py): {missing[:10]}"
    qm = i18n / "potstudio_pt_BR.qm"
    assert qm.stat().st_mtime >= (i18n / "potstudio_pt_BR.ts").stat().st_mtime - 1, "the .qm is older than the .ts"


def test_numeric_transform_snaps_moves_the_part_and_is_one_undo_step(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from core.commands import ReplaceDocument
    from core.document import Document, Node

    window = make_window()
    box = Node("box", {"size": [20, 20, 10]}, name="Block", id="block")
    doc = Document(name="Test", root=Node("union", id="root", children=[
        Node("transform", {"translate": [0, 0, 0]}, [box], name="Placement", id="place")]))
    window.stack.push(ReplaceDocument(doc))
    wait_idle(qtbot, window)
    window.tree.select("place")
    editor = window.tree.transform
    assert editor.isVisible()
    depth = window.stack.depth
    editor.spins["translate"][0].setValue(13.4)  # snaps to 13 mm
    editor.spins["translate"][0].setValue(25.2)  # snaps to 25 mm, same field: same undo step
    wait_idle(qtbot, window)
    assert window.doc.node("place").props["translate"] == [25.0, 0.0, 0.0]
    b = window.viewport.model_bounds
    assert b is not None and b[0] == pytest.approx(15.0) and b[1] == pytest.approx(35.0)
    assert window.stack.depth == depth + 1
    window.action_set["edit.undo"].trigger()
    wait_idle(qtbot, window)
    assert window.doc.node("place").props["translate"] == [0, 0, 0]
    assert editor.spins["translate"][0].value() == 0


def test_progress_messages_from_the_core_speak_the_ui_language(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from core.tasks import Phrase, Task
    from desktop.i18n import say

    window = make_window()
    seeding = Phrase("Seeding the marketplace ({0}/{1})", 71, 240)
    assert say(seeding) == str(seeding) == "Seeding the marketplace (71/240)"  # logs and the CLI read English
    store = window.services.settings
    store.update(store.settings.model_copy(update={"language": "pt_BR"}))
    assert say(seeding) == "Preparando o marketplace (71/240)"
    seen: list[str] = []
    listening = threading.Event()

    def read(task: Task) -> None:  # a worker reporting like core.geometry.meshio.load_mesh does
        listening.wait(10)
        task.progress(0.5, Phrase("Reading {0}", "pot.stl"))

    job = window.workers.submit("", read, lambda _r: None, show=False)
    job.progressed.connect(lambda _f, message: seen.append(message))
    listening.set()
    qtbot.waitUntil(lambda: seen == ["Lendo pot.stl"])
    assert say("a prompt the user typed") == "a prompt the user typed"
    nested = Phrase("{0}: {1}", "Saucer", Phrase("'{0}' is empty.", "x.stl"))  # a build error names its part
    assert say(nested) == "Saucer: 'x.stl' está vazio."
    bore = Phrase("A {0:g} mm bore leaves no material under the teeth (root diameter {1:.1f} mm).", 12.5, 10.25)
    assert say(bore) == "Um furo de 12,5 mm não deixa material sob os dentes (diâmetro de raiz 10,2 mm).", say(bore)
    assert say(Phrase("Reading {0}", "v1.5.stl")) == "Lendo v1.5.stl", "a file name keeps its points"
    from core.document.nodes import Node

    failed = Phrase("{0}: cannot build this part ({1}).", Node("cylinder", name="Saucer").part, "radius 0")
    assert say(failed) == "Pratinho: não é possível construir esta peça (radius 0).", say(failed)


def test_every_translated_core_message_uses_exactly_the_fields_of_its_english_template() -> None:
    """A Portuguese template naming a field its English one lacks would fail at the moment it is shown."""
    import string
    import xml.etree.ElementTree as ET
    from pathlib import Path

    def fields(template: str) -> set[str]:
        return {f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(template) if name is not None}

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "potstudio_pt_BR.ts"
    core = next(c for c in ET.parse(ts).getroot().iter("context") if c.findtext("name") == "Core")
    pairs = [(m.findtext("source") or "", m.findtext("translation") or "") for m in core.iter("message")]
    assert len(pairs) > 150
    wrong = [(en, pt) for en, pt in pairs if fields(en) != fields(pt) or not all(n.split(":")[0].isdigit()
                                                                                 for n in fields(en))]
    assert not wrong, wrong[:5]
