"""Compare two versions side by side in the main viewport, as Onshape's and Fusion's version compare do:
the older on the left, the newer where the model sits, each labelled, the surface that differs coloured
(red: only the older has it there, green: only the newer), and a banner listing what changed
(parameters old → new, parts added/removed/changed) with "Exit Compare" (or Esc).

One GL context only: the versions are extra actors in the viewport's own plotter (a second render window
under software GL hung the test suite once), and the editable model is hidden meanwhile, never replaced —
Exit brings it back as it was, with whatever builds arrived during the comparison. The meshes are built
and shaded on a worker by the evaluator the app builds with; the GUI thread wraps them for VTK and measures
their difference (VTK objects stay on the GUI thread: desktop.viewport.shading).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pyvista as pv
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from core.document.compare import Comparison, ParamChange, PartChange, compare
from core.document.document import Document
from core.geometry.build import Evaluator
from core.tasks import Task
from desktop.i18n import number, say_error
from desktop.panels.collab.common import tr
from desktop.viewport.scene import palette, prepare, to_poly
from desktop.viewport.shading import Shaded
from desktop.workers import LatestOnly, Workers
from sync_client.models import VersionDetail

if TYPE_CHECKING:
    from desktop.viewport.view import Viewport

log = logging.getLogger(__name__)
OLDER, NEWER, LABELS = "compare-older", "compare-newer", "compare-labels"
TOLERANCE_MM = 0.05  # closer than this to the other version's surface counts as the same surface
GAP = 0.15  # between the two versions, as a share of the wider one (at least MIN_GAP_MM)
MIN_GAP_MM = 10.0
MAX_ROWS = 6  # lines of differences shown in the banner before it scrolls
OLDER_ONLY = {"light": "#d93036", "dark": "#ff5a5f"}
NEWER_ONLY = {"light": "#0f9d58", "dark": "#3ddc84"}


@dataclass(frozen=True)
class Side:
    """One version to compare: its document (JSON), its label in the banner and the shorter tag drawn over it."""

    document: dict[str, Any]
    label: str
    tag: str


@dataclass(frozen=True)
class Built:
    """Both versions built and shaded (worker output, plain arrays) and what changed between them."""

    older: Shaded
    newer: Shaded
    comparison: Comparison


@dataclass(frozen=True)
class Scene:
    """Both versions ready to draw (GUI thread): the older already moved to the left of the newer,
    and per triangle whether its surface differs from the other version's."""

    older: pv.PolyData
    newer: pv.PolyData
    older_differs: np.ndarray
    newer_differs: np.ndarray
    comparison: Comparison


def version_label(version: VersionDetail) -> str:
    return tr("r{0} · {1} · '{2}'").format(version.rev, version.author, version.name)


def sides(versions: list[VersionDetail], current: dict[str, Any]) -> tuple[Side, Side]:
    """(older, newer): two versions in revision order, or one version and the current model (the newer)."""
    ordered = sorted(versions, key=lambda v: (v.rev, v.id))
    labelled = [Side(v.document, version_label(v), tr("r{0} · '{1}'").format(v.rev, v.name)) for v in ordered]
    if len(labelled) == 1:
        labelled.append(Side(current, tr("Current"), tr("Current")))
    return labelled[0], labelled[-1]


def differing_faces(poly: pv.PolyData, other: pv.PolyData, tolerance: float = TOLERANCE_MM) -> np.ndarray:
    """Per triangle of `poly`: does its centre lie off `other`'s surface (by more than `tolerance`)? All
    of them do when `other` is empty. The centre, not the corners: a large flat triangle that only
    touches the changed region at one corner is still the same surface."""
    if poly.n_cells == 0:
        return np.zeros(0, dtype=bool)
    if other.n_cells == 0:
        return np.ones(poly.n_cells, dtype=bool)
    centres = poly.cell_centers().compute_implicit_distance(other)
    return np.asarray(np.abs(np.asarray(centres["implicit_distance"])) > tolerance)


def gap(older: pv.PolyData, newer: pv.PolyData) -> float:
    widths = [p.bounds[1] - p.bounds[0] for p in (older, newer) if p.n_cells]
    return max(MIN_GAP_MM, GAP * max(widths, default=0.0))


def build_versions(evaluator: Evaluator, older: Side, newer: Side, task: Task) -> Built:
    """Worker: both meshes as the viewport would show each version, and the list of what changed."""
    shaded = []
    for side in (older, newer):
        doc = Document.from_json(side.document)
        shaded.append(prepare(evaluator.mesh(doc, task=task) if doc.has_geometry else None))
        task.check()
    return Built(shaded[0], shaded[1], compare(older.document, newer.document))


