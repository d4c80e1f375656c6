"""The local store on a real SQLite file: migrations, projects, append-only versions, conversations,
settings, and the .potproj file format."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from core.assistant.base import Conversation, Message
from core.document import Document, Node, Parameter
from core.errors import DocumentError, StoreError
from core.geometry.build import Evaluator
from core.geometry.thumbnail import render_png
from core.store import Store, database, default_path
from core.store.database import head_revision
from core.store.models import Base
from core.store.projectfile import ProjectFile, ProjectFileError, load_project_file, save_project_file
from core.store.projects import ProjectNotFoundError


def block(width: float = 40.0) -> Document:
    return Document(
        "block",
        params=[Parameter("width", width, min=5, max=200), Parameter("depth", 20, min=5, max=200)],
        root=Node("union", id="root", children=[Node("box", {"size": ["=width", "=depth", 10]}, id="body")]),
    )


def thumbnail(doc: Document) -> bytes:
    return render_png(Evaluator().mesh(doc), size=(64, 64))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "studio.db")
    yield s
    s.close()


# --- database and migrations ----------------------------------------------------------------------
def test_migrations_create_the_schema_from_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"projects", "versions", "conversations", "messages", "settings"} <= tables
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()
    # the migrated schema is exactly what the ORM models describe
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


def test_store_defaults_to_the_data_dir_and_reopens_with_data_intact(isolated_home: Path) -> None:
    assert default_path().is_relative_to(isolated_home)
    with Store.open() as s:
        s.projects.create("Kept")
    with Store.open() as s:
        assert [p.name for p in s.projects.all()] == ["Kept"]


def test_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer 3D Pot Studio"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_failing_migration_leaves_the_previous_schema_and_data_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "studio.db"
    with Store.open(path) as s:
        s.projects.create("Precious")
    scripts = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, scripts)
    (scripts / "versions" / "0002_broken.py").write_text(BROKEN_REVISION)
    monkeypatch.setattr(database, "MIGRATIONS", scripts)
    with pytest.raises(StoreError, match="cannot be opened"):
        Store.open(path)
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert raw.execute("SELECT name FROM sqlite_master WHERE name = 'half_made'").fetchall() == []
    assert raw.execute("SELECT name FROM projects").fetchall() == [("Precious",)]
    raw.close()


BROKEN_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("half_made", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO no_such_table VALUES (1)")
"""


def test_damaged_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="move it aside"):
        Store.open(path)
    assert path.read_bytes() == b"this is not sqlite at all" * 100


def test_a_database_locked_by_another_program_gives_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "studio.db"
    with Store.open(path) as s:
        s.projects.create("Block")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
        doc = block()
        with pytest.raises(StoreError, match="could not be written: database is locked"):
            s.projects.save_version("Block", doc.to_json(), thumbnail(doc), "v1")
        holder.execute("ROLLBACK")
        holder.close()
        assert s.projects.save_version("Block", doc.to_json(), thumbnail(doc), "v1").number == 1


# --- projects -----------------------------------------------------------------------------------------
def test_projects_create_rename_list_recent_and_delete(store: Store) -> None:
    pot = store.projects.create("  Herb   pot ")
    assert pot.name == "Herb pot" and pot.version_count == 0
    store.projects.create("Lamp")
    with pytest.raises(StoreError, match="already exists"):
        store.projects.create("HERB POT")
    with pytest.raises(StoreError, match="needs a name"):
        store.projects.create("   ")
    store.projects.open("herb pot")  # by name, case-insensitive
    assert [p.name for p in store.projects.recent()] == ["Herb pot", "Lamp"]
    renamed = store.projects.rename(pot.id, "Basil pot")
    assert renamed.id == pot.id and store.projects.get("basil pot").id == pot.id
    with pytest.raises(StoreError, match="already exists"):
        store.projects.rename("Lamp", "basil pot")
    store.projects.delete("Lamp")
    assert [p.name for p in store.projects.all()] == ["Basil pot"]
    with pytest.raises(ProjectNotFoundError, match="no project called 'Lamp'"):
        store.projects.get("Lamp")


