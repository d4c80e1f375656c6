"""A dialog that grows to fit text it shows later (an inline error, a warning, a taller page)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog


class FittingDialog(QDialog):
    """With word-wrapped labels a layout's height depends on its width, and Qt keeps a top-level window only
    at its (width-blind) minimum size: an error appearing under the add-printer tabs was drawn over them
    instead of the dialog growing. This grows the dialog whenever its layout asks for more room; it never
    shrinks one the user made bigger."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            needed = self.heightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)
        return handled
