"""A solid meshed directly, standing in for its manifold3d Manifold until one is needed.

core/geometry/loftmesh.py writes closed meshes itself (each edge with exactly one twin running the other way,
checked as they are made). Ingesting those triangles into manifold3d costs about 1 µs each, more than making them
(11 ms for a 6 × 3 Gridfinity baseplate with magnets), and the viewport needs only the triangles: the evaluator
(core/geometry/build.py) meshes a MeshSolid as it is and makes its Manifold when a boolean, a pattern or a caller
of Evaluator.solid() asks for one.
"""

from __future__ import annotations

from typing import TypeAlias

import manifold3d as m3d
import numpy as np


class MeshSolid:
    """A closed, oriented triangle mesh (vertices, faces) and, once asked for, its Manifold."""

    __slots__ = ("_solid", "faces", "vertices")

    def __init__(self, vertices: np.ndarray, faces: np.ndarray) -> None:
        self.vertices = np.asarray(vertices, dtype=np.float64)
        self.faces = np.asarray(faces, dtype=np.int64)
        self._solid: m3d.Manifold | None = None

    def manifold(self) -> m3d.Manifold:
        if self._solid is None:
            self._solid = m3d.Manifold(m3d.Mesh(vert_properties=self.vertices.astype(np.float32),
                                                tri_verts=self.faces.astype(np.uint32)))
        return self._solid

    def is_empty(self) -> bool:
        return len(self.faces) == 0

    def status(self) -> m3d.Error:
        return self.manifold().status()

    def to_mesh(self) -> m3d.Mesh:
        return self.manifold().to_mesh()

    def bounding_box(self) -> tuple[float, ...]:
        return (*self.vertices.min(axis=0).tolist(), *self.vertices.max(axis=0).tolist())


Solid: TypeAlias = m3d.Manifold | MeshSolid


def manifold_of(solid: Solid) -> m3d.Manifold:
    return solid.manifold() if isinstance(solid, MeshSolid) else solid
