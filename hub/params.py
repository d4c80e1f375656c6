"""Shared parameter types. Ids are bounded to what every database column holds, so a huge number in
a URL is a 422 for the client, not an integer overflow (500) inside SQLite or PostgreSQL."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import Field

MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Index = Annotated[int, Path(ge=0, le=1000)]
RefId = Annotated[int, Field(ge=1, le=MAX_ID)]
