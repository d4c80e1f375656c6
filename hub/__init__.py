"""Reference marketplace/collaboration server (FastAPI + SQLAlchemy). Knows nothing of desktop."""
