"""The offline design assistant: understands English and Brazilian Portuguese sentences without any
network or account, by mapping words onto the template library's own vocabulary (synonyms, roles,
features). Depends only on core (document, templates, geometry, commands).
"""

from core.assistant.offline.planner import OfflinePlanner

__all__ = ["OfflinePlanner"]
