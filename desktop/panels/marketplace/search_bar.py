"""The search row and its filters. Typing waits for a short pause (debounce) before searching so
a fast typist does not fire one request per key, yet results still feel instant; changing a
filter searches at once. The filters sit behind a "Filters" toggle and wrap when shown: the dock
column can be ~320 px wide and short, and the results need that room more than six idle controls."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.flow import FlowLayout
from desktop.panels.marketplace.common import LICENCES, SORTS, licence_label, sort_label, tr
from sync_client.models import Category

DEBOUNCE_MS = 250
MIN_CHARS, MAX_CHARS = 10, 26  # a filter combo's width in characters: its entry's, within these bounds


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    category: str | None = None
    tag: str | None = None
    licence: str | None = None
    price: str | None = None
    has_parameters: bool | None = None
    sort: str = "relevance"


class SearchBar(QWidget):
    changed = Signal(object)  # SearchQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = QLineEdit(objectName="marketSearch")
        self.input.setClearButtonEnabled(True)
        self.category = QComboBox(objectName="marketCategory")
        self.tag = QLineEdit(objectName="marketTag")
        self.licence = QComboBox(objectName="marketLicence")
        self.price = QComboBox(objectName="marketPrice")
        self.parametric = QCheckBox(objectName="marketParametric")
        self.sort = QComboBox(objectName="marketSort")
        self.filters_button = QToolButton(objectName="marketFiltersToggle", checkable=True)
        self.filters = QWidget(objectName="marketFilters", visible=False)
        self.filters_button.toggled.connect(self.filters.setVisible)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.input.textChanged.connect(lambda _: self._debounce.start())
        self.tag.textChanged.connect(lambda _: self._debounce.start())
        self.input.returnPressed.connect(self._emit)
        for combo in (self.category, self.licence, self.price, self.sort):
            combo.currentIndexChanged.connect(lambda _: self._emit())
        self.parametric.toggled.connect(lambda _: self._emit())
        for combo in (self.category, self.licence, self.price, self.sort):
            # sized by the chosen entry, not the longest one, so the row fits a narrow dock column
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(MIN_CHARS)
            combo.currentIndexChanged.connect(lambda _, c=combo: self._fit(c))
        self.tag.setMaximumWidth(140)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.input, 1)
        top.addWidget(self.filters_button)
        filters = FlowLayout(self.filters)  # one row in a wide dock, wrapped onto more lines in a narrow one
        for widget in (self.sort, self.category, self.tag, self.licence, self.price, self.parametric):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        self._categories: list[Category] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.input.setPlaceholderText(tr("Search planters, vases, organisers…"))
        self.tag.setPlaceholderText(tr("Tag"))
        self.parametric.setText(tr("Editable parameters"))
        self.parametric.setToolTip(tr("Only models made in the Studio, which open with their parameters"))
        self._fill(self.licence, [(tr("Any licence"), None)] + [(licence_label(x), x) for x in LICENCES])
        self._fill(self.price, [(tr("Free and paid"), None), (tr("Free"), "free"), (tr("Paid"), "paid")])
        self._fill(self.sort, [(sort_label(s), s) for s in SORTS])
        self.set_categories(self._categories)
        self._show_active()

    def _show_active(self) -> None:
        """With the filters folded away, the button still says how many are narrowing the results."""
        q = self.query()
        active = sum(x is not None for x in (q.category, q.tag, q.licence, q.price, q.has_parameters))
        active += q.sort != "relevance"
        self.filters_button.setText(tr("Filters ({0})").format(active) if active else tr("Filters"))

    def set_categories(self, categories: list[Category]) -> None:
        """Sub-categories are indented under their parent, so the tree shows in a flat combo."""
        self._categories = list(categories)
        children: dict[str | None, list[Category]] = {}
        for cat in categories:
            children.setdefault(cat.parent, []).append(cat)
        items: list[tuple[str, str | None]] = [(tr("All categories"), None)]

        def walk(parent: str | None, depth: int) -> None:
            for cat in sorted(children.get(parent, []), key=lambda c: c.title):
                items.append(("    " * depth + cat.title, cat.slug))
                walk(cat.slug, depth + 1)

        walk(None, 0)
        self._fill(self.category, items)

    @classmethod
    def _fill(cls, combo: QComboBox, items: list[tuple[str, str | None]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        cls._fit(combo)

    @staticmethod
    def _fit(combo: QComboBox) -> None:
        """As wide as the entry it shows: a fixed 10 characters cut "Todas as categorias" and
        "Qualquer licença" off mid-word, so a designer could not read which filter was set."""
        combo.setMinimumContentsLength(max(MIN_CHARS, min(MAX_CHARS, len(combo.currentText()))))

    def query(self) -> SearchQuery:
        return SearchQuery(
            text=self.input.text().strip(), category=self.category.currentData(),
            tag=self.tag.text().strip() or None, licence=self.licence.currentData(),
            price=self.price.currentData(), has_parameters=True if self.parametric.isChecked() else None,
            sort=self.sort.currentData() or "relevance")

    def _emit(self) -> None:
        self._debounce.stop()
        self._show_active()
        self.changed.emit(self.query())

    def settle(self) -> SearchQuery | None:
        """The query typed but not yet searched (the pause has not ended), taken now; None when nothing waits."""
        if not self._debounce.isActive():
            return None
        self._debounce.stop()
        self._show_active()
        return self.query()
