"""The sync engine against the real hub, served in this process: what a designer sees of their queued
edits, collaborators' edits, clashes, removals and a dropped network, one scenario per test.

The hub is hub.app.create_app on a temporary SQLite database, reached through Starlette's TestClient
(no sockets, no uvicorn: each test takes a fraction of a second, so these tests can run once per
mutant of sync_client/sync.py). That TestClient is an httpx2 client, not the httpx one sync_client is
written against, so each user's httpx.Client gets `Network` as its transport: it passes every request
to the hub unchanged and can pull the cable (httpx.ConnectError, which is what a dropped network
raises), lose the answer to an op the hub applied, or ask for short feed pages (the hub's `limit`; its
own pages are 500 ops long), so a feed of a few ops spans several pages.

The live-update stream is the one request TestClient cannot serve: it answers only once the app's
response has ended, and a stream ends only when access is revoked. A test that follows a project live
takes the `streams` fixture: the same app, also served by uvicorn on a loopback port (lifespan off:
TestClient ran it), and `Network.live` sends the stream's request there, so events arrive as they
happen while every other request stays in process.
"""

from __future__ import annotations

import json
import queue
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from core.document.document import Document
from core.document.ops import apply
from core.document.parameters import Parameter
from core.tasks import Task
from hub.app import create_app
from hub.config import HubConfig
from sync_client.api.projects import Projects
from sync_client.auth import Session
from sync_client.errors import HubError, HubUnavailable, NotFound, PermissionDenied, TooLarge
from sync_client.models import RemoteOp
from sync_client.outbox import ConflictRecord, Outbox, PendingOp
from sync_client.sync import Removal, SyncEngine, SyncStatus, conflict_copy_name, gone, too_large
from sync_client.transport import RetryPolicy, Transport
from tests.hub.fixtures import PASSWORD
from tests.hub.services import SECRET
from tests.sync_client.samples import planter_json

HUB = "http://localhost:8765"  # authlib accepts plain http for localhost only
ONCE = RetryPolicy(attempts=1)  # a failed request fails the sync at once: no backoff sleeps in these tests
OFFLINE = f"Cannot reach the hub at {HUB} (ConnectError)."
USERS = ("alice", "bea", "caio")
LIVE = 10.0  # how long a test waits for a live event before failing instead of hanging (they take milliseconds)


class Network(httpx.BaseTransport):
    """One computer's connection: requests for the hub go to the app in this process, the sign-in
    redirect to the loopback port goes over a real socket."""

    def __init__(self, hub: TestClient) -> None:
        self.hub = hub
        self.loopback = httpx.HTTPTransport()
        self.online = True
        self.lose_op_answers = False  # the hub applies the op, its answer never arrives
        self.cut_after_ops: int | None = None  # the cable is pulled once this many ops were answered
        self.feed_page: int | None = None
        self.live: str | None = None  # the base URL live-update streams go to (see the `streams` fixture)
        self.requests: list[tuple[str, str]] = []  # (method, path?query) of what reached the hub
        self.ops: list[tuple[str, dict[str, Any]]] = []  # (Idempotency-Key, body) of each op sent

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.online:
            raise httpx.ConnectError("network is unreachable", request=request)
        if request.url.host != "localhost":
            return self.loopback.handle_request(request)
        url = request.url
        if self.live is not None and url.path.endswith("/events"):
            self.requests.append((request.method, url.raw_path.decode()))
            live = httpx.URL(self.live).join(url.raw_path.decode())
            return self.loopback.handle_request(httpx.Request(request.method, live, headers=request.headers,
                                                              extensions=request.extensions))
        is_op = url.path.endswith("/ops") and url.path.startswith("/projects/")
        if is_op and request.method == "GET" and self.feed_page is not None:
            url = url.copy_merge_params({"limit": self.feed_page})
        body = request.read()
        self.requests.append((request.method, url.raw_path.decode()))
        if is_op and request.method == "POST":
            self.ops.append((request.headers.get("idempotency-key", ""), json.loads(body)))
        self.hub.cookies.clear()  # each client keeps its own cookies (in the httpx.Client above this)
        answer = self.hub.request(request.method, str(url), headers=request.headers.multi_items(), content=body,
                                  follow_redirects=False)
        if is_op and request.method == "POST":
            if self.lose_op_answers:
                raise httpx.ReadError("connection reset by peer", request=request)
            if self.cut_after_ops is not None:
                self.cut_after_ops -= 1
                if self.cut_after_ops == 0:
                    self.online, self.cut_after_ops = False, None
        headers = [(k, v) for k, v in answer.headers.multi_items()
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(answer.status_code, headers=headers, content=answer.content, request=request)

    def close(self) -> None:
        self.loopback.close()

    def feed_reads(self, project_id: int) -> list[str]:
        """The query of every feed page read of the project, in order."""
        prefix = f"/projects/{project_id}/ops?"
        return [path.removeprefix(prefix) for method, path in self.requests
                if method == "GET" and path.startswith(prefix)]


@dataclass
class Person:
    """One designer's desktop: their own outbox, engine and network cable."""

    name: str
    network: Network
    engine: SyncEngine
    heard: list[SyncStatus] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    remote: list[int] = field(default_factory=list)

    @property
    def projects(self) -> Projects:
        return self.engine.projects

    @property
    def outbox(self) -> Outbox:
        return self.engine.outbox

    def values(self, project_id: int, *names: str) -> tuple[Any, ...]:
        """What the designer sees of these parameters."""
        return _values(self.engine.document(project_id), *names)

    def hub_values(self, project_id: int, *names: str) -> tuple[Any, ...]:
        return _values(self.projects.head(project_id).document, *names)


def _values(document: dict[str, Any] | None, *names: str) -> tuple[Any, ...]:
    assert document is not None
    doc = Document.from_json(document)
    return tuple(doc.param(name).value for name in names)


def _sessions(hub: TestClient, folder: Path) -> dict[str, Session]:
    """USERS registered and signed in once per module, the way tests/hub/fixtures.py make_client does."""
    sessions: dict[str, Session] = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
        env.setenv("XDG_DATA_HOME", str(folder / "xdg"))
        for name in USERS:
            http = httpx.Client(transport=Network(hub))
            Transport(HUB, http=http, retry=ONCE).json(
                "POST", "/users", auth=False, json_body={"username": name, "password": PASSWORD, "display_name": ""})
            session = Session(HUB, http=http, profile=name)
            session.sign_in_password(name, PASSWORD)
            sessions[name] = session
    return sessions


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, Session]]]:
    folder = tmp_path_factory.mktemp("hub-in-process")
    app = create_app(HubConfig(f"sqlite:///{folder / 'hub.db'}", folder / "blobs", SECRET, public_url=HUB))
    with TestClient(app) as server:
        sessions = _sessions(server, folder)
        yield server, sessions
        for session in sessions.values():
            session.http.close()


