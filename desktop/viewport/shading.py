"""A model's display form computed with numpy alone, so workers can make it.

VTK objects must not be created or freed on a worker: VTK's garbage collector holds its own lock while a
dying mapper asks the GUI thread's Python observer (pyvistaqt's make-current) for the GIL, and a worker
that holds the GIL while building a vtkPolyData waits for that lock — both threads stop for good (seen
under load: the window froze mid-render). Workers therefore hand the GUI thread plain arrays
(`Shaded`), and `desktop.viewport.scene.to_poly` wraps them into VTK there, which costs a copy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FEATURE_ANGLE = 35.0  # degrees between neighbouring faces above which the edge is drawn sharp


@dataclass(frozen=True)
class Shaded:
    """Triangles with one normal per corner vertex: vertices are split along sharp edges, so a box keeps
    crisp corners and a pot's side stays smooth."""

    points: np.ndarray  # (n, 3) float64
    faces: np.ndarray  # (m, 3) int64
    normals: np.ndarray  # (n, 3) float32, unit length

    @property
    def n_faces(self) -> int:
        return len(self.faces)


EMPTY = Shaded(np.zeros((0, 3)), np.zeros((0, 3), dtype=np.int64), np.zeros((0, 3), dtype=np.float32))


def shade(vertices: np.ndarray, faces: np.ndarray, feature_angle: float = FEATURE_ANGLE) -> Shaded:
    """Faces meeting at less than `feature_angle` form smooth patches; each vertex is copied once per
    patch it touches and gets the area-weighted normal of that patch's faces around it."""
    points = np.asarray(vertices, dtype=np.float64)
    tris = np.asarray(faces, dtype=np.int64).reshape(-1, 3)
    if len(tris) == 0:
        return EMPTY
    corners = points[tris]
    weighted = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])  # length: twice the area
    length = np.linalg.norm(weighted, axis=1)
    unit = weighted / np.where(length > 0, length, 1.0)[:, None]
    labels = _smooth_patches(tris, unit, len(points), math.cos(math.radians(feature_angle)))
    patches = int(labels.max()) + 1
    keys = tris.ravel() * patches + np.repeat(labels, 3)
    unique, inverse = np.unique(keys, return_inverse=True)
    normals = np.empty((len(unique), 3), dtype=np.float64)
    for axis in range(3):
        normals[:, axis] = np.bincount(inverse, weights=np.repeat(weighted[:, axis], 3), minlength=len(unique))
    size = np.linalg.norm(normals, axis=1)
    normals /= np.where(size > 0, size, 1.0)[:, None]
    return Shaded(points[unique // patches], inverse.reshape(-1, 3).astype(np.int64), normals.astype(np.float32))


def _smooth_patches(tris: np.ndarray, unit: np.ndarray, n_points: int, min_cos: float) -> np.ndarray:
    """A patch number per face: faces sharing an edge at a shallow angle are in the same patch."""
    edges = np.sort(tris[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    keys = edges[:, 0] * n_points + edges[:, 1]
    order = np.argsort(keys, kind="stable")
    shared = keys[order][1:] == keys[order][:-1]
    a, b = order[:-1][shared] // 3, order[1:][shared] // 3  # the two faces on each shared edge
    smooth = np.einsum("ij,ij->i", unit[a], unit[b]) >= min_cos
    return _components(len(tris), a[smooth], b[smooth])


def _components(count: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of a graph given by its edges (a[i], b[i]), numbered 0..k-1: hook each root
    to the smallest label it touches, then jump pointers to the roots, until nothing changes (a few
    rounds; numpy alone, since scipy's import would cost the first frame of `potstudio FILE` 0.2 s)."""
    labels = np.arange(count)
    while True:
        la, lb = labels[a], labels[b]
        low = np.minimum(la, lb)
        hooked = labels.copy()
        np.minimum.at(hooked, la, low)
        np.minimum.at(hooked, lb, low)
        while not np.array_equal(jumped := hooked[hooked], hooked):
            hooked = jumped
        if np.array_equal(hooked, labels):
            return np.unique(labels, return_inverse=True)[1].astype(np.int64)
        labels = hooked
