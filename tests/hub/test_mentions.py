"""@mentions in project comments, over HTTP against the hub on SQLite and PostgreSQL: who counts as
mentioned (members only, any case, never inside an e-mail address, replies too), the unread list across
projects and marking it read, and that a member who was removed no longer reads what was said there."""

from __future__ import annotations

import httpx
import pytest

from sync_client.client import HubClient
from sync_client.errors import NotFound
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess
from tests.sync_client.samples import planter_json


def _name(client: HubClient) -> str:
    return client.username  # type: ignore[attr-defined,no-any-return]


def _project(owner: HubClient, *members: HubClient, name: str = "Balcony planter") -> int:
    project = owner.projects.create(name, planter_json())
    for member in members:
        invitation = owner.projects.invite(project.id, _name(member), "commenter")
        member.projects.answer(invitation.id, accept=True)
    return project.id


def test_members_are_mentioned_by_name_in_any_case_but_not_in_email_addresses(
        hub: HubProcess, make_client: MakeClient) -> None:
    owner, bia, caio, stranger = (make_client(hub) for _ in range(4))
    project_id = _project(owner, bia, caio)
    text = (f"@{_name(bia).upper()} can you check the drain? Mail {_name(caio)}@example.com for the glaze, "
            f"ask @{_name(stranger)} or @everyone, and @{_name(bia)} again.")
    comment = owner.projects.comment(project_id, text, anchor=(10.0, 0.0, 40.0))
    assert comment.mentions == [_name(bia)]  # once, lower case; the e-mail, the stranger and @everyone are text
    assert owner.projects.comments(project_id)[0].mentions == [_name(bia)]
    assert [m.comment_id for m in bia.projects.mentions(unread=True)] == [comment.id]
    assert caio.projects.mentions() == [] and stranger.projects.mentions() == []


def test_a_reply_mentions_and_the_list_points_at_its_thread(hub: HubProcess, make_client: MakeClient) -> None:
    owner, bia = make_client(hub), make_client(hub)
    project_id = _project(owner, bia, name="Herb box")
    thread = bia.projects.comment(project_id, "Wall looks thin here", anchor=(0.0, 5.0, 30.0))
    reply = owner.projects.comment(project_id, f"Raised it to 2.4 mm, @{_name(bia)}.", parent_id=thread.id)
    assert reply.mentions == [_name(bia)]  # the sentence's full stop is not part of the name
    [mention] = bia.projects.mentions(unread=True)
    assert (mention.project_id, mention.project_name, mention.comment_id, mention.thread_id, mention.author) == (
        project_id, "Herb box", reply.id, thread.id, _name(owner))
    assert mention.excerpt == f"Raised it to 2.4 mm, @{_name(bia)}." and not mention.read
    assert mention.created_at == reply.created_at


def test_mentioning_oneself_shows_in_the_comment_but_not_in_ones_own_list(
        hub: HubProcess, make_client: MakeClient) -> None:
    owner = make_client(hub)
    project_id = _project(owner)
    comment = owner.projects.comment(project_id, f"note to self @{_name(owner)}: round the rim")
    assert comment.mentions == [_name(owner)]
    assert owner.projects.mentions() == []


def test_unread_mentions_across_projects_are_marked_read_one_by_one_or_all(
        hub: HubProcess, make_client: MakeClient) -> None:
    ana, bia = make_client(hub), make_client(hub)
    kitchen, garden = _project(ana, bia, name="Kitchen"), _project(ana, bia, name="Garden")
    first = ana.projects.comment(kitchen, f"@{_name(bia)} the handle?")
    second = ana.projects.comment(garden, f"@{_name(bia)} the saucer?")
    third = ana.projects.comment(garden, f"and the feet, @{_name(bia)}")
    unread = bia.projects.mentions(unread=True)
    assert [(m.project_name, m.comment_id) for m in unread] == [
        ("Garden", third.id), ("Garden", second.id), ("Kitchen", first.id)]  # newest first

    opened = bia.projects.mark_mention(unread[2].id)
    assert opened.read and opened.comment_id == first.id
    assert [m.comment_id for m in bia.projects.mentions(unread=True)] == [third.id, second.id]
    assert [m.read for m in bia.projects.mentions()] == [False, False, True]  # the full list keeps read ones
    assert bia.projects.mark_mention(unread[2].id, read=False).read is False  # "mark as unread"

    assert bia.projects.mark_mentions_read(project_id=garden) == 2
    assert [m.comment_id for m in bia.projects.mentions(unread=True)] == [first.id]
    assert bia.projects.mark_mentions_read() == 1
    assert bia.projects.mentions(unread=True) == [] and bia.projects.mark_mentions_read() == 0


def test_someone_elses_mention_cannot_be_read_or_marked(hub: HubProcess, make_client: MakeClient) -> None:
    ana, bia, caio = make_client(hub), make_client(hub), make_client(hub)
    project_id = _project(ana, bia, caio)
    ana.projects.comment(project_id, f"@{_name(bia)} look")
    [mention] = bia.projects.mentions()
    with pytest.raises(NotFound):
        caio.projects.mark_mention(mention.id)
    assert caio.projects.mark_mentions_read(project_id) == 0
    assert not bia.projects.mentions()[0].read
    anonymous = httpx.get(f"{hub.url}/me/mentions", timeout=30)
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"]


def test_a_removed_member_no_longer_sees_the_mention_or_its_text(hub: HubProcess, make_client: MakeClient) -> None:
    owner, bia = make_client(hub), make_client(hub)
    project_id = _project(owner, bia)
    owner.projects.comment(project_id, f"@{_name(bia)} the secret glaze recipe is in v3")
    [mention] = bia.projects.mentions(unread=True)
    owner.projects.remove_member(project_id, _name(bia))
    assert bia.projects.mentions() == []
    with pytest.raises(NotFound):
        bia.projects.mark_mention(mention.id)
    answer = httpx.get(f"{hub.url}/me/mentions", timeout=30,
                       headers={"Authorization": f"Bearer {bia.session.access_token()}"})
    assert answer.status_code == 200 and "glaze" not in answer.text


def test_bad_requests_get_a_specific_error(hub: HubProcess, make_client: MakeClient) -> None:
    bia = make_client(hub)
    headers = {"Authorization": f"Bearer {bia.session.access_token()}"}
    answers = [httpx.get(f"{hub.url}/me/mentions", params={"limit": 0}, headers=headers, timeout=30),
               httpx.patch(f"{hub.url}/me/mentions/1", json={"read": "maybe"}, headers=headers, timeout=30),
               httpx.patch(f"{hub.url}/me/mentions/2147483647", json={"read": True}, headers=headers, timeout=30)]
    assert [a.status_code for a in answers] == [422, 422, 404]
    assert answers[2].json()["error"] == {"code": "not_found", "message": "This mention was not found."}
