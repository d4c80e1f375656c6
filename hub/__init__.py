"""Reference marketplace/collaboration server (FastAPI + SQLAlchemy 2 + Alembic). Knows nothing of desktop,
printers or sync_client; may use core (documents, templates, geometry for the seed catalogue).

app.create_app(config) is the composition root. Areas: oauth/routers.auth (Authlib authorization server:
PKCE loopback, device grant, rotating refresh tokens), routers.listings + search (FTS5 / tsvector),
routers.uploads (tus 1.0) + storage (content-addressed blobs), routers.social, routers.buying,
routers.projects + routers.project_sync (shared projects; the op rules live in core.document.ops), seed,
embedded (the hub inside the app), cli (`potstudio hub`). Every error is {"error": {"code", "message"}} (errors.py).
"""