def test_every_save_is_a_new_version_with_a_thumbnail(store: Store) -> None:
    project = store.projects.create("Block")
    doc = block()
    first = store.projects.save_version("Block", doc.to_json(), thumbnail(doc), "Created", {"source": "template"})
    doc.set_param_value("width", 60)
    second = store.projects.save_version(project.id, doc.to_json(), thumbnail(doc), "Wider")
    assert (first.number, second.number) == (1, 2)
    versions = store.projects.versions("Block")
    assert [(v.number, v.label, v.meta) for v in versions] == [(1, "Created", {"source": "template"}), (2, "Wider", {})]
    assert versions[0].thumbnail_png.startswith(b"\x89PNG") and versions[0].thumbnail_png != versions[1].thumbnail_png
    assert Document.from_json(store.projects.document("Block")).values()["width"] == 60
    assert Document.from_json(store.projects.document("Block", 1)).values()["width"] == 40
    assert store.projects.get("Block").version_count == 2


def test_restore_appends_a_copy_and_keeps_history(store: Store) -> None:
    store.projects.create("Block")
    for width in (40, 50, 60):
        doc = block(width)
        store.projects.save_version("Block", doc.to_json(), thumbnail(doc), f"w={width}")
    restored = store.projects.restore("Block", 1)
    assert restored.number == 4 and restored.meta == {"restored_from": 1}
    assert [Document.from_json(store.projects.document("Block", n)).values()["width"] for n in (1, 2, 3, 4)] == [
        40, 50, 60, 40]
    assert store.projects.versions("Block")[3].thumbnail_png == store.projects.versions("Block")[0].thumbnail_png


