"""Collaborators' edits applied to the open document, with the hub's own rules (core.document.ops).

Choice: remote edits are applied straight to the document and are NOT put on the local undo stack.
A designer's Ctrl+Z takes back their own last edit, never a collaborator's — as in other shared
editors (Figma, Google Docs). The local stack keeps its own steps; undoing one after a collaborator
changed the same value writes the local old value back as a new edit that syncs like any other.
The document's `changed` signal fires per op, so the viewport and parameter panel redraw as for a
local edit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from core.document.document import Document
from core.document.ops import OpRejected, apply_in_place
from sync_client.models import RemoteOp

log = logging.getLogger(__name__)


def apply_remote_ops(doc: Document, ops: Sequence[RemoteOp]) -> list[tuple[RemoteOp, OpRejected]]:
    """Apply each op in revision order; the ones that cannot apply here are returned, not dropped
    silently — the hub accepted them, so the local copy has drifted and the caller says so."""
    refused: list[tuple[RemoteOp, OpRejected]] = []
    for op in sorted(ops, key=lambda o: o.rev):
        try:
            apply_in_place(doc, op.kind, op.args)
        except OpRejected as exc:
            log.warning("remote change r%s (%s by %s) does not apply here: %s", op.rev, op.kind, op.author, exc)
            refused.append((op, exc))
    return refused
