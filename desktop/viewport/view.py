"""The viewport widget: model, build plate, camera presets, display modes and overlays.

The model actor is created once; each finished build is shallow-copied into its PolyData and a
render is scheduled (pyvistaqt renders on the GUI thread's next event-loop pass), so the view swaps
meshes on the next frame without rebuilding actors or resetting the camera.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

import numpy as np
import pyvista as pv
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from pyvistaqt import QtInteractor

from desktop.i18n import size_text
from desktop.stable_label import StableLabel
from desktop.viewport import gl_renderer
from desktop.viewport.measure import MeasureTool
from desktop.viewport.scene import ScenePalette, palette, plate, prepare, to_poly, to_polydata
from desktop.viewport.shading import Shaded

if TYPE_CHECKING:
    import trimesh

View = Literal["front", "top", "right", "iso"]
Style = Literal["surface", "wireframe", "xray"]
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Viewport", text)


class Viewport(QWidget):
    rendered = Signal()  # a new model mesh is on screen

    def __init__(self, bed: tuple[float, float, float], dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewport")
        self.plotter = QtInteractor(self, auto_update=False)
        self.plotter.theme.allow_empty_mesh = True  # the model actor exists before the first build
        self.plotter.setObjectName("viewportCanvas")
        self.dims_label = StableLabel()
        self.dims_label.setObjectName("dimsLabel")
        self.info_label = StableLabel()
        self.info_label.setObjectName("viewportInfo")
        self.bar = bar = QHBoxLayout()
        """Under the 3D view: the model's size on the left, a tool's readout on the right; tools with
        controls (the section plane) insert them in between."""
        bar.setContentsMargins(10, 4, 10, 4)
        bar.addWidget(self.dims_label)
        bar.addStretch(1)
        bar.addWidget(self.info_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.plotter, 1)
        lay.addLayout(bar)

        self.bed = bed
        self.dark = dark
        self.mesh: trimesh.Trimesh | None = None
        self.style: Style = "surface"
        self._cut: tuple[pv.PolyData, pv.PolyData] | None = None  # the section tool's (kept side, cap)
        self._full = pv.PolyData()
        self._poly = pv.PolyData()
        self._cap_poly = pv.PolyData()  # the section view's cut face
        self._plate_actors: list[pv.Actor] = []
        self._overlay: pv.Actor | None = None
        self._highlight: pv.Actor | None = None
        self._outline = pv.PolyData()
        self._pal: ScenePalette = palette(dark)
        self._render_queued = False
        self._model_shown = True  # False while a comparison of versions takes the view
        self.measure = MeasureTool(self.plotter, self.info_label, lambda: self._pal.measure)

        self.plotter.add_axes(interactive=False, line_width=2, labels_off=False)
        self._light()
        self._model = self.plotter.add_mesh(self._poly, color=self._pal.model, smooth_shading=True, ambient=0.3,
                                            diffuse=0.85, specular=0.3, specular_power=25, name="model",
                                            reset_camera=False)
        self._cap = self.plotter.add_mesh(self._cap_poly, color=self._pal.section, ambient=0.45, diffuse=0.6,
                                          specular=0.0, name="section_cap", reset_camera=False, pickable=False)
        self._bbox = self.plotter.add_mesh(self._outline, color=self._pal.grid_major, line_width=1,
                                           name="bbox", reset_camera=False, pickable=False)
        self.set_bed(bed)
        self.set_dark(dark)
        self.set_view("iso")
        self._software_gl()
        self._update_dims()

    # --- model ----------------------------------------------------------------------------------
    def show_mesh(self, mesh: trimesh.Trimesh | None, prepared: Shaded | None = None) -> None:
        """Swap in a new model; `prepared` is its display form when a worker already made it."""
        first = self.mesh is None and mesh is not None
        self.mesh = mesh
        self._full = to_poly(prepared if prepared is not None else prepare(mesh))
        if self._full.n_cells == 0:
            self._cut = None  # nothing left to cut; a section of the last model must not stay on screen
        self._refresh_geometry()
        self.measure.clear()
        if first:
            self.fit()
        self._update_dims()
        self.schedule_render()

    def schedule_render(self) -> None:
        """Render on the next event-loop pass; several changes in one pass make one frame."""
        if not self._render_queued:
            self._render_queued = True
            QTimer.singleShot(0, self, self._render_now)

    def _render_now(self) -> None:
        # update(), not plotter.render(): the QOpenGLWidget renders VTK in its paintGL anyway, so
        # render() would draw every frame twice (once now, once when Qt repaints the widget).
        self._render_queued = False
        self.plotter.update()
        self.rendered.emit()

    def _light(self) -> None:
        """A head light and a key light above one shoulder, both riding with the camera, instead of VTK's
        five-light kit: the shape reads the same from every side, and a software rasteriser shades every
        pixel once per light, so three fewer lights make each frame ~40 % cheaper there."""
        self.plotter.remove_all_lights()
        self.plotter.add_light(pv.Light(light_type="headlight", intensity=0.6))
        self.plotter.add_light(pv.Light(position=(-1.0, 0.6, 0.4), light_type="camera light", intensity=0.55))

    def _software_gl(self) -> None:
        """On a software rasteriser (llvmpipe under Xvfb, remote desktops) 8× MSAA costs ~0.15 s a
        frame, enough to stall the GUI while dragging; drop it there, keep it on real GPUs."""
        if gl_renderer.is_software():
            log.info("software OpenGL detected: multisampling off")
            self.plotter.ren_win.SetMultiSamples(0)

    def _refresh_geometry(self) -> None:
        shown, cap = self._cut if self._cut is not None else (self._full, pv.PolyData())
        self._poly.shallow_copy(shown)
        self._cap_poly.shallow_copy(cap)
        self._cap.visibility = cap.n_cells > 0 and self._model_shown
        self._outline.shallow_copy(self._full.outline() if self._full.n_cells else pv.PolyData())
        self._model.visibility = self._poly.n_cells > 0 and self._model_shown
        self._bbox.visibility = self._full.n_cells > 0 and self._model_shown

    def set_model_shown(self, shown: bool) -> None:
        """Hide the editable model and what is drawn on it while other geometry takes the view (versions
        compared side by side); builds arriving meanwhile are kept, and shown again with it."""
        self._model_shown = shown
        self._refresh_geometry()
        for actor in (self._highlight, self._overlay):
            if actor is not None:
                actor.visibility = shown
        self.schedule_render()

    @property
    def model_shown(self) -> bool:
        return self._model_shown

    @property
    def cut_shown(self) -> bool:
        return self._cut is not None

    @property
    def full_poly(self) -> pv.PolyData:
        """The whole model as displayed (also while a section shows only part of it)."""
        return self._full

    @property
    def model_bounds(self) -> tuple[float, float, float, float, float, float] | None:
        """(xmin, xmax, ymin, ymax, zmin, zmax) of the model on screen, or None when empty."""
        if self._full.n_cells == 0:
            return None
        b = self._full.bounds
        return (b[0], b[1], b[2], b[3], b[4], b[5])

    def _update_dims(self) -> None:
        b = self.model_bounds
        if b is None:
            self.dims_label.setText(tr("No model yet"))
            return
        w, d, h = b[1] - b[0], b[3] - b[2], b[5] - b[4]
        self.dims_label.setText(size_text((w, d, h)))

    # --- scene ----------------------------------------------------------------------------------
    def set_bed(self, bed: tuple[float, float, float]) -> None:
        self.bed = bed
        for actor in self._plate_actors:
            self.plotter.remove_actor(actor, render=False)
        surface, minor, major = plate(bed)
        p = self._pal
        self._plate_actors = [
            self.plotter.add_mesh(surface, color=p.plate, name="plate", reset_camera=False, pickable=False,
                                  ambient=0.6, diffuse=0.4),
            self.plotter.add_mesh(minor, color=p.grid, name="grid_minor", reset_camera=False, pickable=False),
            self.plotter.add_mesh(major, color=p.grid_major, line_width=1.5, name="grid_major", reset_camera=False,
                                  pickable=False),
        ]
        self.schedule_render()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._pal = p = palette(dark)
        self.plotter.set_background(p.background_bottom, top=p.background_top)
        self._model.prop.color = p.model
        self._cap.prop.color = p.section
        self._bbox.prop.color = p.grid_major
        for actor, colour in zip(self._plate_actors, (p.plate, p.grid, p.grid_major), strict=True):
            actor.prop.color = colour
        if self._highlight is not None:
            self._highlight.prop.color = p.highlight
        if self._overlay is not None:
            self._overlay.prop.color = p.overhang
        self.schedule_render()

    # --- camera ---------------------------------------------------------------------------------
    def set_view(self, view: View) -> None:
        {"front": self.plotter.view_xz, "top": self.plotter.view_xy, "right": self.plotter.view_yz,
         "iso": self.plotter.view_isometric}[view](render=False)
        self.fit()

    def fit(self) -> None:
        """Frame the model, or the whole plate when there is none."""
        if self._full.n_cells:
            b = np.asarray(self._full.bounds, dtype=float).reshape(3, 2)
            pad = (b[:, 1] - b[:, 0]).max() * 0.12  # some plate around the model gives the scale
            self.plotter.reset_camera(bounds=tuple((b + np.array([-pad, pad])).ravel()))
        else:
            bx, by, _ = self.bed
            self.plotter.reset_camera(bounds=(-bx / 2, bx / 2, -by / 2, by / 2, 0, min(bx, by) / 4))
        # Our camera, not pyvista's default: without this the next plotter.render() (screenshots,
        # grabs) would reset it to frame every actor, plate included.
        self.plotter.camera_set = True
        self.schedule_render()

    def set_ortho(self, on: bool) -> None:
        if on:
            self.plotter.enable_parallel_projection(render=False)
        else:
            self.plotter.disable_parallel_projection(render=False)
        self.schedule_render()

    # --- display modes and overlays -----------------------------------------------------------------
    def set_style(self, style: Style) -> None:
        self.style = style
        for prop in (self._model.prop, self._cap.prop):
            prop.style = "wireframe" if style == "wireframe" else "surface"
            prop.opacity = 0.35 if style == "xray" else 1.0
        self.schedule_render()

    def show_cut(self, cut: tuple[pv.PolyData, pv.PolyData] | None) -> None:
        """Show the model cut by the section plane (the side kept, the cap over the cut), or whole with None.
        A new model keeps the last cut on screen until its own arrives (see viewport.section_tool)."""
        self._cut = cut
        self._refresh_geometry()
        self.schedule_render()

    def set_overlay(self, face_mask: np.ndarray | None) -> None:
        """Colour the given faces of the current model (the printability report's overhangs)."""
        if self._overlay is not None:
            self.plotter.remove_actor(self._overlay, render=False)
            self._overlay = None
        if face_mask is not None and self.mesh is not None and face_mask.any():
            faces = to_polydata(self.mesh).extract_cells(np.flatnonzero(face_mask))
            self._overlay = self.plotter.add_mesh(faces, color=self._pal.overhang, name="overhang",
                                                  reset_camera=False, pickable=False)
            self._overlay.visibility = self._model_shown
        self.schedule_render()

    def set_highlight(self, mesh: trimesh.Trimesh | None) -> None:
        """Outline the selected part (from the model tree) in the accent colour."""
        if self._highlight is not None:
            self.plotter.remove_actor(self._highlight, render=False)
            self._highlight = None
        if mesh is not None and len(mesh.faces):
            self._highlight = self.plotter.add_mesh(to_polydata(mesh), color=self._pal.highlight, opacity=0.55,
                                                    name="highlight", reset_camera=False, pickable=False)
            self._highlight.visibility = self._model_shown
        self.schedule_render()

    @property
    def highlighted(self) -> bool:
        return self._highlight is not None

    def retranslate(self) -> None:
        self._update_dims()
        self.dims_label.reset_size()
        self.measure.retranslate()

    def close_viewport(self) -> None:
        """Release VTK resources; the window calls this before it is destroyed."""
        self.measure.clear()
        self.plotter.close()
