"""Imported meshes inside the JSON document: base64 little-endian float32 vertices / uint32 faces,
with a sha256 so a damaged document is detected instead of producing garbage geometry."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from typing import Any

import numpy as np

from core.errors import GeometryError
from core.tasks import Phrase

MAX_TRIANGLES = 5_000_000
MAX_VERTICES = MAX_TRIANGLES
"""A closed mesh has about half as many vertices as triangles, so a model within the triangle limit has fewer
vertices than this. OBJ files are counted before they are parsed: 10M vertices took 68 s to be accepted."""


def encode_mesh(vertices: np.ndarray, faces: np.ndarray, name: str = "") -> dict[str, Any]:
    v = np.ascontiguousarray(vertices, dtype="<f4")
    f = np.ascontiguousarray(faces, dtype="<u4")
    raw = v.tobytes() + f.tobytes()
    return {
        "name": name,
        "vertex_count": len(v),
        "face_count": len(f),
        "vertices": base64.b64encode(v.tobytes()).decode("ascii"),
        "faces": base64.b64encode(f.tobytes()).decode("ascii"),
        "sha256": hashlib.sha256(raw).hexdigest(),
    }


def decode_mesh(props: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    try:
        nv, nf = int(props["vertex_count"]), int(props["face_count"])
        if nf > MAX_TRIANGLES or nv > 3 * MAX_TRIANGLES:
            raise GeometryError(Phrase(
                "The embedded mesh declares {0} triangles; the limit is {1}.",
                nf, MAX_TRIANGLES,
            ))
        vb = base64.b64decode(props["vertices"], validate=True)
        fb = base64.b64decode(props["faces"], validate=True)
    except (KeyError, ValueError, TypeError):
        raise GeometryError(Phrase("The embedded mesh data is damaged.")) from None
    if len(vb) != nv * 12 or len(fb) != nf * 12 or hashlib.sha256(vb + fb).hexdigest() != props.get("sha256"):
        raise GeometryError(Phrase("The embedded mesh data is damaged (size or checksum mismatch)."))
    vertices = np.frombuffer(vb, dtype="<f4").reshape(nv, 3)
    faces = np.frombuffer(fb, dtype="<u4").reshape(nf, 3)
    if nf and int(faces.max()) >= nv:
        raise GeometryError(Phrase("The embedded mesh refers to vertices it does not have."))
    if not np.isfinite(vertices).all():
        raise GeometryError(Phrase("The embedded mesh has NaN or infinite coordinates."))
    return vertices, faces
