"""Shared-project calls: metadata with ETags, members, invitations, ops, feed, live events and presence,
versions, comments."""

from __future__ import annotations

import json
from collections.abc import Callable, Generator
from typing import Any

import httpx

from core.tasks import Task
from sync_client.errors import BadResponse, HubError, HubUnavailable, PermissionDenied
from sync_client.links import link_for, token_from
from sync_client.models import (
    Feed,
    Head,
    Invitation,
    Member,
    Mention,
    OpAccepted,
    Presence,
    Project,
    ProjectComment,
    RemoteOp,
    ShareLink,
    ShareLinkCreated,
    Version,
    VersionDetail,
    parse,
    parse_list,
)
from sync_client.transport import Transport, decode_json, error_from

MAX_EVENT_BYTES = 4 * 1024 * 1024
SILENT_S = 30.0  # hubs send a keep-alive well within this; longer silence means a dead connection


class Projects:
    def __init__(self, transport: Transport) -> None:
        self.t = transport

    def create(self, name: str, document: dict[str, Any], description: str = "") -> Project:
        return parse(Project, self.t.json("POST", "/projects", json_body={
            "name": name, "document": document, "description": description}))

    def mine(self) -> list[Project]:
        return parse_list(Project, self.t.json("GET", "/projects"))

    def get(self, project_id: int) -> tuple[Project, str]:
        """The project and its ETag, to send back as If-Match when changing its metadata."""
        response, body = self.t.send("GET", f"/projects/{int(project_id)}")
        return parse(Project, decode_json(body)), response.headers.get("etag", "")

    def update(self, project_id: int, etag: str, *, name: str | None = None,
               description: str | None = None) -> tuple[Project, str]:
        changes = {k: v for k, v in {"name": name, "description": description}.items() if v is not None}
        response, body = self.t.send("PATCH", f"/projects/{int(project_id)}", json_body=changes,
                                     headers={"If-Match": etag} if etag else {})
        return parse(Project, decode_json(body)), response.headers.get("etag", "")

    def delete(self, project_id: int) -> None:
        self.t.send("DELETE", f"/projects/{int(project_id)}")

    def members(self, project_id: int) -> list[Member]:
        return parse_list(Member, self.t.json("GET", f"/projects/{int(project_id)}/members"))

    def set_role(self, project_id: int, username: str, role: str) -> Member:
        return parse(Member, self.t.json("PUT", f"/projects/{int(project_id)}/members/{username}",
                                         json_body={"role": role}))

    def remove_member(self, project_id: int, username: str) -> None:
        self.t.send("DELETE", f"/projects/{int(project_id)}/members/{username}")

    def invite(self, project_id: int, username: str, role: str) -> Invitation:
        return parse(Invitation, self.t.json("POST", f"/projects/{int(project_id)}/invitations",
                                             json_body={"username": username, "role": role}))

    def invitations(self) -> list[Invitation]:
        return parse_list(Invitation, self.t.json("GET", "/invitations"))

    def answer(self, invitation_id: int, accept: bool) -> Invitation:
        decision = "accept" if accept else "decline"
        return parse(Invitation, self.t.json("POST", f"/invitations/{int(invitation_id)}/{decision}"))

    def pending_invitations(self, project_id: int) -> list[Invitation]:
        """Invitations by name not yet answered (owner only)."""
        return parse_list(Invitation, self.t.json("GET", f"/projects/{int(project_id)}/invitations"))

    def create_link(self, project_id: int, role: str,
                    expires_in_days: int | None = None) -> tuple[ShareLinkCreated, str]:
        """A new share link and the text to send (`<hub>/join/<token>`); the token is never shown again."""
        link = parse(ShareLinkCreated, self.t.json("POST", f"/projects/{int(project_id)}/links", json_body={
            "role": role, "expires_in_days": expires_in_days}))
        return link, link_for(self.t.base_url, link.token)

    def links(self, project_id: int) -> list[ShareLink]:
        return parse_list(ShareLink, self.t.json("GET", f"/projects/{int(project_id)}/links"))

    def revoke_link(self, project_id: int, link_id: int) -> None:
        self.t.send("DELETE", f"/projects/{int(project_id)}/links/{int(link_id)}")

    def accept_link(self, link: str) -> Project:
        """Join the project of a pasted link (BadLink before anything is sent if it is not one of this hub's)."""
        return parse(Project, self.t.json("POST", f"/links/{token_from(link, self.t.base_url)}/accept"))

    def send_op(self, project_id: int, op_id: str, base_rev: int, kind: str, args: dict[str, Any]) -> OpAccepted:
        return parse(OpAccepted, self.t.json("POST", f"/projects/{int(project_id)}/ops",
                                             json_body={"base_rev": base_rev, "kind": kind, "args": args},
                                             headers={"Idempotency-Key": op_id}))

    def feed(self, project_id: int, since: int) -> Feed:
        return parse(Feed, self.t.json("GET", f"/projects/{int(project_id)}/ops", params={"since": since}))

    def head(self, project_id: int) -> Head:
        return parse(Head, self.t.json("GET", f"/projects/{int(project_id)}/document"))

    def versions(self, project_id: int) -> list[Version]:
        return parse_list(Version, self.t.json("GET", f"/projects/{int(project_id)}/versions"))

    def create_version(self, project_id: int, name: str, document: dict[str, Any] | None = None) -> VersionDetail:
        return parse(VersionDetail, self.t.json("POST", f"/projects/{int(project_id)}/versions",
                                                json_body={"name": name, "document": document}))

    def version(self, project_id: int, version_id: int) -> VersionDetail:
        return parse(VersionDetail, self.t.json("GET", f"/projects/{int(project_id)}/versions/{int(version_id)}"))

    def comments(self, project_id: int) -> list[ProjectComment]:
        return parse_list(ProjectComment, self.t.json("GET", f"/projects/{int(project_id)}/comments"))

    def comment(self, project_id: int, body: str, *, node_id: str | None = None,
                anchor: tuple[float, float, float] | None = None, parent_id: int | None = None) -> ProjectComment:
        point = {"x": anchor[0], "y": anchor[1], "z": anchor[2]} if anchor else None
        return parse(ProjectComment, self.t.json("POST", f"/projects/{int(project_id)}/comments", json_body={
            "body": body, "node_id": node_id, "anchor": point, "parent_id": parent_id}))

    def resolve_comment(self, project_id: int, comment_id: int, resolved: bool = True) -> ProjectComment:
        return parse(ProjectComment, self.t.json("PATCH", f"/projects/{int(project_id)}/comments/{int(comment_id)}",
                                                 json_body={"resolved": resolved}))

    def set_editing(self, project_id: int, part: str | None) -> Presence:
        """Tell the other watchers which part (node id) this user is editing now, None for none. The hub
        keeps it while this user's live stream (`events`) of the project is open, and refuses it
        (Conflict, code "not_watching") when none is; viewers get PermissionDenied."""
        return parse(Presence, self.t.json("PUT", f"/projects/{int(project_id)}/presence", json_body={"part": part}))

    def mentions(self, unread: bool = False, limit: int = 50) -> list[Mention]:
        """Where others @mentioned me, newest first, across the projects I am still a member of."""
        return parse_list(Mention, self.t.json("GET", "/me/mentions", params={
            "unread": "true" if unread else "false", "limit": limit}))

    def mark_mention(self, mention_id: int, read: bool = True) -> Mention:
        return parse(Mention, self.t.json("PATCH", f"/me/mentions/{int(mention_id)}", json_body={"read": read}))

    def mark_mentions_read(self, project_id: int | None = None) -> int:
        """Every unread mention (of one project) read; how many were."""
        answer = self.t.json("PUT", "/me/mentions", json_body={"project_id": project_id})
        marked = answer.get("marked") if isinstance(answer, dict) else None
        if not isinstance(marked, int):
            raise BadResponse("The hub's answer to marking mentions read has no count.")
        return marked

    def events(self, project_id: int, since: int, on_presence: Callable[[Presence], object] | None = None,
               task: Task | None = None, on_comments: Callable[[], object] | None = None,
               ) -> Generator[RemoteOp, None, None]:
        """Live ops as server-sent events; iterate in a worker thread. `on_presence` hears who is
        watching the project and who edits which part, whenever that changes; `on_comments` that a
        comment was written, resolved or reopened (read them with `comments`).

        A `revoked` event (the user lost access) raises the hub's error, e.g. PermissionDenied with code
        "removed" and who removed them. The stream ends when `task` is cancelled: that is checked on
        every line, keep-alive comments included, so a quiet project stops within one hub heartbeat
        (2 s on the reference hub). A connection silent for longer than SILENT_S is treated as dropped
        (HubUnavailable)."""
        headers = {"Accept": "text/event-stream"}
        token = self.t.tokens.access_token() if self.t.tokens else None
        if token:
            headers["Authorization"] = f"Bearer {token}"
        url = self.t.url(f"/projects/{int(project_id)}/events")
        timeout = httpx.Timeout(10.0, read=SILENT_S)
        try:
            with self.t.http.stream("GET", url, params={"since": since}, headers=headers,
                                    timeout=timeout) as response:
                if response.status_code >= 400:
                    raise error_from(response, response.read()[:65536])
                data: list[str] = []
                event = ""
                size = 0
                for line in response.iter_lines():
                    if task is not None and task.cancelled:
                        return
                    size += len(line)
                    if size > MAX_EVENT_BYTES:
                        raise BadResponse("A live update from the hub is too large.")
                    if line.startswith("event:"):
                        event = line[6:].strip()
                    elif line.startswith("data:"):
                        data.append(line[5:].strip())
                    elif line == "":
                        if event == "revoked":
                            raise _revoked("\n".join(data))
                        if event == "comments" and on_comments is not None:
                            on_comments()
                        if event in ("op", "presence") and data:
                            try:
                                payload = json.loads("\n".join(data))
                            except ValueError:
                                raise BadResponse("A live update from the hub is not valid JSON.") from None
                            if event == "op":
                                yield parse(RemoteOp, payload)
                            elif on_presence is not None:
                                on_presence(parse(Presence, payload))
                        data, event, size = [], "", 0
        except httpx.TransportError as exc:
            raise HubUnavailable(f"The live connection to the hub dropped ({type(exc).__name__}).") from None


def _revoked(data: str) -> HubError:
    """The error a `revoked` event carries ({"error": {"code", "message", ...}}), as the 403 it stands for."""
    try:
        body = json.loads(data) if data else {}
    except ValueError:
        body = {}
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    message = str(error.get("message") or "You no longer have access to this project.")[:500]
    detail = {k: v for k, v in error.items() if k not in ("code", "message")}
    return PermissionDenied(message, 403, str(error.get("code") or "revoked")[:80], detail)
