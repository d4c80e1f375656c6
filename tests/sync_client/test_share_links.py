"""Invite by link against a real hub: the owner makes a link with a role and an expiry, anyone signed in
who holds it joins with that role, a revoked or expired link lets nobody in, and the owner sees who was
invited by name and has not answered yet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from sync_client.errors import HubError, NotFound, PermissionDenied
from sync_client.links import BadLink
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def test_a_link_lets_whoever_holds_it_join_with_its_role(hub: HubProcess, make_client: MakeClient) -> None:
    owner, friend, stranger = make_client(hub), make_client(hub), make_client(hub)
    project = owner.projects.create("Balcony planter", planter_json())
    link, text = owner.projects.create_link(project.id, "commenter", expires_in_days=7)
    assert text == f"{hub.url}/join/{link.token}" and link.role == "commenter"
    assert link.expires_at is not None
    assert timedelta(days=6) < link.expires_at - datetime.now(UTC) <= timedelta(days=7)
    assert [(x.id, x.role, x.creator) for x in owner.projects.links(project.id)] == [
        (link.id, "commenter", owner.username)]  # type: ignore[attr-defined]
    assert all(not hasattr(x, "token") for x in owner.projects.links(project.id))  # shown once only

    joined = friend.projects.accept_link(f"  {text}\n")
    assert (joined.id, joined.name, joined.role) == (project.id, "Balcony planter", "commenter")
    assert friend.projects.comment(project.id, "Nice rim").body == "Nice rim"
    with pytest.raises(PermissionDenied):
        friend.projects.send_op(project.id, "k1", 0, "set_param", {"name": "width", "value": 50})
    assert friend.projects.accept_link(link.token).role == "commenter"  # again: still a member, not twice
    owner.projects.set_role(project.id, friend.username, "editor")  # type: ignore[attr-defined]
    assert friend.projects.accept_link(text).role == "editor"  # a link never demotes a member

    with pytest.raises(HubError, match="one owner"):
        owner.projects.create_link(project.id, "owner")
    with pytest.raises(NotFound):  # only the owner makes or lists links
        stranger.projects.links(project.id)
    with pytest.raises(PermissionDenied):
        friend.projects.create_link(project.id, "viewer")

    owner.projects.revoke_link(project.id, link.id)
    assert owner.projects.links(project.id) == []
    with pytest.raises(NotFound, match="share link"):
        stranger.projects.accept_link(text)
    assert stranger.projects.mine() == []


def test_an_expired_link_says_so_and_lets_nobody_in(hub: HubProcess, make_client: MakeClient) -> None:
    owner, late = make_client(hub), make_client(hub)
    project = owner.projects.create("Herb box", planter_json())
    link, text = owner.projects.create_link(project.id, "viewer", expires_in_days=1)
    forever, _ = owner.projects.create_link(project.id, "viewer")
    assert forever.expires_at is None
    engine = sa.create_engine(hub.db_url)
    with engine.begin() as db:  # a day goes by
        db.execute(sa.text("UPDATE project_share_links SET expires_at = :t WHERE id = :id"),
                   {"t": datetime.now(UTC) - timedelta(minutes=1), "id": link.id})
    engine.dispose()
    with pytest.raises(HubError, match="expired") as expired:
        late.projects.accept_link(text)
    assert expired.value.status == 410
    assert late.projects.mine() == []
    assert [x.id for x in owner.projects.links(project.id)] == [forever.id]  # the dead link is not listed


def test_a_pasted_link_of_another_hub_or_garbage_is_refused_before_sending(hub: HubProcess,
                                                                           make_client: MakeClient) -> None:
    friend = make_client(hub)
    with pytest.raises(BadLink, match="hub at https://hub.example.org"):
        friend.projects.accept_link("https://hub.example.org/join/" + "a" * 32)
    with pytest.raises(BadLink, match="not a 3D Pot share link"):
        friend.projects.accept_link("hello there")


def test_the_owner_sees_invitations_not_yet_answered(hub: HubProcess, make_client: MakeClient) -> None:
    owner, invited, answered = make_client(hub), make_client(hub), make_client(hub)
    project = owner.projects.create("Herb box", planter_json())
    owner.projects.invite(project.id, invited.username, "viewer")  # type: ignore[attr-defined]
    other = owner.projects.invite(project.id, answered.username, "editor")  # type: ignore[attr-defined]
    answered.projects.answer(other.id, accept=True)
    assert [(i.invitee, i.role) for i in owner.projects.pending_invitations(project.id)] == [
        (invited.username, "viewer")]  # type: ignore[attr-defined]
    with pytest.raises(PermissionDenied):
        answered.projects.pending_invitations(project.id)
