"""One request size limit (core.limits.MAX_JSON_BYTES), declared in the OpenAPI document and enforced
before the body is read: 413 with a problem body, whether the size is declared or the body is chunked.
tus upload chunks have their own limits and are not held to it."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx

from core.limits import MAX_JSON_BYTES
from sync_client.client import HubClient
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json

MIB = 1024 * 1024


def _bearer(client: HubClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.session.access_token()}"}


def test_a_declared_oversized_body_is_refused_before_it_is_sent(hub: HubProcess) -> None:
    """Only the request head goes out: the hub answers 413 without waiting for (or reading) the body."""
    with socket.create_connection(("127.0.0.1", hub.port), timeout=30) as sock:
        sock.sendall(b"POST /projects HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % (100 * MIB))
        head, _, rest = _read_response(sock)
    assert head.startswith(b"HTTP/1.1 413")
    assert b"content-type: application/problem+json" in head.lower()
    problem = json.loads(rest)
    assert problem["status"] == 413 and problem["error"]["code"] == "too_large"
    assert problem["error"]["limit"] == MAX_JSON_BYTES and problem["error"]["size"] == 100 * MIB
    assert "100 MB" in problem["detail"] and "8 MB" in problem["detail"]


def _read_response(sock: socket.socket) -> tuple[bytes, bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "the hub closed the connection without answering"
        data += chunk
    head, sep, body = data.partition(b"\r\n\r\n")
    lines = head.lower().split(b"\r\n")
    length = int(next(line.split(b":")[1] for line in lines if line.startswith(b"content-length")))
    while len(body) < length:
        body += sock.recv(65536)
    return head, sep, body


def test_a_chunked_op_over_the_limit_is_refused(hub: HubProcess, make_client: MakeClient) -> None:
    """Counted as it arrives; the limit is the shared number, not less (a 7 MB document goes through), and
    tus upload chunks, which have their own limits, are not held to it."""
    alice = make_client(hub)
    document = planter_json()
    document["metadata"] = {"notes": "d" * (7 * MIB)}
    large = httpx.post(f"{hub.url}/projects", json={"name": "Large but fine", "document": document},
                       headers=_bearer(alice), timeout=60)
    assert large.status_code == 201, large.text[:300]
    project_id = large.json()["id"]
    payload = json.dumps({"base_rev": 0, "kind": "set_param",
                          "args": {"name": "width", "value": 120, "note": "x" * (9 * MIB)}}).encode()

    def chunks() -> Iterator[bytes]:  # no Content-Length: the hub must count what arrives
        for start in range(0, len(payload), MIB):
            yield payload[start:start + MIB]

    answer = httpx.post(f"{hub.url}/projects/{project_id}/ops", content=chunks(), timeout=60,
                        headers={**_bearer(alice), "Content-Type": "application/json", "Idempotency-Key": "big-1"})
    assert answer.status_code == 413
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["error"]["code"] == "too_large"
    assert alice.projects.head(project_id).rev == 0  # nothing applied

    tus = {**_bearer(alice), "Tus-Resumable": "1.0.0"}
    created = httpx.post(f"{hub.url}/uploads", headers={**tus, "Upload-Length": str(len(payload)),
                                                        "Upload-Metadata": "filename cGxhbnRlci5zdGw="})
    assert created.status_code == 201, created.text
    patched = httpx.patch(httpx.URL(hub.url).join(created.headers["location"]), content=payload, timeout=60,
                          headers={**tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert patched.status_code == 204, patched.text[:300]


def test_the_openapi_document_declares_the_limit(hub: HubProcess) -> None:
    spec = httpx.get(f"{hub.url}/openapi.json").json()
    with_body = [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()
                 if isinstance(op, dict) and "requestBody" in op]
    json_routes = [entry for entry in with_body if not entry[0].startswith("/uploads")]
    assert ("/projects/{project_id}/ops", "post") in {(p, m) for p, m, _ in json_routes}
    for path, method, op in json_routes:
        assert op["requestBody"]["x-max-body"] == MAX_JSON_BYTES, (method, path)
        assert "application/problem+json" in op["responses"]["413"]["content"], (method, path)
    for path, method, op in with_body:
        if path.startswith("/uploads"):
            assert "x-max-body" not in op["requestBody"], (method, path)
