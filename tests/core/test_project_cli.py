"""`potstudio export` and `potstudio projects` on a real store and real files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import trimesh

from core.cli.main import main
from core.document import Document, Node, Parameter
from core.errors import MeshFileError
from core.geometry.build import Evaluator
from core.geometry.meshio import load_mesh, save_mesh
from core.geometry.thumbnail import render_png
from core.store import Store
from core.store.projectfile import ProjectFile, save_project_file


def block(width: float) -> Document:
    return Document(
        "block",
        params=[Parameter("width", width, min=5, max=200)],
        root=Node("union", id="root", children=[Node("box", {"size": ["=width", 20, 10]}, id="body")]),
    )


def save(store: Store, name: str, *widths: float) -> None:
    store.projects.create(name)
    for width in widths:
        doc = block(width)
        store.projects.save_version(name, doc.to_json(), render_png(Evaluator().mesh(doc), size=(32, 32)))


def extents(path: Path) -> list[float]:
    return [round(float(v), 3) for v in trimesh.load_mesh(path).extents]


def test_export_writes_the_latest_version_of_a_stored_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open() as store:
        save(store, "Desk block", 40, 70)
        project_id = store.projects.get("Desk block").id
    out = tmp_path / "block.stl"
    assert main(["export", "desk block", "-o", str(out)]) == 0
    assert extents(out) == [70, 20, 10]
    assert "wrote" in capsys.readouterr().out
    assert main(["export", project_id, "-o", str(tmp_path / "by_id.obj")]) == 0
    assert extents(tmp_path / "by_id.obj") == [70, 20, 10]


def test_export_from_files_keeps_the_parametric_document_in_3mf(tmp_path: Path) -> None:
    potproj = save_project_file(tmp_path / "mine", ProjectFile(block(55)))
    as_3mf = tmp_path / "mine.3mf"
    assert main(["export", str(potproj), "-o", str(as_3mf)]) == 0
    reopened = load_mesh(as_3mf)
    assert reopened.document_json is not None
    assert Document.loads(reopened.document_json).values()["width"] == 55
    assert main(["export", str(as_3mf), "-o", str(tmp_path / "again.stl")]) == 0
    assert extents(tmp_path / "again.stl") == [55, 20, 10]
    doc_json = tmp_path / "doc.json"
    doc_json.write_text(block(33).dumps())
    assert main(["export", str(doc_json), "-o", str(tmp_path / "from_json.stl")]) == 0
    assert extents(tmp_path / "from_json.stl") == [33, 20, 10]


def test_export_errors_are_clear_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open() as store:
        store.projects.create("Empty")
    out = tmp_path / "out.stl"
    assert main(["export", "Nope", "-o", str(out)]) == 2
    assert "no project called 'Nope'" in capsys.readouterr().err
    assert main(["export", "Empty", "-o", str(out)]) == 2
    assert "no saved version yet" in capsys.readouterr().err
    plain = tmp_path / "plain.3mf"
    save_mesh(trimesh.creation.box((5, 5, 5)), plain)
    assert main(["export", str(plain), "-o", str(out)]) == 2
    assert "only a mesh" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.potproj"), "-o", str(out)]) == 2
    assert "no file" in capsys.readouterr().err
    assert not out.exists()


def test_projects_lists_the_store_as_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["projects"]) == 0
    assert "No projects yet" in capsys.readouterr().out
    with Store.open() as store:
        save(store, "Pen cup", 30)
        save(store, "Hook", 10, 12, 14)
    assert main(["projects"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("Hook") and "3 versions" in table[0] and table[1].startswith("Pen cup")
    assert main(["projects", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["versions"]) for p in listed] == [("Hook", 3), ("Pen cup", 1)]


def test_the_installed_entry_point_reaches_the_store() -> None:
    with Store.open() as store:
        save(store, "Coaster", 90)
    script = Path(sys.executable).with_name("potstudio")
    done = subprocess.run([str(script), "projects", "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [p["name"] for p in json.loads(done.stdout)] == ["Coaster"]


def test_export_of_a_3mf_with_a_damaged_design_says_the_design_is_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said the 3MF held 'only a mesh', dropping the warning that its design was there but damaged."""
    whole = tmp_path / "whole.3mf"
    save_mesh(trimesh.creation.box((5, 5, 5)), whole, document_json=block(20).dumps())
    damaged = tmp_path / "damaged.3mf"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            copy.writestr(info, data[: len(data) // 2] if info.filename.endswith(".json") else data)
    out = tmp_path / "out.stl"
    assert main(["export", str(damaged), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "embedded 3D Pot Studio document is damaged" in err and "only a mesh" not in err
    assert not out.exists()


def test_a_design_that_would_not_read_back_is_never_written(tmp_path: Path) -> None:
    with pytest.raises(MeshFileError, match="read back without its design"):
        save_mesh(trimesh.creation.box((5, 5, 5)), tmp_path / "x.3mf", document_json='{"format": "potstudio.doc')
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_would_not_read_back_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer bug (here: a binary STL that declares one triangle more than it holds) is caught by reading the
    file back before it replaces anything: the old export stays as it was."""
    from core.geometry import stl

    out = tmp_path / "part.stl"
    save_mesh(trimesh.creation.box((5, 5, 5)), out)
    before = out.read_bytes()
    honest = stl.binary_stl_bytes

    def miscounting(triangles: object, normals: object, name: str) -> bytes:
        data = bytearray(honest(triangles, normals, name))  # type: ignore[arg-type]
        data[80:84] = (int.from_bytes(data[80:84], "little") + 1).to_bytes(4, "little")
        return bytes(data)

    monkeypatch.setattr(stl, "binary_stl_bytes", miscounting)
    with pytest.raises(MeshFileError, match="did not read back as written"):
        save_mesh(trimesh.creation.box((9, 9, 9)), out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["part.stl"]
