"""First hits of rays on a mesh (core.geometry.rays), checked against embree through trimesh, a ray engine we
did not write: the wall thickness of `check` stands on these distances."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from core.geometry.rays import first_hits


def _embree(mesh: trimesh.Trimesh, origins: np.ndarray, directions: np.ndarray) -> np.ndarray:
    hits, ray, _ = mesh.ray.intersects_location(origins, directions, multiple_hits=False)
    distance = np.full(len(origins), np.inf)
    distance[ray] = np.linalg.norm(hits - origins[ray], axis=1)
    return distance


def _random_rays(mesh: trimesh.Trimesh, count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Rays from anywhere around the mesh (inside, outside, beyond its box) in every direction, plus rays along
    the axes, which are parallel to the grid's cell walls."""
    rng = np.random.default_rng(seed)
    low, high = mesh.bounds
    margin = (high - low) * 0.25
    origins = rng.uniform(low - margin, high + margin, (count, 3))
    directions = rng.normal(size=(count, 3))
    directions[: count // 4] = np.eye(3)[rng.integers(0, 3, count // 4)] * rng.choice([-1, 1], (count // 4, 1))
    return origins, directions / np.linalg.norm(directions, axis=1)[:, None]


@pytest.mark.parametrize("mesh", [
    trimesh.creation.icosphere(subdivisions=4, radius=20),
    trimesh.creation.torus(50, 10, major_sections=200, minor_sections=60),
    trimesh.creation.box((40, 30, 0.5)),  # nearly flat: cells only in its plane
], ids=["sphere", "torus", "sheet"])
def test_first_hits_are_embree_s(mesh: trimesh.Trimesh) -> None:
    origins, directions = _random_rays(mesh, 3000, seed=7)
    mine = first_hits(mesh.vertices, mesh.faces, origins, directions)
    theirs = _embree(mesh, origins, directions)
    assert len(mine) == len(origins)
    assert np.array_equal(np.isfinite(mine), np.isfinite(theirs)), "the same rays hit"
    hit = np.isfinite(theirs)
    assert hit.sum() > 300
    assert mine[hit] == pytest.approx(theirs[hit], abs=1e-6 * float(mesh.scale))


def test_big_triangles_among_small_ones_are_still_hit() -> None:
    """A 1 m floor fanned out of 64 triangles under 900 tiny boxes: each floor triangle spans thousands of cells
    of a grid sized for the boxes, so the grid coarsens rather than bin them that often; rays straight down
    between the boxes must still reach the floor."""
    angle = np.linspace(0, 2 * np.pi, 65)[:-1]
    rim = np.c_[500 * np.cos(angle), 500 * np.sin(angle), np.zeros(64)]
    floor_vertices = np.vstack([[0, 0, 0], rim])
    floor_faces = np.c_[np.zeros(64, int), 1 + np.arange(64), 1 + (np.arange(64) + 1) % 64]
    piece = trimesh.creation.box((0.2, 0.2, 0.2))
    at = np.stack(np.meshgrid(np.arange(-15, 15), np.arange(-15, 15)), -1).reshape(-1, 2) * 20.0
    offsets = np.c_[at, np.full(len(at), 5.0)]
    vertices = np.vstack([floor_vertices, (piece.vertices[None] + offsets[:, None]).reshape(-1, 3)])
    faces = np.vstack([floor_faces, (piece.faces[None] + 65 + 8 * np.arange(len(at))[:, None, None]).reshape(-1, 3)])
    mesh = trimesh.Trimesh(vertices, faces, process=False)
    origins, directions = _random_rays(mesh, 2000, seed=3)
    origins[:500] = np.c_[np.random.default_rng(5).uniform(-300, 300, (500, 2)), np.full(500, 50.0)]
    directions[:500] = [0, 0, -1]
    mine = first_hits(mesh.vertices, mesh.faces, origins, directions)
    theirs = _embree(mesh, origins, directions)
    assert np.array_equal(np.isfinite(mine), np.isfinite(theirs))
    hit = np.isfinite(theirs)
    assert mine[hit] == pytest.approx(theirs[hit], abs=1e-6 * float(mesh.scale))
    assert np.isfinite(mine[:500]).all(), "every ray straight down reaches the floor or a piece on it"


def test_a_budget_casts_the_first_rays_only() -> None:
    """Rays are samples: past the budget of triangle tests the rest are not cast, and the caller is told by the
    length of the answer, which holds the same distances as an unbounded run for the rays it covers."""
    mesh = trimesh.creation.icosphere(subdivisions=5, radius=20)
    origins, directions = _random_rays(mesh, 1000, seed=11)
    full = first_hits(mesh.vertices, mesh.faces, origins, directions)
    part = first_hits(mesh.vertices, mesh.faces, origins, directions, budget=2_000)
    assert 1 <= len(part) < len(full)
    assert np.array_equal(part, full[: len(part)])
    none = first_hits(mesh.vertices, mesh.faces, origins, directions, budget=0)  # only rays that test nothing fit
    assert 1 <= len(none) < len(part), "at least one ray is cast"


def test_rays_that_miss_or_start_past_the_only_triangle_escape() -> None:
    triangle = (np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0.0]]), np.array([[0, 1, 2]]))
    origins = np.array([[0.2, 0.2, 1], [0.2, 0.2, -1], [5, 5, 1], [0.2, 0.2, 1]])
    directions = np.array([[0, 0, -1], [0, 0, -1], [0, 0, -1], [1, 0, 0.0]])
    assert first_hits(*triangle, origins, directions).tolist() == [1.0, np.inf, np.inf, np.inf]


def test_a_triangle_at_the_float32_limit_does_not_hide_the_model() -> None:
    """Mesh files may hold coordinates up to 3.4e38 (core.geometry.meshio.MAX_COORDINATE): the grid spans
    twice that, which overflowed float32 and put the far triangles into cells no ray visits."""
    vertices = np.array([[-0.5, -0.5, 0], [1, 0, 0], [0, 1, 0], [3e38, 3e38, 3e38], [3.2e38, 3e38, 3e38],
                         [3e38, 3.2e38, 3e38], [-3e38, -3e38, -3e38], [-3.2e38, -3e38, -3e38], [-3e38, -3.2e38, -3e38]])
    faces = np.array([[0, 1, 2], [3, 4, 5], [6, 8, 7]])
    origins = np.array([[0.1, 0.1, 1.0], [0.1, 0.1, -2.0], [3.05e38, 3.05e38, 3.1e38], [-3.05e38, -3.05e38, 0]])
    directions = np.array([[0, 0, -1.0], [0, 0, 1.0], [0, 0, -1.0], [0, 0, -1.0]])
    assert first_hits(vertices, faces, origins, directions) == pytest.approx([1.0, 2.0, 1e37, 3e38], rel=1e-9)
