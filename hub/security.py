"""Passwords (argon2), the 15-minute access JWT, and the FastAPI dependencies that read it.

Access tokens are self-contained JWTs so API calls need no token lookup; revocation happens on the
refresh side, which is why the access lifetime is short.

The token is read through a FastAPI security scheme (OAuth 2.0 authorization code), so the OpenAPI
document names the scheme and lists it on every operation that reads a token; declare_sign_in adds
what FastAPI cannot say by itself: where a token is optional, and the 401 a bad token gets.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Annotated

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter, Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import OAuth2AuthorizationCodeBearer
from sqlalchemy.orm import Session

from hub.config import ACCESS_TOKEN_SECONDS
from hub.errors import ERROR_SCHEMA, ApiError
from hub.models import User

_hasher = PasswordHasher()
ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(hash_: str, password: str) -> bool:
    try:
        return _hasher.verify(hash_, password)
    except (VerificationError, InvalidHashError):
        return False


def issue_access_token(secret: str, issuer: str, user: User, client_id: str, scope: str) -> str:
    now = int(time.time())
    claims = {
        "iss": issuer, "sub": str(user.id), "name": user.username, "client_id": client_id, "scope": scope,
        "iat": now, "exp": now + ACCESS_TOKEN_SECONDS,
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; handlers commit what they change."""
    with request.app.state.hub.sessions() as session:
        yield session


DB = Annotated[Session, Depends(get_session)]


OAUTH2 = OAuth2AuthorizationCodeBearer(
    authorizationUrl="/oauth/authorize", tokenUrl="/oauth/token", refreshUrl="/oauth/token", scheme_name="oauth2",
    auto_error=False,  # no token is fine where a route allows it: current_user says when one is required
    description="Authorization code with PKCE (S256 only, required) and a loopback redirect "
                "(http://127.0.0.1:PORT/callback, RFC 8252) for apps; the device grant (RFC 8628, "
                "/oauth/device_authorization) for command lines. Either gives a 15-minute access token sent as "
                "`Authorization: Bearer <token>` and a rotating refresh token.")
Token = Annotated[str | None, Depends(OAUTH2)]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return token.strip()


def optional_user(request: Request, db: DB, _documented: Token = None) -> User | None:
    """The signed-in user, or None without a token. Reads the header itself (`_documented` only puts
    the scheme in OpenAPI), so routes that open their own session can call it directly too."""
    token = _bearer(request)
    if token is None:
        return None
    hub = request.app.state.hub
    try:
        claims = jwt.decode(token, hub.config.jwt_secret, algorithms=[ALGORITHM], issuer=hub.config.public_url,
                            options={"require": ["exp", "sub"]})
    except jwt.ExpiredSignatureError:
        raise _unauthorised("invalid_token", "The access token has expired; refresh it.") from None
    except jwt.PyJWTError:
        raise _unauthorised("invalid_token", "The access token is not valid.") from None
    user = db.get(User, int(claims["sub"]))
    if user is None:
        raise _unauthorised("invalid_token", "The account behind this token no longer exists.")
    return user


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise _unauthorised("unauthorized", "Sign in to do this.")
    return user


def _unauthorised(code: str, message: str) -> ApiError:
    return ApiError(401, code, message, headers={"WWW-Authenticate": f'Bearer error="{code}"'})


CurrentUser = Annotated[User, Depends(current_user)]
OptionalUser = Annotated[User | None, Depends(optional_user)]


def token_checked_by_handler(_documented: Token = None) -> None:
    """For routes that check the token inside the handler (to hold no database connection meanwhile):
    as `dependencies=[TOKEN_REQUIRED]` it lists them in OpenAPI as needing a token."""


TOKEN_REQUIRED = Depends(token_checked_by_handler)


def declare_sign_in(router: APIRouter) -> APIRouter:
    """Make the OpenAPI document tell which operations need a token: FastAPI lists the oauth2 scheme
    on every one that reads a token, so where a token is only optional (OptionalUser) the empty
    requirement `{}` is added (OpenAPI: security is then optional), and every one that reads a token
    documents the 401 a missing, expired or forged one gets. Idempotent: create_app may run often."""
    for route in router.routes:
        if not isinstance(route, APIRoute):
            continue
        calls = _calls(route.dependant)
        if optional_user not in calls and token_checked_by_handler not in calls:
            continue
        route.responses.setdefault(401, ERROR_SCHEMA)
        if current_user not in calls and token_checked_by_handler not in calls:
            route.openapi_extra = {**(route.openapi_extra or {}), "security": [{}]}
    return router


def _calls(dependant: Dependant) -> set[object]:
    found: set[object] = set()
    pending = [dependant]
    while pending:
        item = pending.pop()
        found.add(item.call)
        pending.extend(item.dependencies)
    return found
