"""Payment providers: where a buyer pays for a paid listing, and how the hub learns that they did.

The hub never sees card details. It asks the configured provider for a hosted checkout page, sends
the buyer there, and marks the purchase paid only when the provider's signed webhook says so
(hub.routers.buying). `test` is the provider of the embedded hub and the tests; a hub started
without a provider refuses to sell, so paid listings are never free by accident.

This module stays import-light (the command line reads PROVIDERS); hub.payments.registry builds them.
"""

PROVIDERS = ("test",)
