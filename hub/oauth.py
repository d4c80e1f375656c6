"""The hub as an OAuth 2.0 authorization server, built from Authlib's grants (no hand-rolled OAuth).

Authlib ships integrations for Flask and Django only, so this module supplies the small framework
glue (request wrapper, response mapping) for Starlette. Grants:
- authorization code + PKCE S256 for the desktop app's loopback redirect (RFC 7636, RFC 8252); the
  redirect URI is checked by hub.redirects, PKCE is mandatory, and no parameter may come twice;
- device authorization for the CLI (RFC 8628);
- refresh token with rotation: each refresh spends the presented token; presenting a spent one
  revokes the whole family (RFC 9700 §4.14.2), because only a thief replays an old token.
A server instance is built per request around that request's DB session.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections import defaultdict
from typing import Any

from authlib.oauth2 import AuthorizationServer, OAuth2Request
from authlib.oauth2.rfc6749 import InvalidRequestError, grants
from authlib.oauth2.rfc6749.requests import OAuth2Payload
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc8628 import DeviceAuthorizationEndpoint, DeviceCodeGrant
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from starlette.responses import JSONResponse, Response

from hub.config import ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_DAYS, HubConfig
from hub.errors import error_body
from hub.models import AuthCode, DeviceGrant, OAuthClient, RefreshToken, User
from hub.redirects import redirect_uri_problem
from hub.security import issue_access_token

CODE_SECONDS = 120


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class HubPayload(OAuth2Payload):
    """Every value of every parameter, so a repeated one (`redirect_uri` twice) is seen and refused
    (RFC 6749 §3.1) instead of one copy being checked and another used."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self._datalist: defaultdict[str, list[str]] = defaultdict(list)
        for key, value in items:
            self._datalist[key].append(value)
        self._data = {key: values[0] for key, values in self._datalist.items()}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._datalist


class HubRequest(OAuth2Request):
    """An OAuth2Request over an already-read Starlette request (query and form as (name, value) pairs)."""

    def __init__(self, method: str, url: str, headers: Any, query: list[tuple[str, str]],
                 form: list[tuple[str, str]]) -> None:
        super().__init__(method, url, headers=headers)
        self._query = dict(query)
        self._form = dict(form)
        self.payload = HubPayload(query + form)

    @property
    def args(self) -> dict[str, str]:
        return self._query

    @property
    def form(self) -> dict[str, str]:
        return self._form


class S256Only(CodeChallenge):
    """PKCE is required on every authorization request, with S256 only: without it, or with `plain`,
    an intercepted code could be redeemed (RFC 9700 §2.1.1). A missing method means `plain` (RFC 7636
    §4.3), so it is refused too rather than read as S256."""

    DEFAULT_CODE_CHALLENGE_METHOD = "S256"
    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: grants.AuthorizationCodeGrant, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: send a code_challenge (RFC 7636).")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("Only code_challenge_method=S256 is supported.")
        super().validate_code_challenge(grant, redirect_uri)


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    def validate_authorization_redirect_uri(self, request: OAuth2Request, client: OAuthClient) -> str:
        """Authlib's check with the reason said: a developer learns why a URI is refused."""
        uri = request.payload.redirect_uri
        if not uri:
            raise InvalidRequestError("Missing 'redirect_uri' in request.")
        problem = redirect_uri_problem(uri, client.redirect_paths.split())
        if problem:
            raise InvalidRequestError(problem)
        return str(uri)

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        data = request.payload.data
        db = self.server.db
        db.add(AuthCode(
            code=code, client_id=request.client.client_id, user_id=request.user.id,
            redirect_uri=request.payload.redirect_uri or "", scope=request.payload.scope or "",
            code_challenge=data.get("code_challenge", ""),
            code_challenge_method=data.get("code_challenge_method", "S256"),
            expires_at=time.time() + CODE_SECONDS,
        ))
        db.commit()

    def query_authorization_code(self, code: str, client: OAuthClient) -> AuthCode | None:
        item = self.server.db.get(AuthCode, code)
        if item is None or item.client_id != client.client_id or item.expires_at < time.time():
            return None
        return item

    def delete_authorization_code(self, authorization_code: AuthCode) -> None:
        self.server.db.delete(authorization_code)
        self.server.db.commit()

    def authenticate_user(self, authorization_code: AuthCode) -> User | None:
        return self.server.db.get(User, authorization_code.user_id)


class RotatingRefreshGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]
    INCLUDE_NEW_REFRESH_TOKEN = True

    def authenticate_refresh_token(self, refresh_token: str) -> RefreshToken | None:
        db: Session = self.server.db
        item = db.get(RefreshToken, token_hash(refresh_token))
        if item is None or item.revoked or item.is_expired():
            return None
        if item.used:
            db.execute(update(RefreshToken).where(RefreshToken.family == item.family).values(revoked=True))
            db.commit()
            return None
        return item

    def authenticate_user(self, refresh_token: RefreshToken) -> User | None:
        return self.server.db.get(User, refresh_token.user_id)

    def revoke_old_credential(self, refresh_token: RefreshToken) -> None:
        refresh_token.used = True
        self.server.db.commit()


