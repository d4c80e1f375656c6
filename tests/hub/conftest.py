from tests.hub.fixtures import hub, make_client, postgres, sqlite_hub  # noqa: F401