@pytest.fixture(scope="module")
def streams(hub: tuple[TestClient, dict[str, Session]]) -> Iterator[str]:
    """The module's hub app served by uvicorn too, for live-update streams: `who.network.live = streams`."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(hub[0].app, lifespan="off", log_level="warning",
                                               timeout_graceful_shutdown=1))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:  # uvicorn says when it listens; nothing to wait on but its flag
            assert thread.is_alive(), "uvicorn did not start"
            time.sleep(0.01)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
        server.should_exit = True
        thread.join()


MakePerson = Callable[..., Person]


@pytest.fixture
def person(hub: tuple[TestClient, dict[str, Session]], tmp_path: Path) -> Iterator[MakePerson]:
    """person("bea") -> bea's desktop with a fresh outbox; person("bea", session) with a session of its own."""
    server, sessions = hub
    made: list[tuple[Person, httpx.Client]] = []

    def make(name: str, session: Session | None = None) -> Person:
        network = Network(server)
        http = httpx.Client(transport=network)
        transport = Transport(HUB, session or sessions[name], http=http, retry=ONCE, sleep=lambda _s: None)
        engine = SyncEngine(Projects(transport), Outbox(tmp_path / f"{name}-{uuid.uuid4().hex[:6]}.sqlite"))
        who = Person(name, network, engine)
        engine.status_changed.connect(who.heard.append)
        engine.document_changed.connect(who.changed.append)
        engine.remote_ops.connect(lambda _pid, ops: who.remote.extend(op.rev for op in ops))
        made.append((who, http))
        return who

    yield make
    for who, http in made:
        who.outbox.close()
        http.close()


def _share(owner: Person, *others: Person, name: str = "Shared planter", role: str = "editor",
           others_open: bool = True) -> int:
    """A new project of `owner`'s, joined by the others, opened by the owner and (unless `others_open` is False:
    clients that have not read its head yet) by the others (head at revision 0)."""
    project = owner.projects.create(name, planter_json())
    for other in others:
        invitation = owner.projects.invite(project.id, other.name, role)
        other.projects.answer(invitation.id, accept=True)
    for who in (owner, *others) if others_open else (owner,):
        who.engine.open(project.id)
    return project.id


def _commit(who: Person, project_id: int, **values: float) -> None:
    """`who` sets these parameters and syncs them to the hub."""
    for name, value in values.items():
        who.engine.record(project_id, "set_param", {"name": name, "value": value})
    assert who.engine.sync([project_id]).state == "synced"


# --- pushing ------------------------------------------------------------------------------------------


