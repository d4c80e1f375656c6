"""The OpenAPI document says which operations need a token, and it is the truth: every operation is
called over HTTP without a token and with a forged one, and answers as its `security` entry says."""

from __future__ import annotations

from typing import Any

import httpx

from tests.hub.services import HubProcess

FORGED = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged"


def _fill(path: str, operation: dict[str, Any]) -> str:
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            schema = parameter.get("schema", {})
            value = schema["enum"][0] if "enum" in schema else 1 if schema.get("type") == "integer" else "x"
            path = path.replace("{" + parameter["name"] + "}", str(value))
    return path


def _refused_token(hub: HubProcess, method: str, path: str, authorization: str | None) -> bool:
    """Whether the hub answers with a bearer-token challenge (401 + WWW-Authenticate: Bearer, RFC 6750),
    not some other 401 (the device endpoint's unknown client)."""
    # the tus headers get a tus request as far as its token check; other routes ignore them
    headers = {"Tus-Resumable": "1.0.0", "Upload-Length": "1", "Upload-Offset": "0", "Idempotency-Key": "k1"}
    if authorization:
        headers["Authorization"] = authorization
    if method == "PATCH" and path.startswith("/uploads/"):
        response = httpx.patch(f"{hub.url}{path}", content=b"x", headers=headers | {
            "Content-Type": "application/offset+octet-stream"})
        return _challenge(response)
    body = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
    with httpx.Client(timeout=10) as client, client.stream(method, f"{hub.url}{path}", headers=headers,
                                                          **body) as response:
        return _challenge(response)  # streamed: an event stream answers at once and never ends


def _challenge(response: httpx.Response) -> bool:
    return response.status_code == 401 and response.headers.get("www-authenticate", "").startswith("Bearer")


def test_security_scheme_and_every_operation_tell_the_truth(sqlite_hub: HubProcess) -> None:
    schema = httpx.get(f"{sqlite_hub.url}/openapi.json").json()
    flow = schema["components"]["securitySchemes"]["oauth2"]["flows"]["authorizationCode"]
    assert (flow["authorizationUrl"], flow["tokenUrl"], flow["refreshUrl"]) == (
        "/oauth/authorize", "/oauth/token", "/oauth/token")
    assert "PKCE" in schema["components"]["securitySchemes"]["oauth2"]["description"]

    wrong = []
    kinds = {"required": 0, "optional": 0, "public": 0}
    for template, operations in schema["paths"].items():
        for method, operation in operations.items():
            security = operation.get("security", [])
            kind = "public" if not security else "optional" if {} in security else "required"
            assert security in ([], [{"oauth2": []}], [{"oauth2": []}, {}]), (method, template, security)
            kinds[kind] += 1
            path = _fill(template, operation)
            anonymous, forged = (_refused_token(sqlite_hub, method.upper(), path, auth) for auth in (None, FORGED))
            reads_token = kind != "public"
            if anonymous != (kind == "required") or forged != reads_token:
                wrong.append(f"{method.upper()} {template}: declared {kind}, but refused without a token: "
                             f"{anonymous}, refused a forged one: {forged}")
            if reads_token:
                assert "401" in operation["responses"], (method, template)
    assert wrong == []
    assert kinds["required"] > 30 and kinds["optional"] >= 3 and kinds["public"] >= 8
