"""What the OpenAPI document says beyond what the routes declare one by one, so that it tells the truth
about rules that come from the running hub (issue 11, item 8):

- a JSON body that is not JSON is a 400 (FastAPI's own answer), on every operation that takes one;
- a listing's category is one of the hub's categories (reference data, fixed by the migrations and
  the seed), as an `enum`, where the hub answers any other with a 422;
- a tus upload's Upload-Length is at most the hub's configured limit (a 413 past it);
- an op needs its Idempotency-Key (the handler reads it as optional to answer 428 when it is missing);
- no text may hold the NUL character (hub.db refuses it for PostgreSQL's sake, on both databases).

Like hub.limits.declare_body_limit it wraps whatever `app.openapi` is set, so the wrappers compose.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from sqlalchemy import select

from hub.errors import ERROR_SCHEMA
from hub.models import Category
from hub.state import HubState

NOT_JSON = {**ERROR_SCHEMA, "description": "The body is not JSON"}
NO_NUL = (" Text anywhere in a request (names, bodies, search filters) may not contain the NUL character "
          "(U+0000): it is a 422 with the code nul_character.")


def declare_contract(app: FastAPI, state: HubState) -> None:
    previous = app.openapi

    def openapi() -> dict[str, Any]:
        schema = previous()
        info = schema.setdefault("info", {})
        if NO_NUL not in info.get("description", ""):
            info["description"] = info.get("description", "") + NO_NUL
        with state.sessions() as db:
            categories = sorted(db.scalars(select(Category.slug)))
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                if not isinstance(operation, dict):
                    continue
                if "application/json" in operation.get("requestBody", {}).get("content", {}):
                    operation.setdefault("responses", {}).setdefault("400", NOT_JSON)
                if "parameters" in operation:
                    operation["parameters"] = [_restricted(p, categories, state.config.max_upload_bytes)
                                               for p in operation["parameters"]]
        listing = schema.get("components", {}).get("schemas", {}).get("ListingCreate", {})
        if "category" in listing.get("properties", {}):
            listing["properties"]["category"]["enum"] = categories
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _restricted(parameter: dict[str, Any], categories: list[str], max_upload: int) -> dict[str, Any]:
    """A copy of `parameter` with the hub's own limits (the route's declaration may be shared)."""
    where = (parameter.get("in"), parameter.get("name"))
    if where == ("query", "category"):
        schema = parameter["schema"]
        branches = [{**b, "enum": categories} if b.get("type") == "string" else b
                    for b in schema.get("anyOf", [schema])]
        return {**parameter, "schema": {**schema, "anyOf": branches} if "anyOf" in schema else branches[0]}
    if where == ("header", "Upload-Length"):
        return {**parameter, "schema": {**parameter["schema"], "maximum": max_upload}}
    if where == ("header", "idempotency-key"):
        text = [b for b in parameter["schema"].get("anyOf", [parameter["schema"]]) if b.get("type") == "string"]
        return {**parameter, "required": True, "schema": {**(text[0] if text else parameter["schema"]), "minLength": 1}}
    return parameter
