"""`potstudio market ...` and `potstudio sync ...`: the marketplace and sync from a terminal.

Every command takes --server; without it the hub is POTSTUDIO_HUB_URL, else the app's `hub_url`
setting, else the embedded hub's address on this machine. Signing in from a terminal uses the device
grant (`potstudio sync login`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.paths import config_dir
from sync_client.errors import PaymentRequired
from sync_client.links import hub_of

if TYPE_CHECKING:
    from sync_client.client import HubClient

EMBEDDED_HUB = "http://127.0.0.1:8765"
LICENCES = ["CC0", "CC-BY", "CC-BY-SA", "CC-BY-ND", "CC-BY-NC", "CC-BY-NC-SA", "CC-BY-NC-ND", "GPL-3.0",
            "standard-digital-file", "commercial"]


def default_server() -> str:
    """The terminal talks to the same hub as the window unless told otherwise. The settings file is
    only read here: a broken one raises its SettingsError (the CLI prints it) rather than being moved
    aside, which is the window's job when it loads them. The settings' models (pydantic) load only here,
    when a command runs, not when the parser is built."""
    from core.settings import FILE_NAME as SETTINGS_FILE
    from core.settings import SettingsError, parse_settings

    from_env = os.environ.get("POTSTUDIO_HUB_URL")
    if from_env:
        return from_env
    path = config_dir() / SETTINGS_FILE
    if path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"Cannot read the settings file {path}: {exc}.") from exc
        hub_url = parse_settings(text).hub_url
        if hub_url:
            return hub_url
    return EMBEDDED_HUB


def _client(args: argparse.Namespace, link_hub: str | None = None) -> HubClient:
    """The hub named by --server, else LINK_HUB (the hub a share link names), else the default one.
    The HTTP stack (httpx, its cache, redis) loads here, by the commands that talk to a hub."""
    from sync_client.client import HubClient

    return HubClient(args.server or link_hub or default_server())


def _search(args: argparse.Namespace) -> int:
    with _client(args) as client:
        page = client.market.search(args.query, category=args.category, tag=args.tag, licence=args.licence,
                                    price=args.price, sort=args.sort, limit=args.limit)
    items: list[dict[str, Any]] = [{"id": i.id, "title": i.title, "creator": i.creator, "licence": i.licence,
              "price": i.price_cents / 100, "category": i.category, "tags": i.tags,
              "has_parameters": i.has_parameters, "downloads": i.downloads, "likes": i.likes} for i in page.items]
    if args.json:
        print(json.dumps({"total": page.total, "items": items}, ensure_ascii=False))
        return 0
    print(f"{page.total} result(s)")
    for item in items:
        price = "free" if not item["price"] else f"{item['price']:.2f}"
        print(f"{item['id']:>7}  {item['title'][:48]:<48}  {item['creator']:<16} {item['licence']:<12} {price}")
    return 0


def _get(args: argparse.Namespace) -> int:
    with _client(args) as client:
        try:
            saved = client.market.get(args.id, Path(args.output))
        except PaymentRequired as exc:
            print(f"{exc} Checkout: {exc.checkout_url}", file=sys.stderr)
            return 3
    for path in saved:
        print(path)
    return 0


def _publish(args: argparse.Namespace) -> int:
    from core.document.document import Document
    from core.geometry.build import Evaluator
    from core.geometry.thumbnail import render_png
    from sync_client.api.market import Publication

    doc = Document.loads(Path(args.project).read_bytes())
    mesh = Evaluator().mesh(doc)
    with tempfile.TemporaryDirectory() as tmp, _client(args) as client:
        stl = Path(tmp) / f"{_file_stem(doc.name)}.stl"
        mesh.export(stl)
        thumb = Path(tmp) / "thumbnail.png"
        thumb.write_bytes(render_png(mesh, size=(256, 256)))
        listing = client.market.publish(Publication(
            title=args.title or doc.name, description=args.description, category=args.category,
            licence=args.licence, price_cents=round(args.price * 100), tags=args.tag or [], files=[stl],
            thumbnail=thumb, document=doc.to_json()))
    print(f"published #{listing.id}: {listing.title}")
    return 0


def _file_stem(name: str) -> str:
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-")
    return stem[:60] or "model"


def _status(args: argparse.Namespace) -> int:
    with _client(args) as client:
        status = client.sync.sync() if args.now else client.sync.status()
        failed = [{"op_id": o.op_id, "project": o.project_id, "kind": o.kind, "error": o.error}
                  for o in client.outbox.ops(state="failed")]
        conflicts = [{"id": c.id, "project": c.project_id, "message": c.message, "kept_as": c.kept_as}
                     for c in client.outbox.conflicts()]
    report: dict[str, Any] = {"server": client.base_url, "state": status.state, "pending": status.pending,
                              "failed": failed, "conflicts": conflicts, "message": status.message}
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"{report['server']}: {status.state}, {status.pending} pending, {len(failed)} failed, "
          f"{len(conflicts)} conflict(s)")
    for op in failed:
        print(f"  failed {op['kind']} on project {op['project']}: {op['error']}")
    for conflict in conflicts:
        print(f"  conflict #{conflict['id']} on project {conflict['project']}: {conflict['message']}")
    return 0


def _accept(args: argparse.Namespace) -> int:
    """Join the project of a share link and start syncing it; the link names its hub."""
    with _client(args, hub_of(args.link)) as client:
        project = client.projects.accept_link(args.link)
        client.sync.open(project.id)
    print(f"joined '{project.name}' (#{project.id}) as {project.role}, shared by {project.owner}")
    return 0


def _login(args: argparse.Namespace) -> int:
    with _client(args) as client:
        code, device_code = client.session.start_device_sign_in()
        print(f"Open {code.verification_uri} and enter the code {code.user_code}", flush=True)
        client.session.finish_device_sign_in(code, device_code)
        print(f"signed in as {client.me().username}")
    return 0


def _logout(args: argparse.Namespace) -> int:
    with _client(args) as client:
        client.session.sign_out()
    print("signed out")
    return 0


def _server_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", metavar="URL", help="hub address (default: $POTSTUDIO_HUB_URL or the "
                                                        f"embedded hub at {EMBEDDED_HUB})")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    market = subparsers.add_parser("market", help="search, download and publish on the 3D Pot marketplace")
    actions = market.add_subparsers(dest="market_command", metavar="ACTION", required=True)
    search = actions.add_parser("search", help="search listings")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--json", action="store_true", help="print JSON {total, items}")
    search.add_argument("--category")
    search.add_argument("--tag")
    search.add_argument("--licence", choices=LICENCES)
    search.add_argument("--price", choices=["free", "paid"])
    search.add_argument("--sort", choices=["relevance", "newest", "popular", "downloads"], default="relevance")
    search.add_argument("--limit", type=int, default=24)
    search.set_defaults(func=_search)
    get = actions.add_parser("get", help="download a listing's files (and its parametric document)")
    get.add_argument("id", type=int)
    get.add_argument("-o", "--output", required=True, metavar="DIR")
    get.set_defaults(func=_get)
    publish = actions.add_parser("publish", help="publish a project (a 3D Pot Studio document)")
    publish.add_argument("project", metavar="PROJECT")
    publish.add_argument("--title")
    publish.add_argument("--description", default="")
    publish.add_argument("--category", default="other")
    publish.add_argument("--licence", choices=LICENCES, default="CC-BY")
    publish.add_argument("--price", type=float, default=0.0, help="price in the hub's currency (0 = free)")
    publish.add_argument("--tag", action="append", help="a tag (repeatable)")
    publish.set_defaults(func=_publish)
    for parser in (search, get, publish):
        _server_option(parser)

    sync = subparsers.add_parser("sync", help="sign in to a hub and see the sync state of shared projects")
    sync_actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    status = sync_actions.add_parser("status", help="pending, failed and conflicting changes")
    status.add_argument("--json", action="store_true")
    status.add_argument("--now", action="store_true", help="sync before reporting")
    status.set_defaults(func=_status)
    accept = sync_actions.add_parser("accept", help="join a project from a share link someone sent you")
    accept.add_argument("link", help="the share link (<hub>/join/<token>)")
    accept.set_defaults(func=_accept)
    login = sync_actions.add_parser("login", help="sign in (device code shown here, approved in a browser)")
    login.set_defaults(func=_login)
    logout = sync_actions.add_parser("logout", help="sign out and forget the session")
    logout.set_defaults(func=_logout)
    for parser in (status, accept, login, logout):
        _server_option(parser)


