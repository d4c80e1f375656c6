"""Parameters dock, generated from the document's parameter metadata.

Numbers get a slider plus a spin box (unit suffix, min/max/step, description as tooltip); booleans a
check box; choices a combo box; derived parameters a read-only value. Every edit is a SetParameters
command; a slider drag carries one drag_id and closes the merge on release, so it is one undo step.
Lengths are shown in inches when the user prefers them; the document always stays in mm.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.commands import CommandStack, SetParameters
from core.document.document import Document, DocumentChange
from core.document.parameters import Parameter
from core.errors import PotStudioError
from desktop.i18n import number, say_error

log = logging.getLogger(__name__)
MM_PER_INCH = 25.4
SLIDER_STEPS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("ParametersPanel", text)


class NumberRow(QWidget):
    """Slider + spin box for one float/int parameter."""

    def __init__(self, param: Parameter, inches: bool, tip: str, push: Callable[[Any, str | None], None],
                 release: Callable[[], None]) -> None:
        super().__init__()
        self.param = param
        self.scale = 1 / MM_PER_INCH if inches and param.unit == "mm" else 1.0
        unit = "in" if self.scale != 1.0 else param.unit
        self._push = push
        self._release = release
        self._drag: str | None = None
        lo = param.min if param.min is not None else min(0.0, float(param.value))
        hi = param.max if param.max is not None else max(float(param.value) * 4, lo + 100)
        self.lo, self.hi = lo, hi
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"slider_{param.name}")
        self.slider.setRange(0, SLIDER_STEPS)
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName(f"spin_{param.name}")
        self.spin.setKeyboardTracking(False)
        decimals = 0 if param.kind == "int" else (3 if self.scale != 1.0 else 2)
        self.spin.setDecimals(decimals)
        self.spin.setRange(lo * self.scale, hi * self.scale)
        step = param.step or (1 if param.kind == "int" else _nice_step(hi - lo))
        self.spin.setSingleStep(step * self.scale)
        self.spin.setSuffix(f" {unit}" if unit else "")
        self.spin.setMinimumWidth(96)
        self.slider.setToolTip(tip)
        self.spin.setToolTip(tip)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)
        self.show_value(param.value)
        self.slider.sliderPressed.connect(self._press)
        self.slider.sliderReleased.connect(self._end_drag)
        self.slider.valueChanged.connect(self._slid)
        self.spin.valueChanged.connect(self._spun)

    def show_value(self, value: float) -> None:
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        self.spin.setValue(float(value) * self.scale)
        span = self.hi - self.lo
        self.slider.setValue(round((float(value) - self.lo) / span * SLIDER_STEPS) if span > 0 else 0)
        for w in (self.slider, self.spin):
            w.blockSignals(False)

    def _value_at(self, position: int) -> float:
        value = self.lo + (self.hi - self.lo) * position / SLIDER_STEPS
        step = self.param.step or (1 if self.param.kind == "int" else 0)
        if step:
            value = self.lo + round((value - self.lo) / step) * step
        return min(max(value, self.lo), self.hi)

    def _press(self) -> None:
        self._drag = uuid.uuid4().hex

    def _slid(self, position: int) -> None:
        self._push(self._value_at(position), self._drag)

    def _end_drag(self) -> None:
        self._drag = None
        self._release()

    def _spun(self, shown: float) -> None:
        self._push(shown / self.scale, None)


class ParametersPanel(QScrollArea):
    edit_failed = Signal(str)

    def __init__(self, doc: Document, stack: CommandStack, inches: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parametersPanel")
        self.setWidgetResizable(True)
        self.doc = doc
        self.stack = stack
        self.inches = inches
        self.lang = "en"  # "pt" shows the parameters' Portuguese labels and choice names
        self.rows: dict[str, QWidget] = {}
        doc.changed.connect(self._on_change)
        self.rebuild()

    def detach(self) -> None:
        self.doc.changed.disconnect(self._on_change)

    def set_inches(self, inches: bool) -> None:
        if inches != self.inches:
            self.inches = inches
            self.rebuild()

    def rebuild(self) -> None:
        self.rows.clear()
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 8, 8, 8)
        if not self.doc.params:
            hint = QLabel(tr("Describe a model in the chat, or open a project, to get its parameters here."))
            hint.setObjectName("emptyHint")
            hint.setWordWrap(True)
            outer.addWidget(hint)
        groups: dict[str, QFormLayout] = {}
        for param in self.doc.params.values():
            title = param.group or tr("Dimensions")
            if title not in groups:
                box = QGroupBox(title)
                groups[title] = QFormLayout(box)
                groups[title].setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                outer.addWidget(box)
            label = QLabel(param.label_in(self.lang))
            label.setToolTip(param.description_in(self.lang))
            groups[title].addRow(label, self._row(param))
        outer.addStretch(1)
        self.setWidget(body)

    def _row(self, param: Parameter) -> QWidget:
        row: QWidget
        if param.expr is not None:
            row = QLabel()
            row.setObjectName(f"derived_{param.name}")
            row.setToolTip(tr("Computed from {0}").format(param.expr))
        elif param.kind == "bool":
            row = QCheckBox()
            row.setObjectName(f"check_{param.name}")
            row.toggled.connect(lambda on, n=param.name: self._push(n, on, None))
        elif param.kind == "text":
            row = QLineEdit(str(param.value))
            row.setObjectName(f"text_{param.name}")
            if param.max is not None:
                row.setMaxLength(int(param.max))
            # One command per finished edit (Enter or leaving the field), not one per keystroke.
            row.editingFinished.connect(lambda n=param.name, w=row: self._push(n, w.text(), None)
                                        if w.text() != self.doc.values()[n] else None)
        elif param.kind == "choice":
            row = QComboBox()
            row.setObjectName(f"choice_{param.name}")
            row.addItems([param.choice_label(i, self.lang) for i in range(len(param.choices))])
            row.currentIndexChanged.connect(lambda i, n=param.name: self._push(n, i, None))
        else:
            row = NumberRow(param, self.inches, self._tip(param), lambda v, d, n=param.name: self._push(n, v, d),
                            self.stack.close_merge)
        row.setToolTip(self._tip(param))
        self.rows[param.name] = row
        self._show(param.name)
        return row

    def _show(self, name: str) -> None:
        row = self.rows.get(name)
        if row is None:
            return
        value = self.doc.values()[name]
        if isinstance(row, NumberRow):
            row.show_value(float(value))
        elif isinstance(row, QCheckBox):
            row.blockSignals(True)
            row.setChecked(bool(value))
            row.blockSignals(False)
        elif isinstance(row, QComboBox):
            row.blockSignals(True)
            row.setCurrentIndex(int(value))
            row.blockSignals(False)
        elif isinstance(row, QLineEdit):
            if row.text() != str(value):
                row.setText(str(value))
        elif isinstance(row, QLabel):
            row.setText(self._derived_text(self.doc.params[name], value))

    def _tip(self, param: Parameter) -> str:
        return param.description_in(self.lang) or param.label_in(self.lang)

    def _derived_text(self, param: Parameter, value: Any) -> str:
        """A computed value read as what it is: Yes/No, a choice's name, a count, a length in the units
        the spin boxes use (not "0.00" for a switch)."""
        if param.kind == "bool":
            return tr("Yes") if value else tr("No")
        if param.kind == "choice":
            return param.choice_label(int(value), self.lang)
        if param.kind == "text":
            return str(value)
        if param.kind == "int":
            return f"{int(value)} {param.unit}".strip()
        if self.inches and param.unit == "mm":
            return f"{number(float(value) / MM_PER_INCH, 3)} in"
        return f"{number(value, 2)} {param.unit}".strip()

    def _push(self, name: str, value: Any, drag_id: str | None) -> None:
        try:
            label = tr("Change {0}").format(self.doc.params[name].label_in(self.lang))  # Undo/History, UI language
            self.stack.push(SetParameters({name: value}, drag_id=drag_id, label=label))
        except PotStudioError as exc:
            self._show(name)  # put the widget back to the value the document kept
            self.edit_failed.emit(say_error(exc))

    def _on_change(self, change: DocumentChange) -> None:
        if change.kind in ("param", "node_changed"):
            for name in self.rows:
                self._show(name)  # derived values follow their inputs
        else:
            self.rebuild()


def _nice_step(span: float) -> float:
    for step in (0.01, 0.1, 0.5, 1.0, 5.0, 10.0):
        if span / step <= 1000:
            return step
    return 50.0
