"""Which OpenGL rasteriser this process draws with, asked once of a context of our own.

Asking VTK (`ReportCapabilities`) on a viewport not yet shown makes pyvistaqt build a throwaway
context and offscreen surface per viewport and drop them when the widget's own context arrives;
PySide can later hand out the dropped surface's stale wrapper for a new object at the same address
(a dock's toggle action came back as a `QSurface` in a CI run). One context, parented to the
application so Qt deletes it with the application, asks once and is never dropped early.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

log = logging.getLogger(__name__)

_GL_RENDERER = 0x1F01
_SOFTWARE = ("llvmpipe", "softpipe", "SWR", "Software Rasterizer")


@functools.cache
def renderer() -> str:
    """The GL_RENDERER string, or "" where no GL context can be made (then nothing is drawn anyway)."""
    app = QGuiApplication.instance()
    if app is None:
        return ""
    surface = QOffscreenSurface()
    surface.setParent(app)
    surface.create()
    context = QOpenGLContext(app)
    if not (surface.isValid() and context.create() and context.makeCurrent(surface)):
        log.warning("no OpenGL context could be made to ask for the renderer")
        return ""
    try:
        return str(context.functions().glGetString(_GL_RENDERER) or "")
    finally:
        context.doneCurrent()


def is_software() -> bool:
    return any(name in renderer() for name in _SOFTWARE)
