"""The numpy thumbnail renderer: real PNGs that a standard decoder reads, showing the model."""

from __future__ import annotations

import io

import numpy as np
import pytest
import trimesh
from PIL import Image

from core.errors import GeometryError
from core.geometry.thumbnail import DEFAULT_BACKGROUND, render_png

BACKGROUND = np.array(DEFAULT_BACKGROUND)


def decode(png: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(png))
    image.load()  # verifies every chunk's CRC and the zlib stream
    return np.asarray(image)


def model_mask(pixels: np.ndarray) -> np.ndarray:
    return np.abs(pixels[..., :3].astype(int) - BACKGROUND).sum(axis=-1) > 0


def silhouette_size(mask: np.ndarray) -> tuple[int, int]:
    rows, cols = np.nonzero(mask)
    return int(cols.max() - cols.min() + 1), int(rows.max() - rows.min() + 1)


def iso_extent(mesh: trimesh.Trimesh) -> tuple[float, float]:
    """Width and height of the mesh seen from the (+x, -y, +z) diagonal, computed independently."""
    right = np.array([1.0, 1.0, 0.0]) / np.sqrt(2)
    up = np.array([-1.0, 1.0, 2.0]) / np.sqrt(6)
    sx, sy = mesh.vertices @ right, mesh.vertices @ up
    return float(np.ptp(sx)), float(np.ptp(sy))


def test_png_decodes_with_the_requested_size_and_shows_the_model() -> None:
    pixels = decode(render_png(trimesh.creation.box((20, 20, 20)), size=(200, 120)))
    assert pixels.shape == (120, 200, 3)
    mask = model_mask(pixels)
    assert 0.1 < mask.mean() < 0.9
    assert tuple(pixels[0, 0]) == DEFAULT_BACKGROUND  # corners stay background
    centre = pixels[60, 100].astype(int)
    assert centre[2] > centre[0] + 40  # the default colour is blue


@pytest.mark.parametrize("extents", [(10, 10, 60), (60, 60, 5), (80, 8, 8), (8, 80, 8)])
def test_silhouette_aspect_ratio_follows_the_mesh(extents: tuple[float, float, float]) -> None:
    mesh = trimesh.creation.box(extents)
    width, height = silhouette_size(model_mask(decode(render_png(mesh, size=(256, 256)))))
    expected_w, expected_h = iso_extent(mesh)
    assert width / height == pytest.approx(expected_w / expected_h, rel=0.05)
    # the model fills the image along its longer side, with a small margin
    assert 200 <= max(width, height) <= 256


def test_faces_are_shaded_by_their_orientation() -> None:
    pixels = decode(render_png(trimesh.creation.box((30, 30, 30)), size=(256, 256))).astype(int)
    # The iso view of a cube shows the top, the front (-y) and the right (+x) faces.
    top, front, right = pixels[60, 128], pixels[170, 80], pixels[170, 176]
    brightness = [int(p.sum()) for p in (top, front, right)]
    assert len(set(brightness)) == 3, brightness
    assert brightness[0] == max(brightness)  # lit from above


def test_hidden_geometry_does_not_show_through() -> None:
    front = trimesh.creation.box((40, 40, 40))
    behind = trimesh.creation.box((10, 10, 10))
    behind.apply_translation((-12, 12, -12))  # inside the big box, seen from any side it is hidden
    back = trimesh.creation.icosphere(subdivisions=3, radius=12)
    back.apply_translation((-70, 70, -70))  # far behind on the view axis: fully covered by the box
    scene = trimesh.util.concatenate([front, behind])
    assert decode(render_png(scene)).tolist() == decode(render_png(front)).tolist()
    alone = decode(render_png(front)).tolist()
    assert decode(render_png(trimesh.util.concatenate([back, front]))).tolist() == alone
    assert decode(render_png(trimesh.util.concatenate([front, back]))).tolist() == alone  # order is irrelevant


def test_edges_are_anti_aliased() -> None:
    pixels = decode(render_png(trimesh.creation.cylinder(radius=10, height=30, sections=64), size=(128, 128)))
    blue = pixels[..., 2].astype(int) - pixels[..., 0].astype(int)
    model_blue = int(np.median(blue[model_mask(pixels)]))
    partial = (blue > 10) & (blue < model_blue - 10) & (pixels[..., 0] > 120)
    assert partial.sum() > 20  # blended edge pixels between model and background


def test_transparent_background_gives_rgba_with_alpha() -> None:
    pixels = decode(render_png(trimesh.creation.icosphere(subdivisions=3), size=(64, 64), background=None))
    assert pixels.shape == (64, 64, 4)
    assert pixels[0, 0, 3] == 0 and pixels[32, 32, 3] == 255
    assert ((pixels[..., 3] > 0) & (pixels[..., 3] < 255)).any()


def test_empty_mesh_gives_a_background_image() -> None:
    pixels = decode(render_png(trimesh.Trimesh(), size=(32, 16)))
    assert pixels.shape == (16, 32, 3)
    assert (pixels == BACKGROUND).all()


def test_custom_colours_are_used() -> None:
    pixels = decode(render_png(trimesh.creation.box((10, 10, 10)), size=(64, 64), colour=(200, 30, 30),
                               background=(0, 0, 0)))
    assert tuple(pixels[0, 0]) == (0, 0, 0)
    r, g, b = pixels[32, 32].astype(int)
    assert r > 3 * g and r > 3 * b


def test_bad_input_gives_clear_errors() -> None:
    box = trimesh.creation.box((10, 10, 10))
    with pytest.raises(GeometryError, match="between 1 and"):
        render_png(box, size=(0, 64))
    broken = trimesh.Trimesh(vertices=[[0, 0, 0], [1, 0, 0], [np.nan, 1, 0]], faces=[[0, 1, 2]], process=False)
    with pytest.raises(GeometryError, match="NaN"):
        render_png(broken)
