"""One error shape for every failure: {"error": {"code", "message"}} with a real HTTP status.

Handlers turn FastAPI's validation errors, Starlette's HTTP errors and our own ApiError into that
shape, so a client has one parser and never meets a 200 that carries an error.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} was not found.")


def forbidden(message: str) -> ApiError:
    return ApiError(403, "forbidden", message)


def error_body(code: str, message: str, extra: Mapping[str, object] | None = None) -> dict[str, object]:
    return {"error": {"code": code, "message": message, **(extra or {})}}


ERROR_SCHEMA = {
    "description": "Error",
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
            "code": {"type": "string"}, "message": {"type": "string"}}}},
    }}},
}


FRIENDLY = {404: "There is nothing at this address.", 405: "This address does not accept that method."}


HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@functools.lru_cache(maxsize=256)
def _template(path: str) -> re.Pattern[str]:
    """/projects/{project_id} -> a pattern for the paths it stands for."""
    return re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)))


def allowed_methods(request: Request) -> str:
    """Every method the API documents at this path. Starlette's 405 names only the first route whose
    path matched, so `OPTIONS /projects/1` said `Allow: GET` though PATCH and DELETE are served there."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        if _template(template).fullmatch(request.url.path):
            methods |= {method.upper() for method in operations if method in HTTP_METHODS}
    return ", ".join(sorted(methods))


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.extra), exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"Invalid request: {where}: {first.get('msg', 'bad value')}."
        return JSONResponse(error_body("invalid_request", message), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        message = FRIENDLY.get(exc.status_code) or str(exc.detail).rstrip(".") + "."
        return JSONResponse(error_body(code, message), exc.status_code, headers=headers)

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(error_body("server_error", "The hub hit an internal error."), 500)
