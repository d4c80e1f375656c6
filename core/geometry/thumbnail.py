"""Project thumbnails without Qt or VTK: a small numpy rasteriser that writes a PNG.

Core, the CLI and the hub's seed catalogue all need a picture of a model, and none of them may pull
in a GL stack (no display on a server, no VTK in core). So this draws the mesh itself: an
orthographic isometric view, a z-buffer, Lambert shading per face, and 2× supersampling for smooth
edges. Rasterisation is vectorised over (triangle, covered pixel) pairs, processed in bounded
chunks so a huge or hostile mesh costs time but never unbounded memory.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from core.errors import GeometryError
from core.tasks import Phrase

if TYPE_CHECKING:
    import trimesh

RGB = tuple[int, int, int]

DEFAULT_COLOUR: RGB = (74, 144, 217)
DEFAULT_BACKGROUND: RGB = (245, 245, 245)
SUPERSAMPLE = 2
MAX_SIZE = 2048
_MARGIN = 0.06  # fraction of the image left empty on each side
_CHUNK_SAMPLES = 1 << 20  # candidate (triangle, pixel) pairs per batch: bounds memory to ~100 MB
_LARGE = 256  # bounding boxes above this many pixels are drawn one triangle at a time
_AMBIENT = 0.35
_DIFFUSE = 0.65

# Camera on the (+x, -y, +z) diagonal looking at the model: the usual CAD "front-right" iso view.
_TOWARDS_CAMERA = np.array([1.0, -1.0, 1.0]) / np.sqrt(3.0)
_RIGHT = np.array([1.0, 1.0, 0.0]) / np.sqrt(2.0)
_UP = np.cross(_RIGHT, -_TOWARDS_CAMERA)
# Light from over the viewer's left shoulder, so the three visible faces of a box differ in shade.
_LIGHT = _TOWARDS_CAMERA + 0.6 * _UP - 0.45 * _RIGHT
_LIGHT = _LIGHT / np.linalg.norm(_LIGHT)


def render_png(
    mesh: trimesh.Trimesh,
    size: tuple[int, int] = (256, 256),
    colour: RGB = DEFAULT_COLOUR,
    background: RGB | None = DEFAULT_BACKGROUND,
) -> bytes:
    """Render `mesh` in an isometric view and return PNG bytes.

    `background=None` gives a transparent RGBA image (for the marketplace cards); otherwise RGB.
    An empty mesh gives an image of just the background, so a brand-new project still gets one.
    """
    width, height = _check_size(size)
    ss_w, ss_h = width * SUPERSAMPLE, height * SUPERSAMPLE
    vertices = np.asarray(mesh.vertices, dtype=np.float64)
    faces = np.asarray(mesh.faces, dtype=np.int64)
    shade = np.zeros((ss_h * ss_w,), dtype=np.float64)
    covered = np.zeros((ss_h * ss_w,), dtype=bool)
    if len(faces) and len(vertices):
        if not np.isfinite(vertices).all():
            raise GeometryError(Phrase("Cannot draw a thumbnail of a mesh with NaN or infinite coordinates."))
        tri = vertices[faces]
        screen = _project(tri, ss_w, ss_h)
        intensity = _lambert(tri)
        winner = _rasterise(screen, ss_w, ss_h)
        covered = winner >= 0
        shade[covered] = intensity[winner[covered]]
    pixels = _compose(shade.reshape(ss_h, ss_w), covered.reshape(ss_h, ss_w), colour, background)
    return encode_png(pixels)


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = int(size[0]), int(size[1])
    if not (1 <= width <= MAX_SIZE and 1 <= height <= MAX_SIZE):
        raise GeometryError(Phrase(
            "A thumbnail must be between 1 and {0} pixels wide and high (got {1}).",
            MAX_SIZE, size,
        ))
    return width, height


def _project(tri: np.ndarray, width: int, height: int) -> np.ndarray:
    """World triangles (n, 3, 3) → pixel x, pixel y, depth (n, 3, 3), fitted to the image."""
    sx = tri @ _RIGHT
    sy = tri @ _UP
    depth = -(tri @ _TOWARDS_CAMERA)  # larger is farther from the camera
    lo_x, hi_x, lo_y, hi_y = sx.min(), sx.max(), sy.min(), sy.max()
    usable_w, usable_h = width * (1 - 2 * _MARGIN), height * (1 - 2 * _MARGIN)
    extent = max((hi_x - lo_x) / usable_w, (hi_y - lo_y) / usable_h, 1e-12)
    scale = 1.0 / extent  # one scale for both axes, so the silhouette keeps the model's proportions
    px = (sx - (lo_x + hi_x) / 2) * scale + width / 2
    py = height / 2 - (sy - (lo_y + hi_y) / 2) * scale
    return np.stack([px, py, depth], axis=-1)


def _lambert(tri: np.ndarray) -> np.ndarray:
    """Per-face brightness; two-sided, so meshes with flipped winding still look solid."""
    normals = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    lengths = np.linalg.norm(normals, axis=1)
    lengths[lengths == 0] = 1.0
    normals /= lengths[:, None]
    facing = np.where((normals @ _TOWARDS_CAMERA) < 0, -1.0, 1.0)
    diffuse = np.clip((normals * facing[:, None]) @ _LIGHT, 0.0, 1.0)
    return _AMBIENT + _DIFFUSE * diffuse


def _rasterise(screen: np.ndarray, width: int, height: int) -> np.ndarray:
    """Index of the nearest triangle at each pixel centre (-1 where none), as a flat array."""
    raster = _Raster(screen, width, height)
    small = np.nonzero(raster.count <= _LARGE)[0]
    for part in _chunks(raster.count[small]):
        raster.draw_small(small[part])
    for t in np.nonzero(raster.count > _LARGE)[0]:
        raster.draw_large(int(t))
    return raster.winner.ravel()


class _Raster:
    """A z-buffer plus, per triangle, its pixel bounding box and the affine forms of its
    barycentric weights and depth: w = a·x + b·y + c in pixel coordinates.

    Small triangles (most of a fine mesh) are drawn together, vectorised over (triangle, pixel)
    pairs with a scatter-min into the z-buffer; large ones (a box's faces) one at a time on a dense
    grid of their bounding box, which needs no scatter and no per-pixel coefficient gather.
    """

    def __init__(self, screen: np.ndarray, width: int, height: int) -> None:
        x, y, z = screen[..., 0], screen[..., 1], screen[..., 2]
        x0 = np.clip(np.ceil(x.min(axis=1) - 0.5), 0, width).astype(np.int64)
        x1 = np.clip(np.floor(x.max(axis=1) - 0.5), -1, width - 1).astype(np.int64)
        y0 = np.clip(np.ceil(y.min(axis=1) - 0.5), 0, height).astype(np.int64)
        y1 = np.clip(np.floor(y.max(axis=1) - 0.5), -1, height - 1).astype(np.int64)
        span_w, span_h = np.maximum(x1 - x0 + 1, 0), np.maximum(y1 - y0 + 1, 0)
        area = (x[:, 1] - x[:, 0]) * (y[:, 2] - y[:, 0]) - (x[:, 2] - x[:, 0]) * (y[:, 1] - y[:, 0])
        self.ids = np.nonzero((span_w * span_h > 0) & (np.abs(area) > 1e-12))[0]
        self.x0, self.y0 = x0[self.ids], y0[self.ids]
        self.span_w, self.span_h = span_w[self.ids], span_h[self.ids]
        self.count = self.span_w * self.span_h
        self.k = _plane_coefficients(x[self.ids], y[self.ids], z[self.ids], area[self.ids])
        self.width = width
        self.zbuf = np.full((height, width), np.inf)
        self.winner = np.full((height, width), -1, dtype=np.int64)

    def draw_small(self, tris: np.ndarray) -> None:
        n = self.count[tris]
        local = np.repeat(tris, n)
        offsets = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        w = self.span_w[local]
        row = offsets // w
        px = self.x0[local] + (offsets - row * w)
        py = self.y0[local] + row
        cx, cy = px + 0.5, py + 0.5
        k = self.k[:6, local]  # only the edge weights until we know which samples are inside
        w1 = k[0] * cx + k[1] * cy + k[2]
        w2 = k[3] * cx + k[4] * cy + k[5]
        inside = np.nonzero((w1 >= 0) & (w2 >= 0) & (w1 + w2 <= 1))[0]
        local, cx, cy = local[inside], cx[inside], cy[inside]
        depth = self.k[6, local] * cx + self.k[7, local] * cy + self.k[8, local]
        pixel = py[inside] * self.width + px[inside]
        zflat, wflat = self.zbuf.reshape(-1), self.winner.reshape(-1)
        np.minimum.at(zflat, pixel, depth)
        won = depth <= zflat[pixel]
        wflat[pixel[won]] = self.ids[local[won]]

    def draw_large(self, t: int) -> None:
        x0, y0 = int(self.x0[t]), int(self.y0[t])
        cx = np.arange(x0, x0 + int(self.span_w[t])) + 0.5
        cy = (np.arange(y0, y0 + int(self.span_h[t])) + 0.5)[:, None]
        k = self.k[:, t]
        w1 = k[0] * cx + k[1] * cy + k[2]
        w2 = k[3] * cx + k[4] * cy + k[5]
        depth = k[6] * cx + k[7] * cy + k[8]
        window = np.s_[y0:y0 + cy.shape[0], x0:x0 + cx.shape[0]]
        nearer = (w1 >= 0) & (w2 >= 0) & (w1 + w2 <= 1) & (depth <= self.zbuf[window])
        self.zbuf[window][nearer] = depth[nearer]
        self.winner[window][nearer] = self.ids[t]


def _plane_coefficients(x: np.ndarray, y: np.ndarray, z: np.ndarray, area: np.ndarray) -> np.ndarray:
    """(9, n): the affine forms (a, b, c) of w1, w2 and depth of each triangle, row by row.

    w1 and w2 are the barycentric weights of vertices 1 and 2 (w0 = 1 - w1 - w2); dividing by the
    signed area makes them orientation-independent, so inside is simply w1, w2, w0 >= 0.
    """
    inv = 1.0 / area
    a1, b1 = (y[:, 2] - y[:, 0]) * inv, -(x[:, 2] - x[:, 0]) * inv
    c1 = -(a1 * x[:, 0] + b1 * y[:, 0])
    a2, b2 = -(y[:, 1] - y[:, 0]) * inv, (x[:, 1] - x[:, 0]) * inv
    c2 = -(a2 * x[:, 0] + b2 * y[:, 0])
    dz1, dz2 = z[:, 1] - z[:, 0], z[:, 2] - z[:, 0]
    az, bz = a1 * dz1 + a2 * dz2, b1 * dz1 + b2 * dz2
    cz = z[:, 0] + c1 * dz1 + c2 * dz2
    return np.stack([a1, b1, c1, a2, b2, c2, az, bz, cz])


def _chunks(counts: np.ndarray) -> Iterator[slice]:
    """Consecutive ranges whose candidate pixels add up to about _CHUNK_SAMPLES (bounded memory)."""
    ends = np.cumsum(counts)
    start = 0
    while start < len(counts):
        base = ends[start - 1] if start else 0
        stop = max(int(np.searchsorted(ends, base + _CHUNK_SAMPLES, side="right")), start + 1)
        yield slice(start, stop)
        start = stop



def _compose(
    shade: np.ndarray, covered: np.ndarray, colour: RGB, background: RGB | None
) -> np.ndarray:
    """Shade the model colour, then average SUPERSAMPLE² samples per output pixel."""
    h, w = shade.shape
    s = SUPERSAMPLE
    rgb = shade[..., None] * np.asarray(colour, dtype=np.float64)[None, None, :]
    if background is None:
        alpha = covered.astype(np.float64).reshape(h // s, s, w // s, s).mean(axis=(1, 3))
        summed = (rgb * covered[..., None]).reshape(h // s, s, w // s, s, 3).sum(axis=(1, 3))
        count = covered.reshape(h // s, s, w // s, s).sum(axis=(1, 3))
        mean = summed / np.maximum(count, 1)[..., None]
        out = np.concatenate([mean, alpha[..., None] * 255.0], axis=-1)
    else:
        rgb[~covered] = np.asarray(background, dtype=np.float64)
        out = rgb.reshape(h // s, s, w // s, s, 3).mean(axis=(1, 3))
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def encode_png(pixels: np.ndarray) -> bytes:
    """(h, w, 3|4) uint8 → PNG bytes (no filtering; zlib does the work)."""
    h, w, channels = pixels.shape
    colour_type = {3: 2, 4: 6}[channels]
    rows = np.concatenate([np.zeros((h, 1), dtype=np.uint8), pixels.reshape(h, w * channels)], axis=1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 6))
        + chunk(b"IEND", b"")
    )