def build_scene(built: Built) -> Scene:
    """GUI thread: the versions as PolyData, what differs, the older moved left."""
    old_poly, new_poly = to_poly(built.older), to_poly(built.newer)
    old_differs, new_differs = differing_faces(old_poly, new_poly), differing_faces(new_poly, old_poly)
    if old_poly.n_cells and new_poly.n_cells:
        old_poly = old_poly.translate((new_poly.bounds[0] - gap(old_poly, new_poly) - old_poly.bounds[1], 0.0, 0.0))
    return Scene(old_poly, new_poly, old_differs, new_differs, built.comparison)


def _value(value: float | int | str | None, unit: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{number(value)} {unit}".strip()


def describe_param(change: ParamChange) -> str:
    if change.old is None:
        return tr("{0}: added ({1})").format(change.label, _value(change.new, change.unit))
    if change.new is None:
        return tr("{0}: removed (was {1})").format(change.label, _value(change.old, change.unit))
    return tr("{0}: {1} → {2}").format(change.label, _value(change.old, change.unit), _value(change.new, change.unit))


def describe_part(change: PartChange) -> str:
    return {"added": tr("{0}: part added"), "removed": tr("{0}: part removed"),
            "changed": tr("{0}: part changed")}[change.status].format(change.label)


def coloured(poly: pv.PolyData, differs: np.ndarray, base: str, marked: str) -> pv.PolyData:
    """A copy of `poly` with a colour per triangle: `marked` where it differs, `base` elsewhere."""
    shown = poly.copy(deep=False)
    colours = np.tile(np.array(pv.Color(base).int_rgb, dtype=np.uint8), (poly.n_cells, 1))
    colours[differs] = pv.Color(marked).int_rgb
    shown.cell_data["compare_rgb"] = colours
    return shown


class CompareBanner(QFrame):
    """Over the 3D view while comparing: what is compared, the colour key, what changed, and the way out."""

    exit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareBanner")
        self.setStyleSheet("QFrame#compareBanner { background: palette(alternate-base);"
                           " border-bottom: 2px solid palette(highlight); }")
        self.title = QLabel(objectName="compareTitle", wordWrap=True)
        self.exit = QPushButton(tr("Exit Compare"), objectName="exitCompare")
        self.exit.setToolTip(tr("Back to the editable model (Esc)"))
        self.exit.clicked.connect(self.exit_requested)
        self.differences = QListWidget(objectName="compareDifferences")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.exit, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.differences)

    def show_sides(self, older: Side, newer: Side, dark: bool) -> None:
        theme = "dark" if dark else "light"
        self.title.setText(tr("<b>Comparing</b> {0} (left) with {1} (right) · <span style='color:{2}'>■</span> only "
                              "in the older · <span style='color:{3}'>■</span> only in the newer").format(
            older.label.replace("<", "&lt;"), newer.label.replace("<", "&lt;"), OLDER_ONLY[theme], NEWER_ONLY[theme]))
        self.differences.clear()
        self.differences.addItem(tr("Building both versions…"))
        self._fit_rows()

    def show_comparison(self, comparison: Comparison) -> None:
        self.differences.clear()
        lines = [describe_param(c) for c in comparison.params] + [describe_part(c) for c in comparison.parts]
        self.differences.addItems(lines or [tr("No differences: both versions are the same model.")])
        self._fit_rows()

    def show_error(self, text: str) -> None:
        self.differences.clear()
        self.differences.addItem(text)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """As tall as its lines, up to MAX_ROWS (then it scrolls): the 3D view keeps the rest."""
        rows = min(max(self.differences.count(), 1), MAX_ROWS)
        frame = 2 * self.differences.frameWidth()
        self.differences.setFixedHeight(rows * self.differences.sizeHintForRow(0) + frame + 2)


