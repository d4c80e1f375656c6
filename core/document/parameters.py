"""Named, typed parameters with units and ranges: the knobs a designer (or the assistant) turns."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from core.document.descriptions_pt import DESCRIPTIONS_PT
from core.document.expressions import Number, parse
from core.errors import ExpressionError, ParameterError
from core.tasks import Phrase

ParamKind = Literal["float", "int", "bool", "choice", "text"]


CHOICES_PT = {
    "round": "redondo", "square": "quadrado", "hex": "sextavado", "box": "caixa", "cylinder": "cilindro",
    "sphere": "esfera", "cone": "cone", "slide": "deslizante", "lift-off": "solta", "snap": "de encaixe",
    "screw": "parafusada", "raised": "em relevo", "engraved": "gravado", "washer": "arruela", "spacer": "espaçador",
    "standoff": "espaçador sextavado", "coaster": "porta-copos", "tray": "bandeja", "straight": "reto",
    "bulb": "bojudo", "flared": "boca larga", "hourglass": "ampulheta", "adhesive": "adesivo",
    "free-standing": "de apoio", "screw-down": "parafusado", "phone": "celular", "tablet": "tablet",
    "1-inch pegboard": "painel perfurado de 1 polegada", "IKEA Skådis": "IKEA Skådis", "ISO metric": "métrica ISO",
    "Mason regular": "Mason boca normal", "Mason wide": "Mason boca larga", "blind": "cego", "center": "centro",
    "chamfered": "chanfrada", "corners": "cantos", "countersunk": "escareado", "custom": "personalizado",
    "desk clamp": "grampo de mesa", "grid": "grade", "hemisphere": "hemisfério", "none": "nenhum",
    "pyramid": "pirâmide", "rectangle": "retângulo", "rounded": "arredondada", "row": "fileira",
    "through": "passante", "torus": "toro", "under-desk": "embaixo da mesa", "wedge": "cunha",
}
"""The templates' choice names in Brazilian Portuguese."""


