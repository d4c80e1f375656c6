"""Accounts and the OAuth 2.0 endpoints (authorize page, token, device authorization, revoke)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from authlib.oauth2 import OAuth2Error
from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from hub.errors import ERROR_SCHEMA, ApiError, error_body
from hub.models import DeviceGrant, User
from hub.oauth import HubAuthServer, HubRequest
from hub.pages import device_page, sign_in_page
from hub.schemas import UserCreate, UserOut
from hub.security import DB, CurrentUser, hash_password, verify_password

router = APIRouter(tags=["accounts"], responses={400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 429: ERROR_SCHEMA})
OAUTH_FIELDS = ("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
                "code_challenge_method")


@router.post("/users", status_code=201, response_model=UserOut, responses={409: ERROR_SCHEMA})
def register(body: UserCreate, db: DB) -> User:
    user = User(username=body.username, display_name=body.display_name or body.username,
                password_hash=hash_password(body.password))
    db.add(user)
    try:
        db.commit()
    except IntegrityError:
        raise ApiError(409, "username_taken", f"The username '{body.username}' is taken.") from None
    return user


@router.get("/me", response_model=UserOut)
def me(user: CurrentUser) -> User:
    return user


async def _read(request: Request) -> HubRequest:
    form = [(k, v) for k, v in (await request.form()).multi_items() if isinstance(v, str)]
    return HubRequest(request.method, str(request.url), request.headers, request.query_params.multi_items(), form)


def _server(request: Request, db: Session) -> HubAuthServer:
    return HubAuthServer(db, request.app.state.hub.config)


def _authenticate(request: Request, db: Session, username: str, password: str) -> User | None:
    """Check a password under the rate limit; None (and a counted failure) when it is wrong."""
    limiter = request.app.state.hub.limiter
    address = request.client.host if request.client else "?"
    limiter.check(address, username)
    user = db.scalar(select(User).where(User.username == username.lower()))
    if user is None or not verify_password(user.password_hash, password):
        limiter.failed(address, username)
        return None
    limiter.succeeded(address, username)
    return user


ConsentAnswer = Callable[[Session, HubAuthServer, HubRequest, Any], Response]


async def _with_consent(request: Request, answer: ConsentAnswer) -> Response:
    """Both sides of /oauth/authorize first check the client's request (redirect URI, PKCE); a bad one
    is answered with the error shape, never with a sign-in page."""
    oauth_request = await _read(request)
    sessions = request.app.state.hub.sessions

    def work() -> Response:
        with sessions() as db:
            server = _server(request, db)
            try:
                grant = server.get_consent_grant(oauth_request)
            except OAuth2Error as exc:
                return JSONResponse(error_body(exc.error, exc.get_error_description() or exc.error), 400)
            return answer(db, server, oauth_request, grant)

    return await run_in_threadpool(work)


@router.get("/oauth/authorize", include_in_schema=False)
async def authorize_page(request: Request) -> Response:
    def answer(db: Session, server: HubAuthServer, oauth_request: HubRequest, grant: Any) -> Response:
        fields = {k: v for k in OAUTH_FIELDS if (v := oauth_request.payload.data.get(k))}
        return sign_in_page("/oauth/authorize", fields, grant.client.name)

    return await _with_consent(request, answer)


@router.post("/oauth/authorize", include_in_schema=False)
async def authorize_submit(request: Request) -> Response:
    def answer(db: Session, server: HubAuthServer, oauth_request: HubRequest, grant: Any) -> Response:
        form = oauth_request.form
        fields = {k: v for k in OAUTH_FIELDS if (v := form.get(k))}
        try:
            user = _authenticate(request, db, form.get("username", ""), form.get("password", ""))
        except ApiError as exc:
            return sign_in_page("/oauth/authorize", fields, grant.client.name, exc.message, 429)
        if user is None:
            return sign_in_page("/oauth/authorize", fields, grant.client.name,
                                "Wrong username or password.", 401)
        response: Response = server.create_authorization_response(oauth_request, grant_user=user, grant=grant)
        return response

    return await _with_consent(request, answer)


@router.post("/oauth/token", responses={200: {"description": "Token"}})
async def token(request: Request) -> Response:
    """Authorization code (with PKCE), device code and refresh token grants (form-encoded, RFC 6749)."""
    oauth_request = await _read(request)
    sessions = request.app.state.hub.sessions

    def work() -> Response:
        with sessions() as db:
            response: Response = _server(request, db).create_token_response(oauth_request)
            return response

    return await run_in_threadpool(work)


@router.post("/oauth/device_authorization")
async def device_authorization(request: Request) -> Response:
    oauth_request = await _read(request)
    sessions = request.app.state.hub.sessions

    def work() -> Response:
        with sessions() as db:
            response: Response = _server(request, db).create_endpoint_response("device_authorization",
                                                                               oauth_request)
            return response

    return await run_in_threadpool(work)


@router.post("/oauth/revoke", status_code=200)
async def revoke(request: Request) -> Response:
    """Sign-out: the refresh token and every token rotated from it stop working (RFC 7009 style)."""
    form = await request.form()
    value = form.get("token")
    sessions = request.app.state.hub.sessions

    def work() -> None:
        with sessions() as db:
            if isinstance(value, str):
                _server(request, db).revoke_family_of(value)

    await run_in_threadpool(work)
    return JSONResponse({}, 200)


@router.get("/device", include_in_schema=False)
def device_form(user_code: str = "") -> Response:
    return device_page(user_code)


@router.post("/device", include_in_schema=False)
async def device_submit(request: Request) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    sessions = request.app.state.hub.sessions

    def work() -> Response:
        with sessions() as db:
            code = form.get("user_code", "").strip().upper()
            grant = db.scalar(select(DeviceGrant).where(DeviceGrant.user_code == code))
            if grant is None or grant.is_expired():
                return device_page(code, "That code is unknown or has expired.", status=400)
            try:
                user = _authenticate(request, db, form.get("username", ""), form.get("password", ""))
            except ApiError as exc:
                return device_page(code, exc.message, status=429)
            if user is None:
                return device_page(code, "Wrong username or password.", status=401)
            grant.user_id = user.id
            grant.approved = form.get("decision") == "approve"
            db.commit()
            done = "Signed in; you can return to the command line." if grant.approved else "Access denied."
            return device_page(code, done=done)

    return await run_in_threadpool(work)


@router.get("/.well-known/oauth-authorization-server")
def metadata(request: Request) -> dict[str, Any]:
    base = request.app.state.hub.config.public_url
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "device_authorization_endpoint": f"{base}/oauth/device_authorization",
        "revocation_endpoint": f"{base}/oauth/revoke",
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": ["authorization_code", "refresh_token",
                                  "urn:ietf:params:oauth:grant-type:device_code"],
    }
