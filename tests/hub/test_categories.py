"""Category names in the client's language: the hub answers Accept-Language, the client asks in the app's."""

from __future__ import annotations

import httpx

from hub.languages import best_language
from tests.hub.fixtures import MakeClient
from tests.hub.services import HubProcess


def _titles(hub: HubProcess, accept: str | None) -> tuple[dict[str, str], httpx.Headers]:
    response = httpx.get(f"{hub.url}/categories", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 200
    return {c["slug"]: c["title"] for c in response.json()}, response.headers


def test_categories_answer_in_the_language_asked_for(hub: HubProcess) -> None:
    english, headers = _titles(hub, None)
    assert english["art"] == "Art & decor" and headers["content-language"] == "en"
    assert "accept-language" in headers["vary"].lower()  # a cache must not hand the English list to pt-BR
    for accept in ("pt-BR", "pt", "fr-CA, pt-BR;q=0.8, en;q=0.5", "PT-br"):
        titles, headers = _titles(hub, accept)
        assert titles["art"] == "Arte e decoração", accept
        assert titles["planters"] == "Vasos de planta e cachepôs" and headers["content-language"] == "pt-BR"
        assert titles.keys() == english.keys()
    for accept in ("en-US,pt;q=0.5", "de", "*", "pt;q=0", "pt;q=banana, ;;,"):
        titles, headers = _titles(hub, accept)
        assert titles == english and headers["content-language"] == "en", accept


def test_client_asks_in_the_apps_language(hub: HubProcess, make_client: MakeClient) -> None:
    client = make_client(hub, sign_in=False)
    assert {c.slug: c.title for c in client.market.categories()}["gears"] == "Gears"
    client.transport.language = "pt-BR"
    assert {c.slug: c.title for c in client.market.categories()}["gears"] == "Engrenagens"


def test_language_choice_prefers_exact_tags_then_the_same_language() -> None:
    stored = {"pt-BR", "pt-PT"}
    assert best_language("pt-PT", stored) == "pt-PT"
    assert best_language("pt", stored) == "pt-BR"  # the first of the same language, always the same one
    assert best_language("es, pt-PT;q=0.9", stored) == "pt-PT"
    assert best_language("en, pt-BR", stored) is None
    assert best_language("", stored) is None
