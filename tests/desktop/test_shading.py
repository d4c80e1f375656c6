"""The model's display normals are made with numpy on a worker: sharp where faces meet at a steep angle
(box corners, a pot's rim), smooth across a curved wall, and the same light as VTK's own normals filter."""

from __future__ import annotations

import numpy as np
import pyvista as pv
import trimesh

from core.geometry.build import Evaluator
from desktop.viewport.scene import prepare, to_poly
from desktop.viewport.shading import shade
from tests.sync_client.samples import planter


def test_a_box_keeps_crisp_corners_each_face_lit_flat() -> None:
    box = trimesh.creation.box((10, 20, 30))
    shaded = shade(box.vertices, box.faces)
    assert len(shaded.points) == 24  # every corner once per face meeting there
    face_normals = np.repeat(box.face_normals, 3, axis=0)
    assert np.allclose(shaded.normals[shaded.faces.ravel()], face_normals, atol=1e-6)


def test_a_cylinder_is_smooth_around_and_flat_on_its_caps() -> None:
    cylinder = trimesh.creation.cylinder(radius=10, height=20, sections=64)
    shaded = shade(cylinder.vertices, cylinder.faces)
    normals, points = shaded.normals, shaded.points
    side = np.abs(normals[:, 2]) < 1e-6
    assert np.allclose(normals[side][:, :2], points[side][:, :2] / 10, atol=0.03)  # radial: smooth all round
    assert np.allclose(np.abs(normals[~side][:, 2]), 1.0)  # the caps face straight up and down
    assert side.sum() == 128  # the rim's corners exist once for the wall and once for each cap


def test_the_shading_matches_vtks_normals_on_a_built_model() -> None:
    mesh = Evaluator().mesh(planter())
    ours = to_poly(prepare(mesh))
    theirs = pv.PolyData(np.asarray(mesh.vertices), np.hstack(
        [np.full((len(mesh.faces), 1), 3), mesh.faces]).ravel()).compute_normals(
        split_vertices=True, feature_angle=35.0, auto_orient_normals=False)
    assert ours.n_cells == len(mesh.faces)
    # the light on each face's corners, ours against VTK's: the same nearly everywhere
    ours_corner = np.asarray(ours.point_data["Normals"])[np.asarray(ours.faces).reshape(-1, 4)[:, 1:]]
    theirs_corner = np.asarray(theirs.point_data["Normals"])[np.asarray(theirs.faces).reshape(-1, 4)[:, 1:]]
    agreement = np.einsum("ijk,ijk->ij", ours_corner, theirs_corner)
    assert np.mean(agreement > 0.98) > 0.97


def test_an_empty_model_shows_nothing() -> None:
    assert to_poly(prepare(None)).n_cells == 0
