"""Comments pinned to the model: the pin data model, drawing the pins in a pyvista plotter, and
finding the pin under a click. The viewport owns the plotter; it calls `draw_pins` after each
comments refresh and `pin_near` on a pick, then opens the thread of that pin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pyvista as pv

from sync_client.models import ProjectComment

if TYPE_CHECKING:
    import trimesh

ACTOR = "comment-pins"
OPEN_COLOUR, RESOLVED_COLOUR = "#f2a30f", "#9aa3b2"


@dataclass(frozen=True)
class CommentPin:
    """One thread anchored at a 3D point (model coordinates, mm) on a node of the document."""

    comment_id: int
    position: tuple[float, float, float]
    node_id: str | None
    author: str
    body: str
    resolved: bool
    replies: int
    number: int  # what the pin shows: threads numbered in the order they were opened


def pins_from_comments(comments: Sequence[ProjectComment], include_resolved: bool = False) -> list[CommentPin]:
    replies: dict[int, int] = {}
    for comment in comments:
        if comment.parent_id is not None:
            replies[comment.parent_id] = replies.get(comment.parent_id, 0) + 1
    roots = sorted((c for c in comments if c.parent_id is None and c.anchor is not None), key=lambda c: c.id)
    pins = []
    for number, comment in enumerate(roots, start=1):
        if comment.resolved and not include_resolved:
            continue
        assert comment.anchor is not None
        pins.append(CommentPin(comment.id, (comment.anchor.x, comment.anchor.y, comment.anchor.z), comment.node_id,
                               comment.author, comment.body, comment.resolved, replies.get(comment.id, 0), number))
    return pins


def draw_pins(plotter: pv.Plotter, pins: Sequence[CommentPin]) -> None:
    """Replace the pins in `plotter` (a numbered label per thread, always on top of the model).

    No render here: the caller asks the widget to repaint, as the viewport does, so VTK draws inside Qt's
    paintGL. A render() from a signal of the viewport's own render left the GUI thread blocked in the GL
    context's makeCurrent once in a full test run (software GL)."""
    for colour in (OPEN_COLOUR, RESOLVED_COLOUR):
        for part in ("points", "labels"):  # add_point_labels makes these two actors from `name`
            plotter.remove_actor(f"{ACTOR}-{colour}-{part}", render=False)
    for colour in (OPEN_COLOUR, RESOLVED_COLOUR):
        group = [p for p in pins if (colour == RESOLVED_COLOUR) == p.resolved]
        if not group:
            continue
        plotter.add_point_labels(
            np.array([p.position for p in group], dtype=float), [str(p.number) for p in group],
            name=f"{ACTOR}-{colour}", point_color=colour, point_size=18, render_points_as_spheres=True,
            shape="rounded_rect", shape_color=colour, text_color="white", font_size=14, always_visible=True,
            pickable=False, render=False)


def pin_near(pins: Sequence[CommentPin], point: Sequence[float], tolerance: float) -> CommentPin | None:
    """The pin closest to a picked point, if within `tolerance` (mm) of it."""
    best, best_distance = None, tolerance
    target = np.asarray(point, dtype=float)
    for pin in pins:
        distance = float(np.linalg.norm(np.asarray(pin.position) - target))
        if distance <= best_distance:
            best, best_distance = pin, distance
    return best


def on_surface(mesh: trimesh.Trimesh, pins: list[CommentPin]) -> list[CommentPin]:
    """Worker: each pin moved to the closest point of `mesh` (the model as it is now)."""
    import trimesh as tm

    points, _distance, _faces = tm.proximity.closest_point(mesh, np.array([p.position for p in pins], dtype=float))
    return [replace(pin, position=(float(x), float(y), float(z))) for pin, (x, y, z) in zip(pins, points, strict=True)]
