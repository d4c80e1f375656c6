"""Accounts and the OAuth 2.0 state: clients, authorization codes, device grants, refresh tokens.

Refresh tokens are stored as sha256 digests only; a leaked database does not hand out sessions.
Each rotation keeps the `family` so reuse of a spent token can revoke every descendant (RFC 9700 §4.14).
"""

from __future__ import annotations

import time
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.db import Base, utcnow


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True, index=True)
    display_name: Mapped[str] = mapped_column(String(80), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def get_user_id(self) -> int:  # Authlib asks the user object for this
        return self.id


class OAuthClient(Base):
    """A public client (desktop app, CLI); it proves itself with PKCE, not a secret."""

    __tablename__ = "oauth_clients"
    client_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    redirect_paths: Mapped[str] = mapped_column(Text, default="")  # space-separated loopback paths
    grant_types: Mapped[str] = mapped_column(Text, default="")  # space-separated

    # --- Authlib ClientMixin -------------------------------------------------------------------
    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str | None:
        return None

    def get_allowed_scope(self, scope: str | None) -> str:
        return scope or ""

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        """RFC 8252 §7.3: a loopback redirect matches whatever port the app opened (see hub.redirects)."""
        from hub.redirects import redirect_uri_problem

        return redirect_uri_problem(redirect_uri, self.redirect_paths.split()) is None

    def check_client_secret(self, client_secret: str) -> bool:
        return False

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code" and "authorization_code" in self.grant_types.split()

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in self.grant_types.split()


class AuthCode(Base):
    __tablename__ = "oauth_codes"
    code: Mapped[str] = mapped_column(String(120), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oauth_clients.client_id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    redirect_uri: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text, default="")
    code_challenge: Mapped[str] = mapped_column(String(128))
    code_challenge_method: Mapped[str] = mapped_column(String(10))
    expires_at: Mapped[float] = mapped_column(Float)

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope


class DeviceGrant(Base):
    """RFC 8628 state; `approved` is None until the user answers on the verification page."""

    __tablename__ = "oauth_device_grants"
    device_code: Mapped[str] = mapped_column(String(120), primary_key=True)
    user_code: Mapped[str] = mapped_column(String(20), unique=True, index=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oauth_clients.client_id"))
    scope: Mapped[str] = mapped_column(Text, default="")
    expires_at: Mapped[float] = mapped_column(Float)
    interval: Mapped[int] = mapped_column(Integer, default=5)
    last_poll: Mapped[float] = mapped_column(Float, default=0.0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=True)
    approved: Mapped[bool | None] = mapped_column(Boolean, nullable=True)

    # --- Authlib DeviceCredentialMixin --------------------------------------------------------
    def get_client_id(self) -> str:
        return self.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_user_code(self) -> str:
        return self.user_code

    def is_expired(self) -> bool:
        return self.expires_at < time.time()


class RefreshToken(Base):
    __tablename__ = "oauth_refresh_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    family: Mapped[str] = mapped_column(String(40), index=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oauth_clients.client_id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(Text, default="")
    expires_at: Mapped[float] = mapped_column(Float)
    used: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    # --- Authlib TokenMixin --------------------------------------------------------------------
    def check_client(self, client: OAuthClient) -> bool:
        return self.client_id == client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return int(self.expires_at - time.time())

    def is_expired(self) -> bool:
        return self.expires_at < time.time()

    def is_revoked(self) -> bool:
        return self.revoked
