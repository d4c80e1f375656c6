"""Opening and importing mesh files in the real window: read, weld and encode on a worker, then one
document change on the GUI thread (desktop/project.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import trimesh

from core.document import Document, Node, Parameter
from core.geometry.build import Evaluator
from core.geometry.meshio import save_mesh
from core.geometry.printability import body_count
from tests.desktop.conftest import wait_idle
from tests.desktop.test_chat_flow import extents


def two_blocks() -> trimesh.Trimesh:
    doc = Document("blocks", root=Node("group", id="root", children=[
        Node("box", {"size": [30, 20, 10]}),
        Node("transform", {"translate": [40, 0, 0]}, children=[Node("box", {"size": [10, 10, 25]})]),
    ]))
    return Evaluator().mesh(doc)


@pytest.mark.parametrize("ascii_stl", [False, True], ids=["binary", "ascii"])
def test_opening_an_stl_puts_its_closed_solid_on_the_plate(make_window, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           ascii_stl: bool) -> None:
    window = make_window()
    path = tmp_path / "blocks.stl"
    source = two_blocks()
    save_mesh(source, path, stl_ascii=ascii_stl)
    window.project.open(path)
    wait_idle(qtbot, window)
    assert [node.type for node in window.doc.root.children] == ["mesh"]
    assert window.stack.depth == 0  # opening a file is not an edit
    assert extents(window) == pytest.approx(tuple(source.extents), abs=0.01)
    built = window.project.evaluator.mesh(window.doc)
    assert built.is_watertight and body_count(built) == 2
    assert built.volume == pytest.approx(source.volume, rel=1e-5)


def test_opening_our_3mf_restores_the_design_not_a_mesh(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    doc = Document("tile", params=[Parameter("side", 42, min=10, max=100)],
                   root=Node("group", id="root", children=[Node("box", {"size": ["=side", "=side", 4]})]))
    path = tmp_path / "tile.3mf"
    save_mesh(Evaluator().mesh(doc), path, document_json=doc.dumps(), name="tile")
    window.project.open(path)
    wait_idle(qtbot, window)
    assert window.doc.values()["side"] == 42
    assert [node.type for node in window.doc.root.children] == ["box"]
    assert extents(window) == pytest.approx((42, 42, 4), abs=0.01)


def test_an_imported_two_body_stl_stays_two_closed_bodies(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    path = tmp_path / "blocks.stl"
    source = two_blocks()
    save_mesh(source, path)
    window.project.import_mesh(path)
    wait_idle(qtbot, window)
    assert window.doc.root.children[-1].type == "mesh" and window.doc.root.children[-1].name == "blocks"
    assert window.stack.undo_label.endswith("blocks")
    built = window.project.evaluator.mesh(window.doc)
    assert built.is_watertight and body_count(built) == 2
    assert built.volume == pytest.approx(source.volume, rel=1e-5)
