"""Passwords (argon2), the 15-minute access JWT, and the FastAPI dependencies that read it.

Access tokens are self-contained JWTs so API calls need no token lookup; revocation happens on the
refresh side, which is why the access lifetime is short.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Annotated

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from hub.config import ACCESS_TOKEN_SECONDS
from hub.errors import ApiError
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


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return token.strip()


def optional_user(request: Request, db: DB) -> User | None:
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
