"""Numeric move/rotate/scale for a transform node, with snapping (1 mm, 15°, 5 %).

Each spin-box change is an UpdateNode command; held arrows / wheel turns on the same field share a
drag id, so nudging a part 20 times is one undo step. Values that are expressions ("=height/2") are
shown read-only: overwriting a formula by accident would silently break the design intent.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QWidget

from core.commands import CommandStack, UpdateNode
from core.document.document import Document
from core.document.nodes import is_expression
from core.errors import PotStudioError
from desktop.i18n import say_error

FIELDS = (("translate", 0.0, 1.0, " mm"), ("rotate", 0.0, 15.0, "°"), ("scale", 1.0, 0.05, ""))


def tr(text: str) -> str:
    return QCoreApplication.translate("TransformEditor", text)


class TransformEditor(QGroupBox):
    edit_failed = Signal(str)

    def __init__(self, doc: Document, stack: CommandStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transformEditor")
        self.doc = doc
        self.stack = stack
        self.node_id: str | None = None
        self._drag: tuple[str, str] | None = None
        self.snap = QCheckBox()
        self.snap.setChecked(True)
        self.snap.toggled.connect(self._apply_snap)
        grid = QGridLayout(self)
        self.labels: dict[str, QLabel] = {}
        self.spins: dict[str, list[QDoubleSpinBox]] = {}
        for row, (name, _default, _snap, suffix) in enumerate(FIELDS):
            self.labels[name] = QLabel()
            grid.addWidget(self.labels[name], row, 0)
            spins = []
            for axis in range(3):
                spin = QDoubleSpinBox()
                spin.setObjectName(f"{name}_{'xyz'[axis]}")
                spin.setRange(-10000, 10000)
                spin.setDecimals(2)
                spin.setSuffix(suffix)
                spin.setKeyboardTracking(False)
                spin.valueChanged.connect(lambda _v, n=name: self._edited(n))
                grid.addWidget(spin, row, axis + 1)
                spins.append(spin)
            self.spins[name] = spins
        grid.addWidget(self.snap, len(FIELDS), 0, 1, 4)
        self._apply_snap(True)
        self.retranslate()
        self.set_node(None)

    def detach(self) -> None:
        self.node_id = None

    def retranslate(self) -> None:
        self.setTitle(tr("Transform"))
        self.labels["translate"].setText(tr("Move"))
        self.labels["rotate"].setText(tr("Rotate"))
        self.labels["scale"].setText(tr("Scale"))
        self.snap.setText(tr("Snap (1 mm, 15°, 5 %)"))

    def set_node(self, node_id: str | None) -> None:
        is_transform = node_id is not None and self.doc.node(node_id).type == "transform"
        self.node_id = node_id if is_transform else None
        self._drag = None
        self.setVisible(is_transform)
        self.refresh()

    def refresh(self) -> None:
        if self.node_id is None:
            return
        props = self.doc.node(self.node_id).props
        for name, default, _snap, _suffix in FIELDS:
            value: Any = props.get(name, [default] * 3)
            if not isinstance(value, list):
                value = [value] * 3
            for spin, v in zip(self.spins[name], value, strict=True):
                with QSignalBlocker(spin):
                    spin.setReadOnly(is_expression(v))
                    spin.setValue(0.0 if is_expression(v) else float(v))
                    spin.setToolTip(str(v) if is_expression(v) else "")

    def _apply_snap(self, on: bool) -> None:
        for name, _default, snap, _suffix in FIELDS:
            for spin in self.spins[name]:
                spin.setSingleStep(snap if on else snap / 10)

    def _edited(self, name: str) -> None:
        if self.node_id is None:
            return
        node = self.doc.node(self.node_id)
        old = node.props.get(name)
        old_list = old if isinstance(old, list) else [old] * 3 if old is not None else [None] * 3
        snap = dict((n, s) for n, _d, s, _x in FIELDS)[name]
        values: list[Any] = []
        for spin, previous in zip(self.spins[name], old_list, strict=True):
            if is_expression(previous):
                values.append(previous)
                continue
            v = spin.value()
            values.append(round(v / snap) * snap if self.snap.isChecked() else v)
        if self._drag is None or self._drag[0] != name:
            self._drag = (name, uuid.uuid4().hex)
        label = {"translate": tr("Move part"), "rotate": tr("Rotate part"), "scale": tr("Scale part")}[name]
        try:
            self.stack.push(UpdateNode(self.node_id, props={name: values}, drag_id=self._drag[1], label=label))
        except PotStudioError as exc:
            self.edit_failed.emit(say_error(exc))
            self.refresh()
