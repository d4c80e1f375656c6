"""The marketplace, sync and account in the main window, bound to one HubClient made off the GUI thread.

With a hub address in the settings the client is only an HTTP client, made on a worker right after
the first frame. With none, the app runs the built-in hub (desktop.embedded_hub) in this process; it
costs ~150 MB of memory and its first start seeds the catalogue (rendering hundreds of thumbnails), so
it starts when the user brings the marketplace to the front (or publishes, or opens Account), on a
worker, rather than at every launch.

Until a client exists the Marketplace dock holds a short placeholder and the sync indicator is absent.
Quit order: `detach()` (stop syncing, end live streams) before the window's workers stop, `stop()`
(close the client, stop the built-in hub) after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.document.document import Document
from core.geometry.build import Evaluator
from core.geometry.meshio import mesh_node
from core.settings import SettingsStore
from core.tasks import Task
from desktop.workers import Workers

if TYPE_CHECKING:
    import trimesh

    from desktop.embedded_hub import EmbeddedHub
    from desktop.panels.account import AccountPanel
    from desktop.panels.collab.bridge import SyncBridge
    from desktop.panels.collab.sync_indicator import SyncIndicator
    from desktop.panels.marketplace import MarketplacePanel, OpenedListing
    from desktop.panels.marketplace.publish import ProjectSnapshot
    from sync_client.client import HubClient
    from sync_client.outbox import ConflictRecord

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("HubHost", text)


def _connect(url: str, hub: EmbeddedHub | None, task: Task) -> HubClient:
    """Worker: a client for `url`, or the built-in hub started and signed into."""
    import desktop.panels.marketplace  # noqa: F401 - warm the widgets' imports here, not on the GUI thread
    from desktop.embedded_hub import open_embedded
    from sync_client.client import HubClient

    if hub is not None:
        return open_embedded(hub, task=task)
    return HubClient(url)


class HubHost(QObject):
    connected = Signal(object)  # HubClient: the panel, the indicator and the account view are in place
    open_in_studio = Signal(object)  # OpenedListing

    def __init__(self, window: QMainWindow, workers: Workers, settings: SettingsStore, evaluator: Evaluator,
                 project: Callable[[], tuple[str, Document, trimesh.Trimesh | None, QWidget]],
                 on_error: Callable[[str, BaseException], None]) -> None:
        """`project()` returns the open project's name, document, mesh on screen and the viewport widget."""
        super().__init__(window)
        self.window = window
        self.workers = workers
        self.settings = settings
        self.evaluator = evaluator
        self.project = project
        self.on_error = on_error
        self.client: HubClient | None = None
        self.embedded: EmbeddedHub | None = None
        self.panel: MarketplacePanel | None = None
        self.bridge: SyncBridge | None = None
        self.indicator: SyncIndicator | None = None
        self.account: AccountPanel | None = None
        self.account_dialog: QDialog | None = None
        self.remix_of: int | None = None  # the listing the open project came from, credited when published
        self.connecting = False
        self.armed = False  # the window's dock layout is settled: a visible tab now means the user chose it
        self._publish_when_ready = False
        self._closed = False
        self.placeholder = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True,
                                  objectName="marketPlaceholder")
        self.slot = QDockWidget(window)
        self.slot.setObjectName("dock_marketplace")
        self.slot.setWidget(self.placeholder)
        # The panel's filter row needs ~600 px; in a scroll area the dock can share a narrower column
        # with Parameters and Printers (it scrolls sideways there) instead of widening it for every tab.
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.slot.visibilityChanged.connect(self._visible)
        self.retranslate()

    # --- starting ------------------------------------------------------------------------------------
    def start_in_background(self) -> None:
        """After the first frame: a configured hub is only a client to make, so connect at once (its sync
        runs from then on); the built-in hub waits until the marketplace is in front."""
        self.armed = True
        in_front = not self.slot.isHidden() and not self.slot.visibleRegion().isEmpty()
        if in_front or self.settings.settings.hub_url:
            self.connect_hub()

    def _visible(self, visible: bool) -> None:
        if visible and self.armed:
            self.connect_hub()
            self._widen()

    def _widen(self) -> None:
        """Brought to the front: make room for the whole filter row if the window can spare it (the
        viewport keeps at least as much width as this column)."""
        if self.panel is None:
            return
        central = self.window.centralWidget()
        room = (central.width() + self.slot.width()) // 2 if central is not None else self.slot.width()
        want = min(self.panel.minimumSizeHint().width() + 24, room)
        if self.slot.width() < want:
            self.window.resizeDocks([self.slot], [want], Qt.Orientation.Horizontal)

    def connect_hub(self) -> None:
        if self.client is not None or self.connecting or self._closed:
            return
        from desktop.embedded_hub import EmbeddedHub

        url = self.settings.settings.hub_url
        self.embedded = None if url else EmbeddedHub()
        hub = self.embedded
        self.connecting = True
        self.placeholder.setText(tr("Starting the marketplace…"))
        job = self.workers.submit(tr("Starting the marketplace"), lambda task: _connect(url, hub, task),
                                  self.use_client, self._connect_failed)
        job.progressed.connect(lambda _f, message: self.placeholder.setText(message or self.placeholder.text()))
        job.ended.connect(lambda: setattr(self, "connecting", False))

    def _connect_failed(self, exc: BaseException) -> None:
        self.placeholder.setText(tr("The marketplace could not start: {0}").format(exc))
        self.on_error(tr("Marketplace"), exc)

    def use_client(self, client: HubClient) -> None:
        """Bind the marketplace, sync and account views to `client` (a test may hand one in directly)."""
        from desktop.panels.collab.bridge import SyncBridge
        from desktop.panels.collab.sync_indicator import SyncIndicator
        from desktop.panels.marketplace import MarketplacePanel

        if self._closed:
            client.close()
            return
        self.client = client
        panel = MarketplacePanel(client, self.workers, snapshot=self.snapshot)
        panel.open_in_studio.connect(self.open_in_studio)
        self.scroll.setWidget(panel)
        self.slot.setWidget(self.scroll)  # the placeholder stays a hidden child, for a change of server
        self.panel = panel
        self.bridge = SyncBridge(client.sync, self.workers, parent=self)
        self.indicator = SyncIndicator(self.bridge)
        self.indicator.conflict_opened.connect(self._conflict)
        self.window.statusBar().addPermanentWidget(self.indicator)
        self.bridge.start()
        if not self.slot.visibleRegion().isEmpty():
            self._widen()
        if self.account is not None:
            self.account.set_client(client, self.settings.settings.hub_url)
        self.connected.emit(client)
        if self._publish_when_ready:
            self._publish_when_ready = False
            panel.publish()

    def snapshot(self) -> ProjectSnapshot | None:
        """What "Publish" reads: the project as it is now, with the viewport as its picture."""
        from desktop.panels.marketplace.publish import ProjectSnapshot

        name, doc, mesh, view = self.project()
        if mesh is None:
            return None
        return ProjectSnapshot(name, mesh, doc.copy(), view.grab().toImage(), self.remix_of)

    def _conflict(self, record: ConflictRecord) -> None:
        from desktop.panels.collab.conflict import ConflictView

        view = ConflictView(record, self.workers, self.evaluator, self.window)
        bridge = self.bridge
        if bridge is not None:
            view.chosen.connect(lambda keep: bridge.resolve(record, keep))
        view.finished.connect(view.deleteLater)
        view.open()

    # --- actions -------------------------------------------------------------------------------------
    def show(self) -> None:
        self.armed = True
        self.slot.show()
        self.slot.raise_()
        self.connect_hub()

    def publish(self) -> None:
        """The "Publish" action: the marketplace's publish dialog for the current project."""
        self.show()
        if self.panel is not None:
            self.panel.publish()
        else:
            self._publish_when_ready = True

    def open_account(self) -> QDialog:
        from desktop.panels.account import AccountPanel

        self.connect_hub()
        dialog = QDialog(self.window)
        dialog.setObjectName("accountDialog")
        dialog.setWindowTitle(tr("Account and Server"))
        self.account = AccountPanel(self.client, self.workers, self.settings.settings.hub_url)
        self.account.server_changed.connect(self._server_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(self.account)
        layout.addWidget(buttons)
        dialog.finished.connect(self._account_closed)
        dialog.resize(520, 380)
        self.account_dialog = dialog
        dialog.open()
        return dialog

    def _account_closed(self) -> None:
        if self.account_dialog is not None:
            self.account_dialog.deleteLater()
        self.account_dialog = self.account = None

    def _server_changed(self, url: str) -> None:
        """Save the new address and start over with a client for it (the old one is closed on a worker)."""
        current = self.settings.settings
        try:
            self.settings.update(current.model_copy(update={"hub_url": url}))
        except Exception as exc:
            self.on_error(tr("Account"), exc)
            return
        self._release()
        self.slot.setWidget(self.placeholder)
        self.placeholder.show()
        self.connect_hub()

    def retranslate(self) -> None:
        self.slot.setWindowTitle(tr("Marketplace"))
        if self.client is None and not self.connecting:
            self.placeholder.setText(tr("Browse and publish printable models. The marketplace starts when you "
                                        "open this tab."))

    # --- quitting --------------------------------------------------------------------------------------
    def _release(self) -> None:
        """Let go of the current client's views (the client and hub themselves stop in `stop`)."""
        if self.bridge is not None:
            self.bridge.close()
        if self.indicator is not None:
            self.window.statusBar().removeWidget(self.indicator)
            self.indicator.deleteLater()
        if self.panel is not None:
            self.scroll.takeWidget()
            self.panel.deleteLater()
        client, embedded = self.client, self.embedded
        self.client = self.embedded = None
        self.panel = self.bridge = self.indicator = None
        if client is not None or embedded is not None:
            self.workers.submit(tr("Disconnecting"), lambda _t: _close(client, embedded), lambda _r: None,
                                show=False)

    def detach(self) -> None:
        """First on quit: stop syncing and end the live streams (they run on the bridge's own pool)."""
        self._closed = True
        if self.bridge is not None:
            self.bridge.close()
            self.bridge = None

    def stop(self) -> None:
        """Last on quit, after the window's workers: close the client, then stop the built-in hub."""
        _close(self.client, self.embedded)
        self.client = self.embedded = None


def listing_document(opened: OpenedListing) -> Document | None:
    """What "Open in Studio" opens: the listing's parametric document, else its mesh as the one part."""
    doc = opened.document
    if doc is None:
        if opened.mesh is None:
            return None
        doc = Document(name=opened.listing.title)
        doc.root.children.append(mesh_node(opened.mesh, opened.listing.title))
    doc.name = opened.listing.title
    return doc


def _close(client: HubClient | None, embedded: EmbeddedHub | None) -> None:
    if client is not None:
        client.close()
    if embedded is not None:
        embedded.stop()
