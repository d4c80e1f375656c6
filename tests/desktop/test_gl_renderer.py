"""The viewport learns which rasteriser draws it from one context of its own: on llvmpipe (Xvfb,
remote desktops) multisampling goes off so dragging stays smooth, and building a window no longer
makes pyvistaqt's throwaway per-viewport context, whose dropped surface once came back from PySide
as a dock's toggle action (a `QSurface` with no `toggled`) and broke the window."""

from __future__ import annotations

from typing import Any

import pytest
from pyvistaqt import rwi

from desktop import docks
from desktop.viewport import gl_renderer


def test_a_window_on_llvmpipe_draws_without_multisampling(make_window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    made: list[object] = []

    class Counted(rwi.QOffscreenSurface):  # type: ignore[misc, name-defined]
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            made.append(self)

    monkeypatch.setattr(rwi, "QOffscreenSurface", Counted)
    first, second = make_window(), make_window()
    assert "llvmpipe" in gl_renderer.renderer()  # Xvfb's Mesa: what CI and these machines draw with
    assert gl_renderer.is_software()
    assert first.viewport.plotter.ren_win.GetMultiSamples() == 0
    assert second.viewport.plotter.ren_win.GetMultiSamples() == 0
    assert made == []  # no throwaway context per viewport
    first.close()
    for key in docks.TABLE_DOCKS:
        assert second.docks[key].toggleViewAction().text() == second.action_set[f"view.{key}"].text()
