"""The configured payment provider of a hub."""

from __future__ import annotations

from hub.config import HubConfig
from hub.payments.provider import PaymentProvider
from hub.payments.sandbox import SandboxProvider


def provider_for(config: HubConfig) -> PaymentProvider | None:
    """The provider a hub is configured with (`--payments`), or None when it takes no payments."""
    if config.payments == SandboxProvider.name:
        return SandboxProvider.from_hub_secret(config.jwt_secret, config.public_url)
    return None
