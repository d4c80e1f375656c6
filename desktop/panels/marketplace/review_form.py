"""The "Write a review" form under a listing's reviews.

Who may review is the hub's decision (only people who downloaded or bought the model), so the form
is always offered and a refusal is explained in place — with what to do about it — rather than
hidden behind a guess the app would have to keep in step with the hub.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.panels.marketplace.common import error_text, tr
from sync_client.errors import NotSignedIn, PermissionDenied

MAX_BODY = 4000


def refusal_text(exc: BaseException) -> str:
    """Why a review was not posted, in terms of what the person can do next."""
    if isinstance(exc, NotSignedIn):
        return tr("Sign in (Account) to write a review.")
    if isinstance(exc, PermissionDenied):
        return tr("Only people who downloaded or bought this model can review it. Open it in the Studio "
                  "(or buy it) first, then tell others how it printed.")
    return error_text(exc)


class ReviewForm(QWidget):
    submitted = Signal(int, str)  # rating 1..5, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewForm")
        self.rating = QComboBox(objectName="reviewRating")
        for stars in range(5, 0, -1):
            self.rating.addItem("★" * stars + "☆" * (5 - stars), stars)
        self.body = QPlainTextEdit(objectName="reviewBody")
        self.body.setMaximumHeight(90)
        self.post = QPushButton(objectName="postReview")
        self.post.clicked.connect(self._submit)
        self.message = QLabel(objectName="reviewMessage", wordWrap=True, visible=False)
        self.rating_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.rating_label)
        row.addWidget(self.rating)
        row.addStretch(1)
        row.addWidget(self.post)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.body)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.body.setPlaceholderText(tr("How did it print? Settings, material, fit…"))
        self.post.setText(tr("Post review"))
        self.rating_label.setText(tr("Your rating:"))

    def _submit(self) -> None:
        text = self.body.toPlainText().strip()
        if len(text) > MAX_BODY:
            self._say(tr("A review can be at most {0} characters long.").format(MAX_BODY), error=True)
            return
        self.post.setEnabled(False)
        self._say(tr("Posting…"))
        self.submitted.emit(int(self.rating.currentData()), text)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("kind", "error" if error else "info")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def reset(self) -> None:
        """A new listing is shown: an empty form."""
        self.body.clear()
        self.rating.setCurrentIndex(0)
        self.post.setEnabled(True)
        self._say("")

    def posted(self) -> None:
        self.body.clear()
        self.post.setEnabled(True)
        self._say(tr("Thank you — your review is posted."))

    def refused(self, exc: BaseException) -> None:
        self.post.setEnabled(True)
        self._say(refusal_text(exc), error=True)
