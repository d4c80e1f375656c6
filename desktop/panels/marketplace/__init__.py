"""The marketplace dock: search, browse, open in Studio, like/collect, publish.

Binds to a sync_client.HubClient for every hub call and to desktop.workers.Workers so no network
work runs on the GUI thread. The lead's main window only needs `MarketplacePanel` and its
`open_in_studio` signal; everything else here is internal to the panel.
"""

from desktop.panels.marketplace.panel import MarketplacePanel, OpenedListing

__all__ = ["MarketplacePanel", "OpenedListing"]