@dataclass
class Parameter:
    """One knob. `expr` makes it derived (`0.2 * height`): its value follows the expression.

    `value` of a choice parameter is the index into `choices`, so expressions can compare it.
    A text parameter's value is a string: `min`/`max` bound its length and `charset`, when set,
    lists the characters it may hold (the font's, for text that gets printed).
    `label_pt` is the Brazilian Portuguese label, for replies and panels in that language.
    """

    name: str
    value: Number
    unit: str = "mm"
    min: float | None = None
    max: float | None = None
    step: float | None = None
    description: str = ""
    kind: ParamKind = "float"
    choices: list[str] = field(default_factory=list)
    expr: str | None = None
    label: str = ""
    group: str = ""
    label_pt: str = ""
    charset: str = ""

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ParameterError(Phrase("'{0}' is not a valid parameter name (letters, digits, _).", self.name))
        if self.expr is not None:
            parse(self.expr)
        self.value = self.coerce(self.value)

    @property
    def display_name(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    def label_in(self, lang: str) -> str:
        """The label in `lang` ("en" or "pt"): the assistant's replies and the Parameters panel share it."""
        return (self.label_pt if lang == "pt" else "") or self.display_name

    def description_in(self, lang: str) -> str:
        """The description in `lang`: a template's own is translated (descriptions_pt.py), one the user or
        an LLM wrote stays as written."""
        return DESCRIPTIONS_PT.get(self.description, self.description) if lang == "pt" else self.description

    def choice_label(self, index: int, lang: str) -> str:
        """Choice `index` in `lang`; the stored value stays the index, so only what is shown changes."""
        name = self.choices[index]
        return CHOICES_PT.get(name, name) if lang == "pt" else name

    @property
    def choice(self) -> str:
        """The selected choice's name, for choice parameters."""
        return self.choices[int(self.value)] if self.kind == "choice" else str(self.value)

    def coerce(self, value: Any) -> Number:
        """Type-check and range-check a value; clear error instead of a silent clamp."""
        if self.kind == "text":
            return self._text(value)
        if self.kind == "choice" and isinstance(value, str):
            if value not in self.choices:
                raise ParameterError(Phrase(
                    "{0} must be one of {1}, not '{2}'.",
                    self.display_name, ", ".join(self.choices), value,
                ))
            return self.choices.index(value)
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise ParameterError(Phrase("{0} must be a number, not '{1}'.", self.display_name, value)) from None
        if not isinstance(value, int | float):
            raise ParameterError(Phrase("{0} must be a number, not {1}.", self.display_name, type(value).__name__))
        if value != value or value in (float("inf"), float("-inf")):
            raise ParameterError(Phrase("{0} must be a finite number.", self.display_name))
        if self.kind == "bool":
            return bool(value)
        if self.kind in ("int", "choice"):
            value = int(round(value))
        else:
            value = float(value)
        if self.kind == "choice" and not 0 <= value < len(self.choices):
            raise ParameterError(Phrase("{0}: choice {1} does not exist.", self.display_name, value))
        if self.min is not None and value < self.min - 1e-9:
            raise self._out_of_range(self.min, "{0} must be at least {1}.", "{0}: o mínimo é {1}.")
        if self.max is not None and value > self.max + 1e-9:
            raise self._out_of_range(self.max, "{0} must be at most {1}.", "{0}: o máximo é {1}.")
        return value

    def _out_of_range(self, bound: float, en: str, pt: str) -> ParameterError:
        """The refusal in English and, with the Portuguese label and a decimal comma, in Portuguese."""
        amount = f"{_fmt(bound)} {self.unit}".strip()
        return ParameterError(Phrase(en, self.display_name, amount), pt=pt.format(self.label_in("pt"),
                                                                                  amount.replace(".", ",")))

    def _text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ParameterError(Phrase("{0} must be text, not {1}.", self.display_name, type(value).__name__))
        value = unicodedata.normalize("NFC", value)  # "ã" typed as a + combining tilde is still ã
        if self.min is not None and len(value) < self.min:
            raise ParameterError(Phrase("{0} needs at least {1} character(s).", self.display_name, _fmt(self.min)))
        if self.max is not None and len(value) > self.max:
            raise ParameterError(Phrase(
                "{0} is limited to {1} characters (got {2}).",
                self.display_name, _fmt(self.max), len(value),
            ))
        unknown = sorted({c for c in value if c not in self.charset}) if self.charset else []
        if unknown:
            raise ParameterError(Phrase(
                "{0} cannot contain {1}; use letters, digits, spaces and common punctuation.",
                self.display_name, ", ".join(repr(c) for c in unknown),
            ))
        return value

    def clamp(self, value: float) -> Number:
        """Coerce after clamping into range: for relative edits ("twice as wide") that overshoot."""
        if self.kind == "text":
            return self.coerce(value)
        lo = self.min if self.min is not None else value
        hi = self.max if self.max is not None else value
        return self.coerce(min(max(value, lo), hi))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "value": self.value, "kind": self.kind, "unit": self.unit}
        for key in ("min", "max", "step", "description", "expr", "label", "group", "label_pt", "charset"):
            val = getattr(self, key)
            if val not in (None, ""):
                data[key] = val
        if self.choices:
            data["choices"] = list(self.choices)
        return data

    @classmethod
    def from_json(cls, data: Any) -> Parameter:
        """Check the shape before building: a document is data from anywhere (a file, the hub, an LLM)."""
        if not isinstance(data, Mapping):
            raise ParameterError(Phrase("Each parameter must be an object with a name and a value."))
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(data) - known
        if unknown:
            raise ParameterError(Phrase("Unknown parameter fields: {0}.", ", ".join(sorted(map(str, unknown)))))
        for key in ("name", "value"):
            if key not in data:
                raise ParameterError(Phrase("A parameter has no '{0}'.", key))
        for key in _TEXT_FIELDS:
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ParameterError(Phrase("The parameter field '{0}' must be text.", key))
        if data.get("kind", "float") not in ("float", "int", "bool", "choice", "text"):
            raise ParameterError(Phrase("'{0}' is not a parameter kind.", data["kind"]))
        choices = data.get("choices", [])
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            raise ParameterError(Phrase("The parameter field '{0}' must be a list of text.", "choices"))
        for key in ("min", "max", "step"):
            bound = data.get(key)
            if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int | float)):
                raise ParameterError(Phrase("The parameter field '{0}' must be a number.", key))
        return cls(**dict(data))


_TEXT_FIELDS = ("name", "unit", "description", "kind", "expr", "label", "group", "label_pt", "charset")


def _fmt(x: float) -> str:
    return f"{x:g}"


def resolve(params: Iterable[Parameter]) -> dict[str, Number]:
    """Values of every parameter, derived ones computed in dependency order; cycles are errors.

    Walked with an explicit stack, not recursion: a document is data from anywhere, and a chain of a few
    thousand parameters, each reading the next, must be an answer, not a RecursionError."""
    by_name = {p.name: p for p in params}
    values: dict[str, Number] = {}
    for start in by_name:
        if start in values:
            continue
        path: list[str] = [start]  # the chain being resolved, for the loop message
        on_path: set[str] = {start}
        while path:
            name = path[-1]
            param = by_name[name]
            if param.expr is None:
                values[name] = param.value
            else:
                expr = parse(param.expr)
                pending = next((dep for dep in sorted(expr.names) if dep not in values), None)
                if pending is not None:
                    if pending not in by_name:
                        raise ExpressionError(Phrase("Unknown parameter '{0}' (used by {1}).", pending, name))
                    if pending in on_path:
                        raise ExpressionError(Phrase(
                            "Parameters depend on each other in a loop: {0}.",
                            " → ".join((*path[path.index(pending):], pending)),
                        ))
                    path.append(pending)
                    on_path.add(pending)
                    continue
                result = expr.evaluate({dep: values[dep] for dep in expr.names})
                values[name] = param.coerce(result) if param.kind != "float" else float(result)
            on_path.discard(path.pop())
    return values
