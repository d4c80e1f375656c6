from tests.hub.fixtures import hub, make_client, postgres, redis_server, s3_server, sqlite_hub  # noqa: F401