class VersionCompare(QObject):
    """Owns the comparison in the viewport: start it with two sides, leave it with Exit/Esc (or when the
    shared project closes)."""

    shown = Signal()  # both versions are on screen (tests and screenshots wait on it)
    ended = Signal()

    def __init__(self, viewport: Viewport, workers: Workers, evaluator: Evaluator, window: QWidget) -> None:
        super().__init__(window)
        self.viewport, self.evaluator = viewport, evaluator
        self.sides: tuple[Side, Side] | None = None
        self.scene: Scene | None = None
        self._asked = 0
        self._drawn_dark: bool | None = None
        self._camera: tuple[Any, float] | None = None  # the user's view (and ortho zoom) before, given back on exit
        self.builds = LatestOnly(workers, self._built, self._failed, show=True)
        self.banner = CompareBanner()
        self.banner.hide()
        self.banner.exit_requested.connect(self.exit)
        layout = viewport.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.banner)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, enabled=False)
        self.escape.activated.connect(self.exit)
        viewport.rendered.connect(self._theme_changed)

    @property
    def active(self) -> bool:
        return self.sides is not None

    def start(self, older: Side, newer: Side) -> None:
        self._asked += 1
        asked, evaluator = self._asked, self.evaluator
        if self.sides is None:
            plotter = self.viewport.plotter
            self._camera = (plotter.camera_position, plotter.camera.parallel_scale)
        self.sides = (older, newer)
        self.scene = None
        self._remove_actors()
        self.banner.show_sides(older, newer, self.viewport.dark)
        self.banner.show()
        self.escape.setEnabled(True)
        self.builds.request(tr("Building versions to compare"),
                            lambda task: (asked, build_versions(evaluator, older, newer, task)))

    def _built(self, result: tuple[int, Built]) -> None:
        asked, built = result
        if asked != self._asked or self.sides is None:
            return  # left (or started another comparison) while this one was building
        self.scene = scene = build_scene(built)
        self.banner.show_comparison(scene.comparison)
        self.viewport.set_model_shown(False)
        self.draw()
        self._frame(scene)
        self.viewport.schedule_render()
        self.shown.emit()

    def _frame(self, scene: Scene) -> None:
        """Look from the front, a little above, so the older reads on the left and the newer on the right."""
        bounds = np.array([p.bounds for p in (scene.older, scene.newer) if p.n_cells]).reshape(-1, 3, 2)
        if not len(bounds):
            return
        box = np.stack([bounds[:, :, 0].min(axis=0), bounds[:, :, 1].max(axis=0)], axis=1)
        centre, size = box.mean(axis=1), float((box[:, 1] - box[:, 0]).max())
        plotter = self.viewport.plotter
        plotter.camera_position = [tuple(centre + np.array([0.0, -size, 0.55 * size])), tuple(centre), (0, 0, 1)]
        pad = size * 0.06
        plotter.reset_camera(bounds=tuple((box + np.array([-pad, pad])).ravel()))
        plotter.camera_set = True

    def _failed(self, exc: BaseException) -> None:
        log.info("version compare: %s", exc)
        self.banner.show_error(tr("These versions could not be built: {0}").format(say_error(exc)))

    def draw(self) -> None:
        """(Re)draw both versions in the theme's colours (also when the theme changes while comparing)."""
        if self.scene is None or self.sides is None:
            return
        plotter, scene = self.viewport.plotter, self.scene
        self._drawn_dark = self.viewport.dark
        theme = "dark" if self.viewport.dark else "light"
        base = palette(self.viewport.dark).model
        for name, poly, differs, marked in ((OLDER, scene.older, scene.older_differs, OLDER_ONLY[theme]),
                                            (NEWER, scene.newer, scene.newer_differs, NEWER_ONLY[theme])):
            if poly.n_cells:
                plotter.add_mesh(coloured(poly, differs, base, marked), scalars="compare_rgb", rgb=True,
                                 smooth_shading=True, ambient=0.3, diffuse=0.85, specular=0.3, specular_power=25,
                                 name=name, reset_camera=False, pickable=False, render=False)
        tops = [(p, side.tag) for p, side in zip((scene.older, scene.newer), self.sides, strict=True) if p.n_cells]
        if tops:  # over each version's back left corner: the text runs right, above that version
            points = np.array([(p.bounds[0], p.bounds[3], p.bounds[5] + 0.06 * (p.bounds[5] - p.bounds[4]))
                               for p, _ in tops])
            labels = plotter.add_point_labels(
                points, [label for _, label in tops], name=LABELS, show_points=False, shape="rounded_rect",
                shape_color=palette(self.viewport.dark).grid_major, text_color="white", font_size=12,
                always_visible=True, pickable=False, render=False)
            labels.GetMapper().SetPlaceAllLabels(True)  # VTK drops a label that overlaps another: both must show

    def _theme_changed(self) -> None:
        if self.scene is not None and self._drawn_dark != self.viewport.dark:
            self.draw()
            self.viewport.schedule_render()

    def _remove_actors(self) -> None:
        plotter = self.viewport.plotter
        for name in (OLDER, NEWER, f"{LABELS}-points", f"{LABELS}-labels"):
            plotter.remove_actor(name, render=False)

    def exit(self) -> None:
        """Back to the editable model, as it is now; nothing of the comparison stays on screen."""
        if self.sides is None:
            return
        self.sides, self.scene = None, None
        self.builds.drop_pending()
        self.escape.setEnabled(False)
        self.banner.hide()
        self._remove_actors()
        self.viewport.set_model_shown(True)
        if self._camera is not None:
            plotter = self.viewport.plotter
            plotter.camera_position, plotter.camera.parallel_scale = self._camera
        self.viewport.schedule_render()
        self.ended.emit()
