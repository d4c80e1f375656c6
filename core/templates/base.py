"""What a template is: a named, parametric recipe for a printable object.

A template owns its parameters (typed, with ranges that encode printability: walls ≥ 2 nozzle
widths, fit clearances 0.2–0.4 mm), a node tree whose props are expressions over those parameters,
and the vocabulary the offline planner needs to pick it from a sentence and map words onto
parameters (`roles`, `features`, `synonyms`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.document.document import Document
from core.document.expressions import parse
from core.document.nodes import Node
from core.document.parameters import Parameter
from core.errors import ParameterError

NOZZLE_MM = 0.4
MIN_WALL_MM = 2 * NOZZLE_MM
FIT_CLEARANCE = (0.2, 0.4)

# Semantic roles the planner understands; templates map them to their own parameter names.
# "size" is the object's main overall dimension, what a bare "a 20 cm shelf bracket" sets (both
# arms of a bracket, the height of a vase, the diameter of a knob). A role may instead follow a
# choice (RoleSwitch) or be solved for (DerivedRole).
ROLES = (
    "width", "depth", "height", "length", "diameter", "top_diameter", "bottom_diameter", "radius",
    "wall", "floor", "thickness", "hole_diameter", "count", "clearance", "corner_radius", "size",
    "device_width", "device_length", "device_height", "text", "teeth", "module", "bore", "angle", "lid_clearance",
)


@dataclass(frozen=True)
class Feature:
    """An on/off (or choice) feature the user names in words ("add a lid", "drainage holes")."""

    param: str
    on: Any = 1
    off: Any = 0
    words_en: tuple[str, ...] = ()
    words_pt: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleSwitch:
    """A role whose parameters follow a choice parameter: a block's "width" is its diameter once the
    block is a cylinder. `cases` maps choice indices to parameter names (comma separated); other
    choices keep the template's plain `roles` entry."""

    param: str
    cases: Mapping[int, str]


@dataclass(frozen=True)
class DerivedRole:
    """A size no single parameter holds, set by solving for one: a gear's outside diameter is
    module × (teeth + 2). `value` gives the size now; `solves` lists (parameter, expression over the
    parameters and `target`) in order of preference, and the planner solves for the first one the
    user did not state in the same request (keep the module and count teeth, unless the teeth were
    given)."""

    value: str
    solves: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Check:
    """A printability rule over parameter values, e.g. ("wall * 2 < top_diameter", "...").

    The refusal is the answer a user reads when they ask for something impossible, so it carries
    its Brazilian Portuguese text too (`pt`): a Portuguese conversation must not switch to English
    for the one sentence that explains why. tests/core/test_check_translations.py keeps every
    library rule translated.
    """

    expr: str
    message: str
    pt: str = ""

    def text(self, lang: str) -> str:
        """The message in `lang` ("en" or "pt"); English where no translation exists."""
        return self.pt if lang == "pt" and self.pt else self.message


@dataclass(frozen=True)
class Extent:
    """The bounding box a template promises for given values, so "how big is it?" needs no build.

    `bodies` is how many separate parts lie on the plate (box + lid = 2). `exact` is False only
    where the box is an upper bound (a twisted polygonal vase: its corners turn inside the bound).
    """

    x: float
    y: float
    z: float
    bodies: int = 1
    exact: bool = True

    @property
    def size(self) -> tuple[float, float, float]:
        return (self.x, self.y, self.z)


@dataclass(frozen=True)
class LocalEdit:
    """The change a designer makes to one feature of the model without reshaping the whole part (a
    hole, a fit clearance, a saucer, a lid), with the values that make that feature exist. The tree
    is laid out so this edit rebuilds only that feature's subtree; bench_regenerate holds it to being
    ≥ 3× faster than a full build."""

    param: str
    setup: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class TemplateSpec:
    id: str
    title: str
    title_pt: str
    description: str
    category: str
    params: Callable[[], list[Parameter]]
    build: Callable[[], Node]
    synonyms_en: tuple[str, ...] = ()
    synonyms_pt: tuple[str, ...] = ()
    roles: Mapping[str, str] = field(default_factory=dict)
    features: Mapping[str, Feature] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()
    tags: tuple[str, ...] = ()
    extent: Callable[[Document], Extent] | None = None
    role_switches: Mapping[str, RoleSwitch] = field(default_factory=dict)
    derived: Mapping[str, DerivedRole] = field(default_factory=dict)
    description_pt: str = ""
    """The description in Brazilian Portuguese, for replies in that language."""
    local_edit: LocalEdit | None = None

    def __post_init__(self) -> None:
        for check in self.checks:
            parse(check.expr)
        for derived in self.derived.values():
            for expr in (derived.value, *(e for _, e in derived.solves)):
                parse(expr)

    def parameters(self) -> list[Parameter]:
        return self.params()

    def params_for(self, role: str, values: Mapping[str, Any] | None = None) -> tuple[str, ...]:
        """Parameter names a role sets; a role may name several ("size" of a block: "width,depth,height").
        With the current `values`, a role switch picks the names for the chosen shape."""
        names = self.roles.get(role, "")
        switch = self.role_switches.get(role)
        if switch is not None and values is not None and switch.param in values:
            names = switch.cases.get(int(values[switch.param]), names)
        return tuple(n.strip() for n in names.split(",") if n.strip())

    def expected_extent(self, doc: Document) -> Extent | None:
        return self.extent(doc) if self.extent else None

    def make(self, values: Mapping[str, Any] | None = None, name: str | None = None) -> Document:
        """A new document at defaults, with `values` applied and the printability checks run."""
        params = self.params()
        by_name = {p.name: p for p in params}
        for key, value in (values or {}).items():
            if key not in by_name:
                raise ParameterError(f"{self.title} has no parameter '{key}'.")
            by_name[key].value = by_name[key].coerce(value)
        doc = Document(
            name=name or self.title,
            params=params,
            root=self.build(),
            metadata={"template": self.id, "template_version": 1},
        )
        self.validate(doc)
        return doc

    def validate(self, doc: Document) -> None:
        """Raise ParameterError with the first broken printability rule (its Portuguese text rides along)."""
        values = doc.values()
        for check in self.checks:
            if not parse(check.expr).evaluate(values):
                raise ParameterError(check.message, pt=check.pt)

    def problems(self, doc: Document, lang: str = "en") -> list[str]:
        """Every broken printability rule, in `lang` ("en" or "pt")."""
        values = doc.values()
        return [c.text(lang) for c in self.checks if not parse(c.expr).evaluate(values)]