class DeviceGrantType(DeviceCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    def query_device_credential(self, device_code: str) -> DeviceGrant | None:
        return self.server.db.get(DeviceGrant, device_code)

    def query_user_grant(self, user_code: str) -> tuple[User, bool] | None:
        db: Session = self.server.db
        grant = db.scalar(select(DeviceGrant).where(DeviceGrant.user_code == user_code))
        if grant is None or grant.approved is None or grant.user_id is None:
            return None
        user = db.get(User, grant.user_id)
        return (user, bool(grant.approved)) if user is not None else None

    def should_slow_down(self, credential: DeviceGrant) -> bool:
        now = time.time()
        too_fast = now - credential.last_poll < credential.interval
        credential.last_poll = now
        self.server.db.commit()
        return too_fast

    def create_token_response(self) -> tuple[int, dict[str, Any], list[tuple[str, str]]]:
        result = super().create_token_response()
        self.server.db.delete(self.request.credential)  # a device code is good for one token only
        self.server.db.commit()
        return result  # type: ignore[no-any-return]


class DeviceEndpoint(DeviceAuthorizationEndpoint):
    def get_verification_uri(self) -> str:
        return f"{self.server.config.public_url}/device"

    def save_device_credential(self, client_id: str, scope: str | None, data: dict[str, Any]) -> None:
        db: Session = self.server.db
        db.add(DeviceGrant(
            device_code=data["device_code"], user_code=data["user_code"], client_id=client_id, scope=scope or "",
            expires_at=time.time() + data["expires_in"], interval=data["interval"],
        ))
        db.commit()


class HubAuthServer(AuthorizationServer):
    def __init__(self, db: Session, config: HubConfig) -> None:
        super().__init__(scopes_supported=None)
        self.db = db
        self.config = config
        self.register_token_generator("default", self._generate)
        self.register_grant(CodeGrant, [S256Only(required=True)])
        self.register_grant(RotatingRefreshGrant)
        self.register_grant(DeviceGrantType)
        endpoint = DeviceEndpoint(self)
        endpoint.INTERVAL = config.device_poll_interval
        self.register_endpoint(endpoint)

    def create_oauth2_request(self, request: OAuth2Request) -> OAuth2Request:
        """Routes read the body (async) and hand over a HubRequest; nothing is left to convert."""
        if not isinstance(request, OAuth2Request):
            raise TypeError("HubAuthServer expects a HubRequest built by the route")
        return request

    def query_client(self, client_id: str) -> OAuthClient | None:
        return self.db.get(OAuthClient, client_id)

    def _generate(self, grant_type: str, client: OAuthClient, user: User | None = None, scope: str | None = None,
                  expires_in: int | None = None, include_refresh_token: bool = True) -> dict[str, Any]:
        assert user is not None, "every grant here acts for a user"
        token: dict[str, Any] = {
            "token_type": "Bearer",
            "access_token": issue_access_token(self.config.jwt_secret, self.config.public_url, user,
                                               client.client_id, scope or ""),
            "expires_in": ACCESS_TOKEN_SECONDS,
            "scope": scope or "",
        }
        if include_refresh_token:
            token["refresh_token"] = secrets.token_urlsafe(32)
        return token

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        if "refresh_token" not in token:
            return
        previous = request.refresh_token
        family = previous.family if isinstance(previous, RefreshToken) else uuid.uuid4().hex
        self.db.add(RefreshToken(
            token_hash=token_hash(token["refresh_token"]), family=family, client_id=request.client.client_id,
            user_id=request.user.id, scope=token.get("scope", ""),
            expires_at=time.time() + REFRESH_TOKEN_DAYS * 86400,
        ))
        self.db.commit()

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Authlib's hook for framework signals; the hub has no listeners."""

    def handle_response(self, status: int, body: Any, headers: Any) -> Response:
        header_map = dict(headers or [])
        if isinstance(body, dict):
            header_map.pop("Content-Type", None)
            if "error" in body and isinstance(body["error"], str):
                message = body.get("error_description") or body["error"].replace("_", " ").capitalize() + "."
                body = error_body(body["error"], message)
            return JSONResponse(body, status, headers=header_map)
        return Response(body or b"", status, headers=header_map)

    def revoke_family_of(self, refresh_token: str) -> bool:
        """Sign-out: revoke the token's whole family; True when the token was known."""
        item = self.db.get(RefreshToken, token_hash(refresh_token))
        if item is None:
            return False
        self.db.execute(update(RefreshToken).where(RefreshToken.family == item.family).values(revoked=True))
        self.db.commit()
        return True
