"""Small real inputs: a parametric planter document and real STL/PNG files made from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import trimesh

from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter


def planter() -> Document:
    params = [Parameter("width", 100.0, min=20, max=300), Parameter("height", 90.0, min=20, max=300),
              Parameter("wall", 2.0, min=0.8, max=10)]
    body = Node("box", {"size": ["=width", "=width", "=height"]}, id="body", name="Body")
    cavity = Node("box", {"size": ["=width - 2 * wall", "=width - 2 * wall", "=height"],
                          "center": False}, id="cavity", name="Cavity")
    handle = Node("cylinder", {"h": 10, "r": 4}, id="handle", name="Handle")
    root = Node("union", id="root", children=[Node("difference", id="shell", children=[body, cavity]), handle])
    return Document("Planter", params=params, root=root)


def planter_json() -> dict[str, Any]:
    return planter().to_json()


def stl_file(folder: Path, name: str = "planter.stl", size: float = 20.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    trimesh.creation.box((size, size, size)).export(path)
    return path


def png_file(folder: Path, name: str = "thumb.png") -> Path:
    from core.geometry.thumbnail import render_png

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(render_png(trimesh.creation.box((10, 10, 10)), size=(64, 64)))
    return path


def big_file(folder: Path, size: int, name: str = "big.stl") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(bytes(range(256)) * (size // 256))
    return path
