"""The seed catalogue: an empty hub filled with listings made from the template library, so a new
user browses a real-looking marketplace offline on first start.

Each listing is a template at varied parameter values (deterministic per index), with its STL and
a rendered thumbnail as content-addressed blobs and the parametric document attached, so "Open in
Studio" gives editable parameters. Variants a template refuses (printability checks, geometry
errors in a template still being written) are skipped and logged, never half-created.
"""

from __future__ import annotations

import io
import logging
import random
import re
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from core.document.document import Document
from core.errors import PotStudioError
from core.geometry.build import Evaluator
from core.geometry.thumbnail import render_png
from core.tasks import NULL_TASK, Phrase, Task
from core.templates.base import TemplateSpec
from core.templates.registry import load_all
from hub.db import utcnow
from hub.models import Category, Listing, ListingFile, ListingTag, User
from hub.schemas import Licence
from hub.security import hash_password
from hub.state import HubState

log = logging.getLogger(__name__)
CREATORS = [("potstudio", "3D Pot Studio"), ("ana_makes", "Ana Makes"), ("workshop_joe", "Workshop Joe"),
            ("greenthumb", "Green Thumb"), ("desk_lab", "Desk Lab"), ("printfarm", "Print Farm")]
CATEGORY_OF = {"planters": "planters", "containers": "storage", "desk": "organisers", "hooks": "brackets",
               "enclosures": "enclosures", "mechanical": "mechanical", "tags": "art"}
LICENCES = [Licence.CC_BY] * 4 + [Licence.CC0] * 3 + [Licence.CC_BY_SA] * 2 + [
    Licence.CC_BY_NC, Licence.CC_BY_ND, Licence.CC_BY_NC_SA, Licence.GPL, Licence.STANDARD, Licence.COMMERCIAL]
ADJECTIVES = ["Compact", "Tall", "Wide", "Slim", "Sturdy", "Minimal", "Chunky", "Classic", "Low", "Large"]


def _tag(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def _varied(spec: TemplateSpec, rng: random.Random) -> dict[str, Any]:
    """Values for the template's free numeric parameters, within range, around the defaults."""
    values: dict[str, Any] = {}
    for param in spec.parameters():
        if param.expr is not None or param.kind not in ("float", "int") or param.min is None or param.max is None:
            continue
        if rng.random() < 0.4:
            continue
        low = max(param.min, float(param.value) * 0.7)
        high = min(param.max, float(param.value) * 1.4)
        value = rng.uniform(low, high) if high > low else float(param.value)
        values[param.name] = round(value) if param.kind == "int" else round(value, 1)
    return values


def _creators(state: HubState) -> list[User]:
    """Catalogue accounts; their passwords are random and never shown, so nobody can sign in as them."""
    with state.sessions() as db:
        users = []
        for username, display in CREATORS:
            user = db.scalar(select(User).where(User.username == username))
            if user is None:
                user = User(username=username, display_name=display,
                            password_hash=hash_password(secrets.token_urlsafe(24)))
                db.add(user)
            users.append(user)
        db.commit()
        return users


def _category(state: HubState, template_category: str) -> str:
    slug = CATEGORY_OF.get(template_category, _tag(template_category) or "other")
    with state.sessions() as db:
        if db.get(Category, slug) is None:
            db.add(Category(slug=slug, title=template_category.replace("_", " ").capitalize(), parent=None))
            db.commit()
    return slug


def _title(spec: TemplateSpec, doc: Document, rng: random.Random) -> str:
    dims = [f"{v:g} {p.unit}".strip() for p in doc.params.values() if p.expr is None and p.kind == "float"
            for v in [float(p.value)]][:2]
    return f"{rng.choice(ADJECTIVES)} {spec.title.lower()}" + (f" ({' × '.join(dims)})" if dims else "")


def seed_if_empty(state: HubState, count: int = 240, task: Task = NULL_TASK) -> int:
    """Create `count` listings when the hub has none; returns how many were created."""
    with state.sessions() as db:
        if db.scalar(select(func.count()).select_from(Listing)):
            return 0
    templates = sorted(load_all().values(), key=lambda t: t.id)
    if not templates:
        raise PotStudioError("The template library is empty; there is nothing to seed the hub with.")
    creators = _creators(state)
    evaluator = Evaluator()
    created = attempts = 0
    now = utcnow()
    while created < count and attempts < count * 3:
        spec = templates[attempts % len(templates)]
        rng = random.Random(attempts)
        attempts += 1
        try:
            doc = spec.make(_varied(spec, rng))
            mesh = evaluator.mesh(doc)
            stl = io.BytesIO()
            mesh.export(stl, file_type="stl")
            thumb = render_png(mesh, size=(256, 256))
        except PotStudioError as exc:
            log.info("seed: skipping a %s variant: %s", spec.id, exc)
            continue
        stl_sha = state.blobs.put_bytes(stl.getvalue())
        thumb_sha = state.blobs.put_bytes(thumb)
        licence = LICENCES[rng.randrange(len(LICENCES))]
        tags = sorted({_tag(t) for t in (*spec.tags, spec.category)} - {""})[:8]
        category = _category(state, spec.category)
        with state.sessions() as db:
            listing = Listing(
                slug=f"seed-{attempts}", title=_title(spec, doc, rng), creator_id=rng.choice(creators).id,
                description=f"{spec.description}\n\nMade with the {spec.title} template; open it in the Studio "
                            "to change its parameters.",
                category=category, licence=licence.value, tags_text=" ".join(tags), document=doc.to_json(),
                has_parameters=bool(doc.params), thumbnail_sha=thumb_sha, images=[thumb_sha],
                price_cents=rng.choice([199, 299, 499, 999]) if rng.random() < 0.15 else 0,
                downloads=int(rng.paretovariate(1.2) * 10), likes=int(rng.paretovariate(1.5) * 3),
                makes=rng.randrange(0, 12), created_at=now - timedelta(minutes=rng.randrange(0, 60 * 24 * 180)),
            )
            db.add(listing)
            db.flush()
            listing.slug = f"{_tag(listing.title)[:80]}-{listing.id}"
            db.add(ListingFile(listing_id=listing.id, name=f"{spec.id}.stl", kind="stl",
                               size=len(stl.getvalue()), sha256=stl_sha))
            db.add_all(ListingTag(listing_id=listing.id, tag=t) for t in tags)
            db.commit()
        created += 1
        task.progress(created / count, Phrase("Seeding the marketplace ({0}/{1})", created, count))
    return created