def test_ops_go_out_oldest_first_one_per_request_with_their_own_id_as_idempotency_key(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    made = [alice.engine.record(project_id, "set_param", {"name": "width", "value": 130}),
            alice.engine.record(project_id, "update_node", {"node": "handle", "props": {"r": 6}}),
            alice.engine.record(project_id, "set_param", {"name": "height", "value": 75})]

    assert alice.engine.sync() == SyncStatus("synced")
    assert alice.network.ops == [
        (made[0].op_id, {"base_rev": 0, "kind": "set_param", "args": {"name": "width", "value": 130}}),
        (made[1].op_id, {"base_rev": 0, "kind": "update_node", "args": {"node": "handle", "props": {"r": 6}}}),
        (made[2].op_id, {"base_rev": 0, "kind": "set_param", "args": {"name": "height", "value": 75}})]
    feed = alice.projects.feed(project_id, 0)
    assert [(op.rev, op.op_id) for op in feed.ops] == [(1, made[0].op_id), (2, made[1].op_id), (3, made[2].op_id)]
    assert alice.remote == [1, 2, 3] and alice.outbox.in_flight(project_id) == []
    assert alice.engine.replicas.head(project_id) == (3, alice.projects.head(project_id).document)
    assert alice.outbox.checkpoint(project_id) == 3
    assert alice.engine.document(project_id) == alice.projects.head(project_id).document


def test_the_indicator_goes_pending_syncing_synced_and_never_stays_at_syncing(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    assert alice.engine.status() == SyncStatus("synced")
    alice.engine.record(project_id, "set_param", {"name": "width", "value": 130})
    alice.engine.record(project_id, "set_param", {"name": "height", "value": 75})
    assert alice.heard == [SyncStatus("pending", 1), SyncStatus("pending", 2)]

    assert alice.engine.sync() == SyncStatus("synced")
    assert alice.heard[2:] == [SyncStatus("syncing", 2), SyncStatus("synced")]
    assert alice.engine.sync([project_id]) == SyncStatus("synced")  # nothing queued: nothing to show as syncing
    assert alice.heard[4:] == [SyncStatus("synced"), SyncStatus("synced")]


def test_an_edit_made_while_a_sync_runs_leaves_the_indicator_at_syncing(person: MakePerson) -> None:
    """The designer keeps dragging while a sync is on its way: the indicator says syncing, with the new
    count, not "pending" until the sync ends (it flipped to pending before)."""
    alice = person("alice")
    project_id = _share(alice)
    alice.engine.record(project_id, "set_param", {"name": "width", "value": 130})
    edited: list[PendingOp] = []

    def edit_once_syncing(status: SyncStatus) -> None:
        if status.state == "syncing" and not edited:
            edited.append(alice.engine.record(project_id, "set_param", {"name": "height", "value": 75}))

    alice.engine.status_changed.connect(edit_once_syncing)
    final = alice.engine.sync()
    start = alice.heard.index(SyncStatus("syncing", 1))
    assert alice.heard[start + 1] == SyncStatus("syncing", 2)
    assert final.state != "syncing" and alice.heard[-1] == final


def test_an_accepted_edit_stays_in_view_until_the_feed_brings_it_and_a_later_drag_is_not_folded_into_it(
        person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    first = alice.engine.record(project_id, "set_param", {"name": "width", "value": 150})
    alice.network.cut_after_ops = 1  # the hub takes the op, then the network drops before the feed is read

    assert alice.engine.sync() == SyncStatus("offline", 0, message=OFFLINE)
    assert [(op.op_id, op.state) for op in alice.outbox.in_flight(project_id)] == [(first.op_id, "sent")]
    assert alice.values(project_id, "width") == (150,)  # still shown, though the head she holds is 100
    assert alice.engine.replicas.head(project_id) is not None and alice.outbox.checkpoint(project_id) == 0

    second = alice.engine.record(project_id, "set_param", {"name": "width", "value": 160})  # the slider again
    assert second.op_id != first.op_id and [op.args["value"] for op in alice.outbox.ops(project_id)] == [160]
    assert alice.values(project_id, "width") == (160,)
    alice.network.online = True
    assert alice.engine.sync() == SyncStatus("synced")
    assert [op.args["value"] for op in alice.projects.feed(project_id, 0).ops] == [150, 160]
    assert alice.hub_values(project_id, "width") == (160,) and alice.outbox.in_flight(project_id) == []


def test_an_edit_whose_answer_was_lost_is_resent_with_the_same_key_and_applied_once(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea, others_open=False)
    edit = bea.engine.record(project_id, "set_param", {"name": "width", "value": 150})  # before she read the head
    bea.network.lose_op_answers = True

    assert bea.engine.sync() == SyncStatus("offline", 1, message=f"Cannot reach the hub at {HUB} (ReadError).")
    assert bea.hub_values(project_id, "width") == (150,)  # the hub did apply it
    bea.network.lose_op_answers = False
    bea.engine.open(project_id)  # the head she reads now holds her edit already
    assert bea.values(project_id, "width") == (150,)

    assert bea.engine.sync() == SyncStatus("synced")
    assert [key for key, _body in bea.network.ops] == [edit.op_id, edit.op_id]
    assert [(op.rev, op.op_id) for op in bea.projects.feed(project_id, 0).ops] == [(1, edit.op_id)]
    assert bea.outbox.in_flight(project_id) == [] and bea.outbox.counts()["pending"] == 0
    _commit(alice, project_id, width=120)
    bea.engine.sync([project_id])
    assert bea.values(project_id, "width") == (120,)  # her old edit does not cover alice's newer one


def test_a_project_first_synced_with_an_edit_queued_reads_the_head_which_then_holds_the_edit(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea, others_open=False)
    bea.engine.record(project_id, "set_param", {"name": "width", "value": 150})

    assert bea.engine.sync() == SyncStatus("synced")
    assert bea.changed == [project_id] and bea.remote == []
    assert bea.engine.replicas.head(project_id) == (1, bea.projects.head(project_id).document)
    assert bea.outbox.in_flight(project_id) == [] and bea.values(project_id, "width") == (150,)
    _commit(alice, project_id, width=120)
    bea.engine.sync([project_id])
    assert bea.values(project_id, "width") == (120,) and bea.remote == [2]


def test_reading_a_new_projects_head_leaves_another_projects_accepted_edit_in_view(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    first = _share(alice, bea, name="Balcony planter")
    second = alice.projects.create("Kitchen pot", planter_json())
    bea.projects.answer(alice.projects.invite(second.id, "bea", "editor").id, accept=True)
    bea.engine.record(first, "set_param", {"name": "width", "value": 150})
    bea.network.cut_after_ops = 1  # accepted, then the network drops before the feed brings it
    bea.engine.sync()
    bea.network.online = True

    assert bea.engine.sync([second.id]) == SyncStatus("synced")  # she opens the project shared with her
    assert bea.values(first, "width") == (150,) and bea.values(second.id, "width") == (100,)
    assert bea.engine.sync([first]) == SyncStatus("synced") and bea.values(first, "width") == (150,)


# --- pulling --------------------------------------------------------------------------------------------


def test_collaborators_edits_move_the_head_and_my_queued_edits_are_replayed_on_it(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    _commit(alice, project_id, width=130)
    mine = bea.engine.record(project_id, "set_param", {"name": "height", "value": 75})
    live = alice.projects.feed(project_id, 0).ops  # what bea's live stream brings meanwhile

    bea.engine._receive(project_id, live)
    assert bea.remote == [1] and bea.changed == [project_id]
    head = bea.engine.replicas.head(project_id)
    assert head is not None and head[0] == 1 and _values(head[1], "width", "height") == (130, 90)
    assert bea.values(project_id, "width", "height") == (130, 75)  # both: theirs under, mine on top
    assert [op.op_id for op in bea.outbox.ops(project_id)] == [mine.op_id]

    assert bea.engine.sync() == SyncStatus("synced")
    assert bea.remote == [1, 2] and bea.outbox.checkpoint(project_id) == 2
    assert bea.hub_values(project_id, "width", "height") == (130, 75)
    assert bea.engine.document(project_id) == bea.projects.head(project_id).document
    _commit(alice, project_id, wall=3)
    bea.network.requests.clear()
    assert bea.engine.sync([project_id]) == SyncStatus("synced")
    assert bea.remote == [1, 2, 3] and bea.values(project_id, "width", "height", "wall") == (130, 75, 3)
    assert bea.network.feed_reads(project_id) == ["since=2"]  # from where her copy is, not the whole log again


def test_a_feed_longer_than_one_page_is_read_page_by_page_up_to_the_head(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    for value in (110, 120, 130, 140, 150):
        _commit(alice, project_id, width=value)
    bea.network.feed_page = 2

    assert bea.engine.sync([project_id]) == SyncStatus("synced")
    assert bea.network.feed_reads(project_id) == ["since=0&limit=2", "since=2&limit=2", "since=4&limit=2"]
    assert bea.remote == [1, 2, 3, 4, 5] and bea.engine.replicas.head(project_id) == (
        5, alice.projects.head(project_id).document)
    assert bea.values(project_id, "width") == (150,)


def test_a_gap_in_the_live_updates_is_filled_from_the_feed_in_order(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    _commit(alice, project_id, width=110)
    _commit(alice, project_id, height=70)
    _commit(alice, project_id, wall=3)
    latest = alice.projects.feed(project_id, 2).ops  # the stream resumed late: only revision 3 came
    bea.network.feed_page = 1
    bea.network.requests.clear()

    bea.engine._receive(project_id, latest)
    assert bea.network.feed_reads(project_id) == ["since=0&limit=1", "since=1&limit=1"]  # 1 and 2, not past 2
    assert len(bea.network.requests) == 2  # the ops are replayed here: the whole document is not read again
    assert bea.remote == [1, 2, 3] and bea.changed == [project_id]
    assert bea.engine.replicas.head(project_id) == (3, alice.projects.head(project_id).document)
    assert bea.values(project_id, "width", "height", "wall") == (110, 70, 3)

    bea.network.requests.clear()
    bea.engine._receive(project_id, alice.projects.feed(project_id, 1).ops)  # late duplicates: ignored
    assert bea.remote == [1, 2, 3] and bea.changed == [project_id] and bea.network.requests == []
    assert bea.engine.replicas.head(project_id) == (3, alice.projects.head(project_id).document)


def test_a_live_edit_that_does_not_replay_here_gives_way_to_the_hubs_head(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    _commit(alice, project_id, width=130)
    [real] = alice.projects.feed(project_id, 0).ops
    garbled = RemoteOp(rev=1, op_id=real.op_id, base_rev=0, kind="set_param", args={"name": "no such", "value": 1},
                       author="alice", created_at=real.created_at)

    bea.engine._receive(project_id, [garbled])
    assert bea.engine.replicas.head(project_id) == (1, alice.projects.head(project_id).document)
    assert bea.values(project_id, "width") == (130,) and bea.remote == [1]


def test_following_live_brings_edits_watchers_and_comments_until_the_follower_stops(
        person: MakePerson, streams: str) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    _commit(alice, project_id, width=110)
    bea.engine.sync([project_id])  # her copy holds revision 1
    bea.network.live = streams
    heard: queue.Queue[tuple[Any, ...]] = queue.Queue()  # what bea's desktop hears, in order
    bea.engine.presence_changed.connect(lambda pid, presence: heard.put(("watching", pid, presence.users,
                                                                         presence.editing)))
    bea.engine.comments_changed.connect(lambda pid: heard.put(("comments", pid)))
    bea.engine.remote_ops.connect(lambda pid, ops: heard.put(("edits", pid, [op.rev for op in ops])))
    task = Task()

    def listen() -> None:  # the desktop's worker thread
        bea.engine.follow(project_id, task)
        heard.put(("stopped",))

    threading.Thread(target=listen, daemon=True).start()
    _commit(alice, project_id, height=70)  # before or after her stream opens: it resumes after revision 1

    assert heard.get(timeout=LIVE) == ("watching", project_id, ["bea"], {})  # the hub says so first
    assert heard.get(timeout=LIVE) == ("edits", project_id, [2])
    assert bea.values(project_id, "width", "height") == (110, 70)
    alice.projects.comment(project_id, "Thicker walls?")
    assert heard.get(timeout=LIVE) == ("comments", project_id)
    bea.projects.set_editing(project_id, "handle")
    assert heard.get(timeout=LIVE) == ("watching", project_id, ["bea"], {"bea": "handle"})

    task.cancel()  # noticed on the stream's next line, before its event is read: her next claim sends one
    bea.projects.set_editing(project_id, None)
    assert heard.get(timeout=LIVE) == ("stopped",)
    # the stream resumed after what her copy holds: a long project is not sent whole on every reconnect
    assert [path for _method, path in bea.network.requests if path.startswith(f"/projects/{project_id}/events")] \
        == [f"/projects/{project_id}/events?since=1"]


# --- folding a drag into one op ------------------------------------------------------------------------------


def test_a_slider_drag_reaches_the_hub_as_one_op_per_parameter_and_a_part_edit_as_one_merged_op(
        person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    first = alice.engine.record(project_id, "set_param", {"name": "width", "value": 110})
    assert alice.engine.record(project_id, "set_param", {"name": "width", "value": 120}).op_id == first.op_id
    folded = alice.engine.record(project_id, "set_param", {"name": "width", "value": 130})
    assert folded.op_id == first.op_id and folded.args == {"name": "width", "value": 130}
    alice.engine.record(project_id, "set_param", {"name": "height", "value": 70})
    alice.engine.record(project_id, "set_param", {"name": "height", "value": 75})
    alice.engine.record(project_id, "update_node", {"node": "handle", "props": {"h": 12}})
    alice.engine.record(project_id, "update_node", {"node": "handle", "props": {"r": 5}, "name": "Grip"})
    alice.engine.record(project_id, "update_node", {"node": "body", "name": "Outer"})
    assert alice.values(project_id, "width", "height") == (130, 75)

    assert alice.engine.sync() == SyncStatus("synced")
    assert [(op.kind, op.args) for op in alice.projects.feed(project_id, 0).ops] == [
        ("set_param", {"name": "width", "value": 130}), ("set_param", {"name": "height", "value": 75}),
        ("update_node", {"node": "handle", "props": {"h": 12, "r": 5}, "name": "Grip"}),
        ("update_node", {"node": "body", "name": "Outer"})]
    head = Document.from_json(alice.projects.head(project_id).document)
    assert (head.node("handle").props["h"], head.node("handle").props["r"], head.node("handle").name) == (12, 5, "Grip")
    assert head.node("body").name == "Outer"


# --- refused edits ---------------------------------------------------------------------------------------------


def test_an_edit_wrong_in_itself_fails_with_its_reason_and_the_rest_goes_through(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    wrong = alice.engine.record(project_id, "set_param", {"name": "wall", "value": 99})
    again = alice.engine.record(project_id, "set_param", {"name": "wall", "value": 98})  # not folded into it
    right = alice.engine.record(project_id, "set_param", {"name": "wall", "value": 4})  # nor is this one
    alice.engine.record(project_id, "set_param", {"name": "width", "value": 130})
    reason = "Wall must be at most 10 mm."
    assert [(op.op_id, op.error) for op in alice.outbox.ops(project_id)][:3] == [
        (wrong.op_id, reason), (again.op_id, reason), (right.op_id, "")]
    assert alice.values(project_id, "wall", "width") == (4, 130)  # the wrong edits never showed

    assert alice.engine.sync() == SyncStatus("synced", 0, failed=2, message=f"{reason} {reason}")
    failed = alice.outbox.ops(project_id, "failed")
    assert [(op.op_id, op.args["value"], op.error) for op in failed] == [(wrong.op_id, 99, reason),
                                                                         (again.op_id, 98, reason)]
    assert alice.hub_values(project_id, "wall", "width") == (4, 130)
    assert alice.engine.document(project_id) == alice.projects.head(project_id).document


def test_retrying_an_edit_wrong_in_itself_fails_it_again_without_a_conflict_copy(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    wrong = alice.engine.record(project_id, "set_param", {"name": "wall", "value": 99})
    alice.engine.sync()
    versions = len(alice.projects.versions(project_id))
    alice.engine.retry_failed(wrong.op_id)
    reason = "Wall must be at most 10 mm."
    assert [(op.state, op.error) for op in alice.outbox.ops(project_id)] == [("pending", reason)]

    assert alice.engine.sync() == SyncStatus("synced", 0, failed=1, message=reason)
    assert alice.outbox.conflicts(project_id) == [] and len(alice.projects.versions(project_id)) == versions


def test_a_viewers_refused_edit_is_failed_and_retried_once_they_may_edit(person: MakePerson) -> None:
    alice, caio = person("alice"), person("caio")
    project_id = _share(alice, caio, role="viewer")
    edit = caio.engine.record(project_id, "set_param", {"name": "width", "value": 200})
    assert caio.values(project_id, "width") == (200,)

    status = caio.engine.sync()
    assert (status.state, status.pending, status.failed, status.conflicts) == ("synced", 0, 1, 0)
    [failed] = caio.outbox.ops(project_id, "failed")
    assert failed.op_id == edit.op_id and failed.error == status.message and "viewer" in status.message
    assert caio.changed == [project_id] and caio.values(project_id, "width") == (100,)

    alice.projects.set_role(project_id, "caio", "editor")
    heard = len(caio.heard)
    caio.engine.retry_failed(edit.op_id)
    assert caio.engine.status() == SyncStatus("pending", 1) and caio.heard[heard:] == [SyncStatus("pending", 1)]
    assert [(op.op_id, op.state, op.error) for op in caio.outbox.ops(project_id)] == [(edit.op_id, "pending", "")]
    assert caio.values(project_id, "width") == (200,)
    assert caio.engine.sync() == SyncStatus("synced")
    assert caio.hub_values(project_id, "width") == (200,) and caio.outbox.ops(project_id, "failed") == []


def test_retrying_an_edit_no_longer_in_the_outbox_changes_nothing(person: MakePerson) -> None:
    alice = person("alice")
    _share(alice)
    alice.engine.retry_failed("no-such-op")
    assert alice.heard == [] and alice.engine.status() == SyncStatus("synced") and alice.outbox.ops() == []


def test_an_edit_too_large_for_the_hub_fails_as_too_large_and_the_rest_syncs(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    alice.engine.record(project_id, "update_node", {"node": "handle", "props": {"note": "x" * (9 * 1024 * 1024)}})
    alice.engine.record(project_id, "set_param", {"name": "width", "value": 130})

    status = alice.engine.sync()
    [failed] = alice.outbox.ops(project_id, "failed")
    assert failed.error == "This change is too large to share (9.0 MB; limit 8 MB)."
    assert status == SyncStatus("synced", 0, failed=1, message=failed.error)
    assert alice.hub_values(project_id, "width") == (130,)
    assert "note" not in Document.from_json(alice.projects.head(project_id).document).node("handle").props


def test_too_large_and_gone_read_the_hubs_errors() -> None:
    assert too_large(TooLarge(detail={"size": 9 * 1024 * 1024})) == "This change is too large to share (9 MB; " \
                                                                     "limit 8 MB)."
    assert too_large(HubError("Payload Too Large", 413, "")) == "This change is too large for the hub " \
                                                                "(Payload Too Large)."
    assert too_large(HubError("Payload Too Large", 413, "payload_too_large")) == "This change is too large for " \
                                                                                 "the hub (Payload Too Large)."
    assert too_large(HubError("Bad request", 400, "too_large")) == ""
    assert gone(NotFound("Not found", 404, "not_found")) and gone(PermissionDenied("Removed", 403, "removed"))
    assert gone(HubError("Removed", 410, "removed"))
    assert not gone(PermissionDenied("Viewers cannot edit", 403, "forbidden"))
    assert not gone(HubError("Not found", 400, "not_found"))


# --- clashes ---------------------------------------------------------------------------------------------------


def _clash(alice: Person, bea: Person) -> tuple[int, list[str], dict[str, Any]]:
    """Bea edits the handle twice (and the wall between) while alice removes the handle; alice syncs first."""
    project_id = _share(alice, bea)
    made = [bea.engine.record(project_id, "update_node", {"node": "handle", "props": {"h": 25}}),
            bea.engine.record(project_id, "set_param", {"name": "wall", "value": 3}),
            bea.engine.record(project_id, "update_node", {"node": "handle", "props": {"r": 6}})]
    mine = Document.from_json(planter_json())
    mine.update_node("handle", {"h": 25, "r": 6})
    mine.set_param_value("wall", 3)
    alice.engine.record(project_id, "remove_node", {"node": "handle"})
    assert alice.engine.sync() == SyncStatus("synced")
    return project_id, [made[0].op_id, made[2].op_id], mine.to_json()


def test_edits_clashing_with_newer_ones_become_one_conflict_kept_on_the_hub_as_a_named_version(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id, clashing, mine = _clash(alice, bea)
    added: list[ConflictRecord] = []
    bea.engine.conflict_added.connect(added.append)

    assert bea.engine.sync() == SyncStatus("conflict", 0, conflicts=1)
    [record] = bea.outbox.conflicts(project_id)
    assert [a.id for a in added] == [record.id] and record.op_ids == clashing
    assert record.mine == mine
    assert (record.theirs_rev, record.theirs) == (1, apply(planter_json(), "remove_node", {"node": "handle"}))
    assert record.message == "Your change clashes with newer edits: This change cannot apply: the part 'handle' " \
                             "no longer exists."
    [kept] = [v for v in bea.projects.versions(project_id) if v.name == record.kept_as]
    assert record.kept_as is not None and record.kept_as.startswith("Conflict copy ")
    assert bea.projects.version(project_id, kept.id).document == mine
    assert "handle" not in {n["id"] for n in record.theirs["root"]["children"]}
    assert [op.state for op in map(bea.outbox.op, clashing) if op] == ["conflict", "conflict"]
    assert bea.hub_values(project_id, "wall") == (3,)  # the edit in between merged
    assert bea.engine.document(project_id) == bea.projects.head(project_id).document  # her view follows the hub
    assert bea.engine.sync([project_id]) == SyncStatus("conflict", 0, conflicts=1) and len(added) == 1
    assert [v.name for v in bea.projects.versions(project_id)] == [record.kept_as]  # not kept twice
    assert bea.outbox.conflicts(project_id) == [record]


def test_a_value_out_of_a_range_a_collaborator_narrowed_is_a_conflict_with_the_hubs_head_as_theirs(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    bea.engine.record(project_id, "set_param", {"name": "wall", "value": 6})  # fine on her copy (0.8..10)
    narrowed = Document.from_json(planter_json())
    narrowed.set_param(Parameter("wall", 2.0, min=0.8, max=4), "wall")
    alice.engine.record_document(project_id, narrowed.to_json())
    _commit(alice, project_id, width=120)

    assert bea.engine.sync() == SyncStatus("conflict", 0, conflicts=1)
    [record] = bea.outbox.conflicts(project_id)
    head = bea.projects.head(project_id)
    assert (record.theirs_rev, record.theirs) == (2, head.document) and head.rev == 2
    assert _values(record.mine, "wall", "width") == (6, 100) and "wall" in record.message.lower()
    assert record.kept_as in {v.name for v in bea.projects.versions(project_id)}


def test_values_out_of_ranges_narrowed_meanwhile_make_one_conflict_and_the_edits_after_them_go_through(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    clashing = [bea.engine.record(project_id, "set_param", {"name": "wall", "value": 6}).op_id,
                bea.engine.record(project_id, "set_param", {"name": "height", "value": 85}).op_id]
    bea.engine.record(project_id, "set_param", {"name": "width", "value": 130})
    narrowed = Document.from_json(planter_json())
    narrowed.set_param(Parameter("wall", 2.0, min=0.8, max=4), "wall")
    narrowed.set_param(Parameter("height", 70.0, min=20, max=80), "height")
    alice.engine.record_document(project_id, narrowed.to_json())
    alice.engine.sync()

    assert bea.engine.sync() == SyncStatus("conflict", 0, conflicts=1)
    [record] = bea.outbox.conflicts(project_id)
    assert record.op_ids == clashing and _values(record.mine, "wall", "height", "width") == (6, 85, 130)
    assert bea.hub_values(project_id, "wall", "height", "width") == (2, 70, 130)
    assert bea.engine.document(project_id) == bea.projects.head(project_id).document


def test_edits_to_two_projects_each_reach_their_own_project(person: MakePerson) -> None:
    alice = person("alice")
    balcony, kitchen = _share(alice, name="Balcony planter"), _share(alice, name="Kitchen pot")
    alice.engine.record(balcony, "set_param", {"name": "width", "value": 150})
    alice.engine.record(kitchen, "set_param", {"name": "height", "value": 60})

    assert alice.engine.sync() == SyncStatus("synced")
    assert alice.hub_values(balcony, "width", "height") == (150, 90)
    assert alice.hub_values(kitchen, "width", "height") == (100, 60)


def test_keeping_my_side_of_a_conflict_puts_my_document_back_on_top_as_a_new_revision(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id, clashing, mine = _clash(alice, bea)
    bea.engine.sync()
    [record] = bea.outbox.conflicts(project_id)

    assert bea.engine.resolve(record.id, "mine") == SyncStatus("synced")
    feed = bea.projects.feed(project_id, 0).ops
    assert [(op.rev, op.kind, op.base_rev) for op in feed] == [(1, "remove_node", 0), (2, "set_param", 0),
                                                               (3, "replace", 2)]
    assert bea.projects.head(project_id).document == mine and bea.engine.document(project_id) == mine
    assert bea.outbox.conflicts() == [] and bea.outbox.conflict(record.id).resolution == "mine"
    assert [(op.state, op.error) for op in map(bea.outbox.op, clashing) if op] == [
        ("resolved", f"conflict {record.id}: kept mine")] * 2
    alice.engine.sync([project_id])
    assert alice.engine.document(project_id) == mine


def test_keeping_their_side_of_a_conflict_leaves_the_hubs_head_and_my_copy_as_a_version(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id, clashing, mine = _clash(alice, bea)
    bea.engine.sync()
    [record] = bea.outbox.conflicts(project_id)
    head = bea.projects.head(project_id)

    assert bea.engine.resolve(record.id, "theirs") == SyncStatus("synced")
    assert bea.projects.head(project_id) == head and head.rev == 2
    assert bea.engine.document(project_id) == head.document and bea.outbox.conflict(record.id).resolution == "theirs"
    assert [op.state for op in map(bea.outbox.op, clashing) if op] == ["resolved", "resolved"]
    [kept] = [v for v in bea.projects.versions(project_id) if v.name == record.kept_as]
    assert bea.projects.version(project_id, kept.id).document == mine


def test_a_conflict_without_a_local_copy_can_only_keep_the_hubs_side(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    conflict_id = alice.outbox.add_conflict(project_id, None, planter_json(), 0, [], "clash")
    with pytest.raises(HubError) as refused:
        alice.engine.resolve(conflict_id, "mine")
    assert str(refused.value) == "This conflict has no local copy to keep; choose the hub's version."
    assert alice.outbox.conflict(conflict_id).resolution is None and alice.network.ops == []


def _clash_offline(alice: Person, bea: Person, name: str = "Shared planter") -> ConflictRecord:
    """Bea's handle edit clashes with alice's removal of the handle; the 409 reaches her, then her network
    drops, before she could keep her copy on the hub or read the feed (her head is still revision 0)."""
    bea.network.online = True
    project_id = _share(alice, bea, name=name)
    bea.engine.record(project_id, "update_node", {"node": "handle", "props": {"h": 25}})
    alice.engine.record(project_id, "remove_node", {"node": "handle"})
    alice.engine.sync()
    bea.network.cut_after_ops = 1
    bea.engine.sync()
    [record] = bea.outbox.conflicts(project_id)
    return record


def test_a_conflict_copy_the_network_dropped_before_it_was_kept_is_kept_on_the_next_sync(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    record = _clash_offline(alice, bea)
    project_id = record.project_id

    assert bea.engine.status() == SyncStatus("offline", 0, conflicts=1, message=OFFLINE)
    assert record.kept_as is None and record.mine is not None
    assert Document.from_json(record.mine).node("handle").props["h"] == 25
    assert (record.theirs_rev, record.message) == (1, "Your change clashes with newer edits: This change cannot "
                                                      "apply: the part 'handle' no longer exists.")
    [clashing] = bea.outbox.ops(project_id, "conflict")
    assert clashing.error == record.message  # the edit says why it is no longer shown
    assert bea.changed == [project_id]  # it left her view at once, though the feed was never read
    assert Document.from_json(bea.engine.document(project_id) or {}).node("handle").props["h"] == 10
    bea.network.online = True
    assert bea.engine.sync([project_id]) == SyncStatus("conflict", 0, conflicts=1)
    [record] = bea.outbox.conflicts(project_id)
    [kept] = [v for v in bea.projects.versions(project_id) if v.name == record.kept_as]
    assert bea.projects.version(project_id, kept.id).document == record.mine


def test_a_conflict_copy_the_hub_refuses_stays_on_this_computer_and_the_designer_is_told(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    record = _clash_offline(alice, bea, name="Balcony planter")
    other = _clash_offline(alice, bea, name="Kitchen pot")
    alice.projects.set_role(record.project_id, "bea", "viewer")  # while she was offline
    bea.network.online = True
    bea.network.requests.clear()

    assert bea.engine.sync([record.project_id]) == SyncStatus(
        "conflict", 0, conflicts=2, message="Your conflicting copy is kept on this computer only: You are a "
                                            "viewer on this project; this needs editor rights.")
    assert bea.outbox.conflict(record.id) == record and bea.projects.versions(record.project_id) == []
    assert not any(f"/projects/{other.project_id}/" in path for _method, path in bea.network.requests)
    assert bea.engine.sync([other.project_id]) == SyncStatus("conflict", 0, conflicts=2)
    [kept] = bea.projects.versions(other.project_id)
    assert bea.outbox.conflict(other.id).kept_as == kept.name


def test_a_client_that_keeps_no_head_keeps_the_document_it_edited_as_its_side_of_a_conflict(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea, others_open=False)
    edited = apply(planter_json(), "update_node", {"node": "handle", "props": {"h": 25}})
    bea.engine.record(project_id, "update_node", {"node": "handle", "props": {"h": 25}}, local_document=edited)
    alice.engine.record(project_id, "remove_node", {"node": "handle"})
    alice.engine.sync()

    assert bea.engine.sync() == SyncStatus("conflict", 0, conflicts=1)
    [record] = bea.outbox.conflicts(project_id)
    assert record.mine == edited
    [kept] = bea.projects.versions(project_id)
    assert kept.name == record.kept_as and bea.projects.version(project_id, kept.id).document == edited


def test_keeping_my_side_while_offline_shows_my_copy_at_once_and_sends_it_made_on_their_revision(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    record = _clash_offline(alice, bea)
    project_id = record.project_id
    assert record.mine is not None and bea.outbox.checkpoint(project_id) == 0  # she never read revision 1
    bea.changed.clear()

    assert bea.engine.resolve(record.id, "mine") == SyncStatus("offline", 1, message=OFFLINE)
    assert bea.changed == [project_id] and bea.engine.document(project_id) == record.mine
    [queued] = bea.outbox.ops(project_id)  # the sync panel says "made on revision 1": the hub's side she saw
    assert (queued.kind, queued.base_rev) == ("replace", record.theirs_rev) and record.theirs_rev == 1

    bea.network.online = True
    assert bea.engine.sync() == SyncStatus("synced")
    assert [(op.rev, op.kind, op.base_rev) for op in bea.projects.feed(project_id, 0).ops] == [
        (1, "remove_node", 0), (2, "replace", 1)]
    assert bea.projects.head(project_id).document == record.mine == bea.engine.document(project_id)


def test_keeping_their_side_shows_the_hubs_newest_head_with_edits_made_since_the_clash(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id, _clashing, _mine = _clash(alice, bea)
    bea.engine.sync()
    [record] = bea.outbox.conflicts(project_id)
    _commit(alice, project_id, width=120)  # while bea compares the two sides

    assert bea.engine.resolve(record.id, "theirs") == SyncStatus("synced")
    assert bea.values(project_id, "width", "wall") == (120, 3)
    assert bea.engine.document(project_id) == bea.projects.head(project_id).document


def test_conflict_copy_names_are_readable_and_never_repeat() -> None:
    names = {conflict_copy_name() for _ in range(50)}
    assert len(names) == 50
    assert all(re.fullmatch(r"Conflict copy \d{4}-\d\d-\d\d \d\d:\d\d · [0-9a-f-]{36}", n) for n in names)
    assert conflict_copy_name("Bea's copy").startswith("Bea's copy ")


# --- losing access, the network, the session ------------------------------------------------------------------


def test_a_member_removed_from_one_project_keeps_their_copy_is_told_once_and_the_others_sync(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    lost_id = _share(alice, bea, name="Balcony planter")
    kept_id = _share(alice, bea, name="Kitchen pot")
    bea.engine.record(lost_id, "set_param", {"name": "width", "value": 150})  # unsent when she is removed
    bea.engine.record(kept_id, "set_param", {"name": "width", "value": 160})
    alice.projects.remove_member(lost_id, "bea")
    removals: list[Removal] = []
    bea.engine.removed.connect(removals.append)

    told = "You were removed from 'Balcony planter' by alice."
    assert bea.engine.sync() == SyncStatus("synced", message=told)
    [removal] = removals
    assert (removal.project_id, removal.project_name, removal.removed_by, removal.message) == (
        lost_id, "Balcony planter", "alice", told)
    assert removal.document is not None and _values(removal.document, "width") == (150,)
    assert bea.outbox.local_document(lost_id) == removal.document == bea.engine.document(lost_id)
    assert bea.engine.replicas.head(lost_id) is None
    assert bea.hub_values(kept_id, "width") == (160,) and alice.hub_values(lost_id, "width") == (100,)

    bea.network.requests.clear()
    assert bea.engine.sync([lost_id, kept_id]) == SyncStatus("synced") and len(removals) == 1  # told once
    assert not any(path.startswith(f"/projects/{lost_id}/") for _method, path in bea.network.requests)

    bea.projects.answer(alice.projects.invite(lost_id, "bea", "editor").id, accept=True)  # shared again
    assert bea.engine.open(lost_id) == alice.projects.head(lost_id).document
    _commit(alice, lost_id, width=120)
    assert bea.engine.sync([lost_id]) == SyncStatus("synced") and bea.values(lost_id, "width") == (120,)


def _removed_with_an_edit_queued(alice: Person, bea: Person) -> tuple[int, list[Removal]]:
    """Alice's "Herb box", shared with Bea, who queues a width of 150 and is then removed; what Bea's engine
    says of removals is collected."""
    project_id = _share(alice, bea, name="Herb box")
    bea.engine.record(project_id, "set_param", {"name": "width", "value": 150})
    alice.projects.remove_member(project_id, "bea")
    removals: list[Removal] = []
    bea.engine.removed.connect(removals.append)
    return project_id, removals


def test_a_removal_heard_when_the_live_stream_opens_is_told_once_and_not_asked_again(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id, removals = _removed_with_an_edit_queued(alice, bea)

    bea.engine.follow(project_id, Task())
    [removal] = removals
    assert (removal.project_name, removal.removed_by, removal.message) == (
        "Herb box", "alice", "You were removed from 'Herb box' by alice.")
    assert removal.document is not None and _values(removal.document, "width") == (150,)
    bea.network.requests.clear()
    assert bea.engine.sync([project_id]) == SyncStatus("synced")
    bea.engine.follow(project_id, Task())
    assert len(removals) == 1 and bea.network.requests == []  # neither the sync nor the stream asks again
    alice.network.online = False
    lost: list[Removal] = []
    alice.engine.removed.connect(lost.append)
    with pytest.raises(HubUnavailable):  # a dropped stream is the caller's to reconnect, not a removal
        alice.engine.follow(project_id, Task())
    assert lost == [] and alice.engine.replicas.head(project_id) is not None


def test_a_removal_the_live_stream_hears_while_a_sync_runs_is_told_once_and_named_in_the_sync_message(
        person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id, removals = _removed_with_an_edit_queued(alice, bea)

    def stream_hears_it(status: SyncStatus) -> None:  # stands for the stream's thread, as the sync starts sending
        if status.state == "syncing":
            bea.engine.follow(project_id, Task())

    bea.engine.status_changed.connect(stream_hears_it)
    status = bea.engine.sync()
    assert status.message == "You were removed from 'Herb box' by alice." and len(removals) == 1
    assert removals[0].document is not None and _values(removals[0].document, "width") == (150,)


def test_a_deleted_project_stops_syncing_and_its_copy_is_kept(person: MakePerson) -> None:
    alice, bea = person("alice"), person("bea")
    project_id = _share(alice, bea)
    bea.engine.record(project_id, "set_param", {"name": "width", "value": 150})
    alice.projects.delete(project_id)
    removals: list[Removal] = []
    bea.engine.removed.connect(removals.append)

    status = bea.engine.sync()
    [removal] = removals
    assert (status.state, status.pending, status.message) == ("synced", 0, removal.message)
    assert removal.project_id == project_id and _values(removal.document, "width") == (150,)
    assert (removal.project_name, removal.removed_by) == ("", "")  # nobody removed her: the hub's words are shown
    assert bea.engine.document(project_id) == removal.document
    bea.engine.record(project_id, "set_param", {"name": "height", "value": 50})  # she goes on with her copy
    bea.network.requests.clear()
    assert bea.engine.sync().state != "syncing" and bea.heard[-1].state != "syncing"
    assert len(removals) == 1 and bea.network.requests == []


def test_offline_edits_stay_queued_in_order_and_reach_the_hub_when_the_network_is_back(person: MakePerson) -> None:
    alice = person("alice")
    project_id = _share(alice)
    alice.network.online = False
    alice.engine.record(project_id, "set_param", {"name": "width", "value": 140})
    alice.engine.record(project_id, "set_param", {"name": "height", "value": 70})

    assert alice.engine.sync() == SyncStatus("offline", 2, message=OFFLINE)
    assert _values(alice.engine.open(project_id), "width", "height") == (140, 70)  # reopened offline: her copy
    alice.engine.record(project_id, "update_node", {"node": "handle", "props": {"r": 6}})
    assert alice.heard[-3:] == [SyncStatus("syncing", 2), SyncStatus("offline", 2, message=OFFLINE),
                                SyncStatus("offline", 3, message=OFFLINE)]  # the indicator does not flicker
    assert alice.values(project_id, "width", "height") == (140, 70)
    assert [op.kind for op in alice.outbox.ops(project_id)] == ["set_param", "set_param", "update_node"]

    alice.network.online = True
    assert alice.engine.sync() == SyncStatus("synced")
    assert [(op.rev, op.kind) for op in alice.projects.feed(project_id, 0).ops] == [
        (1, "set_param"), (2, "set_param"), (3, "update_node")]
    assert alice.hub_values(project_id, "width", "height") == (140, 70)


def test_signed_out_the_edits_stay_queued_and_go_out_after_signing_in(
        person: MakePerson, hub: tuple[TestClient, dict[str, Session]]) -> None:
    alice = person("alice")
    project_id = _share(alice)
    signed_out = Session(HUB, http=httpx.Client(transport=Network(hub[0])), profile=f"alice-{uuid.uuid4().hex}")
    desk = person("alice", signed_out)
    desk.engine.record(project_id, "set_param", {"name": "width", "value": 140})

    status = desk.engine.sync()
    assert (status.state, status.pending, status.message) == ("signed_out", 1, "Sign in to do this.")
    desk.engine.record(project_id, "set_param", {"name": "height", "value": 70})
    assert desk.heard[-1] == SyncStatus("signed_out", 2, message=status.message)

    signed_out.sign_in_password("alice", PASSWORD)
    assert desk.engine.sync() == SyncStatus("synced")
    assert alice.hub_values(project_id, "width", "height") == (140, 70)
    signed_out.http.close()