def test_versions_are_append_only_in_the_database_itself(store: Store) -> None:
    store.projects.create("Block")
    doc = block()
    store.projects.save_version("Block", doc.to_json(), thumbnail(doc), "v1")
    raw = sqlite3.connect(store.path)
    raw.execute("PRAGMA foreign_keys = ON")
    for sql in ("UPDATE versions SET label = 'rewritten'", "DELETE FROM versions"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(sql)
    raw.close()
    assert [v.label for v in store.projects.versions("Block")] == ["v1"]
    store.projects.delete("Block")  # deleting the whole project is the one way versions go
    raw = sqlite3.connect(store.path)
    assert raw.execute("SELECT count(*) FROM versions").fetchone() == (0,)
    raw.close()


def test_bad_versions_are_refused_and_nothing_is_stored(store: Store) -> None:
    store.projects.create("Block")
    doc = block()
    with pytest.raises(StoreError, match="PNG"):
        store.projects.save_version("Block", doc.to_json(), b"GIF89a...", "bad thumbnail")
    with pytest.raises(DocumentError):
        store.projects.save_version("Block", {"format": "something else"}, thumbnail(doc), "bad document")
    with pytest.raises(StoreError, match="plain JSON"):
        store.projects.save_version("Block", doc.to_json(), thumbnail(doc), "bad meta", {"when": object()})
    with pytest.raises(StoreError, match="no saved version yet"):
        store.projects.document("Block")
    with pytest.raises(StoreError, match="no version 7"):
        store.projects.restore("Block", 7)
    assert store.projects.versions("Block") == []


def test_two_processes_saving_at_once_get_distinct_numbers(tmp_path: Path) -> None:
    """Two Store instances (as the desktop and a CLI would have) on the same file, saving concurrently."""
    path = tmp_path / "shared.db"
    with Store.open(path) as s:
        s.projects.create("Block")
    doc = block()
    payload, png = doc.to_json(), thumbnail(doc)
    errors: list[BaseException] = []

    def saver(tag: str) -> None:
        with Store.open(path) as s:
            for i in range(10):
                try:
                    s.projects.save_version("Block", payload, png, f"{tag}{i}")
                except BaseException as exc:
                    errors.append(exc)

    threads = [threading.Thread(target=saver, args=(tag,)) for tag in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as s:
        versions = s.projects.versions("Block")
    assert [v.number for v in versions] == list(range(1, 21))
    assert sorted(v.label for v in versions) == sorted(f"{t}{i}" for t in "ab" for i in range(10))


# --- conversations and settings -----------------------------------------------------------------
def test_conversations_append_new_messages_and_round_trip(store: Store) -> None:
    project = store.projects.create("Pot")
    chat = store.conversations.create("Pot", "First ideas")
    conversation = Conversation([Message("user", "a pot 12 cm wide"),
                                 Message("assistant", "Here is a pot.", version=1, meta={"questions": []})])
    assert store.conversations.save(chat.id, conversation) == 2
    conversation.add(Message("user", "make it taller"))
    assert store.conversations.save(chat.id, conversation) == 1  # only the new one
    loaded = store.conversations.load(chat.id)
    assert loaded.to_json() == conversation.to_json()
    [info] = store.conversations.of_project(project.id)
    assert (info.title, info.message_count) == ("First ideas", 3)
    with pytest.raises(StoreError, match="no conversation"):
        store.conversations.load("missing")
    store.projects.delete("Pot")
    with pytest.raises(StoreError, match="no conversation"):
        store.conversations.load(chat.id)


def test_settings_hold_json_values_and_refuse_secrets(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as s:
        s.settings.set("viewport.grid", {"visible": True, "spacing_mm": 10})
        s.settings.set("recent.limit", 8)
        s.settings.set("recent.limit", 12)
        with pytest.raises(StoreError, match="keyring"):
            s.settings.set("nim.api_key", "nvapi-123")
        with pytest.raises(StoreError, match="keyring"):
            s.settings.set("printer.x1.access_code", "12345678")
        with pytest.raises(StoreError, match="plain JSON"):
            s.settings.set("bed.size", float("nan"))
    with Store.open(path) as s:
        assert s.settings.all() == {"recent.limit": 12, "viewport.grid": {"visible": True, "spacing_mm": 10}}
        assert s.settings.get("missing", "default") == "default"
        s.settings.delete("recent.limit")
        assert s.settings.get("recent.limit") is None
    assert b"nvapi-123" not in path.read_bytes()


# --- .potproj files ----------------------------------------------------------------------------------
def test_project_file_round_trip(tmp_path: Path) -> None:
    doc = block(55)
    conversation = Conversation([Message("user", "a block"), Message("assistant", "Done.", version=1)])
    written = save_project_file(tmp_path / "my block", ProjectFile(doc, conversation, {"author": "ana"}))
    assert written.name == "my block.potproj"
    assert [p.name for p in tmp_path.iterdir()] == ["my block.potproj"]  # no temp file left behind
    loaded = load_project_file(written)
    assert loaded.document.to_json() == doc.to_json()
    assert loaded.conversation.to_json() == conversation.to_json()
    assert loaded.metadata == {"author": "ana"} and loaded.saved_at > 0
    assert Evaluator().mesh(loaded.document).bounds.tolist() == [[-27.5, -10, 0], [27.5, 10, 10]]


def test_project_file_from_a_newer_app_or_damaged_gives_clear_errors(tmp_path: Path) -> None:
    path = save_project_file(tmp_path / "x.potproj", ProjectFile(block()))
    data = json.loads(path.read_text())
    data["schema_version"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(ProjectFileError, match="newer 3D Pot Studio.*update"):
        load_project_file(path)
    path.write_text("{ not json")
    with pytest.raises(ProjectFileError, match="not valid JSON"):
        load_project_file(path)
    path.write_text(json.dumps({"format": "potstudio.project", "schema_version": 1, "document": {"format": "nope"}}))
    with pytest.raises(ProjectFileError, match="damaged"):
        load_project_file(path)
    with pytest.raises(ProjectFileError, match="Cannot open"):
        load_project_file(tmp_path / "missing.potproj")
