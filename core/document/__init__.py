"""The parametric model document: parameters, expressions and the node tree (JSON, schema-versioned)."""

from core.document.document import SCHEMA_VERSION, Document
from core.document.expressions import Expression, evaluate
from core.document.nodes import Node
from core.document.parameters import Parameter

__all__ = ["SCHEMA_VERSION", "Document", "Expression", "Node", "Parameter", "evaluate"]
