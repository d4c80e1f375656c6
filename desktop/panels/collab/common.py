"""Translation context and small formatting helpers shared by the collaboration widgets."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

ROLES = ("owner", "editor", "commenter", "viewer")


def tr(text: str) -> str:
    return QCoreApplication.translate("Collaboration", text)


def role_label(role: str) -> str:
    return {"owner": tr("Owner"), "editor": tr("Can edit"), "commenter": tr("Can comment"),
            "viewer": tr("Can view")}.get(role, role)


def when(moment: datetime) -> str:
    """Local time, short: collaborators care about 'when', not the time zone of the hub."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
