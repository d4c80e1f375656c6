"""Mentions, features and relative edits → new parameter values for one template.

Semantic roles come from the sentence ("width", "hole_diameter"); each template maps the roles it
has to its own parameter names (`TemplateSpec.roles`). When a template lacks the role a word names,
a short, ordered list of stand-ins is tried ("12 cm wide" on a round pot sets its diameter), and
explicitly named roles claim their parameters before stand-ins do. A role may follow the chosen
shape (`TemplateSpec.role_switches`: "a cylinder 30 mm wide" sets the diameter) or be solved for
(`TemplateSpec.derived`: "a gear 44 mm across" keeps the module and counts the teeth). Every value is clamped into
the parameter's range, and each clamp is reported so the reply can say so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from core.assistant.offline import counts
from core.assistant.offline import lexicon as lx
from core.assistant.offline.counts import QUALITATIVE_STEP
from core.assistant.offline.edits import RelativeEdit
from core.assistant.offline.features import FeatureHit
from core.assistant.offline.matcher import concepts
from core.assistant.offline.mentions import Mention
from core.assistant.offline.normalise import SCREW_MARK
from core.assistant.offline.text import fold, stem, words
from core.document.expressions import Number, parse
from core.document.parameters import Parameter
from core.templates.base import TemplateSpec

SIZE_ROLES = ("size", "width", "depth", "height", "length", "diameter", "top_diameter", "bottom_diameter",
              "device_width", "device_length", "device_height")
PRIMARY = ("size", "diameter", "top_diameter", "width", "length", "height", "thickness")
FALLBACKS: dict[str, tuple[str, ...]] = {
    "width": ("depth", "diameter", "top_diameter", "size", "length"),  # "120 long, 80 wide": the other side
    "depth": ("length", "width", "height"),
    "height": ("thickness", "length", "size"),
    "length": ("width", "depth", "diameter", "height"),
    "diameter": ("top_diameter", "size", "width"),
    "top_diameter": ("diameter", "width"),
    "bottom_diameter": ("diameter",),
    "thickness": ("wall", "height", "floor"),
    "wall": ("thickness",),
    "floor": ("thickness",),
    "hole_diameter": ("bore",),
    "bore": ("hole_diameter",),
    "fit": ("lid_clearance", "clearance"),  # "too tight", "looser": a lid's own fit where there is one
    "size": ("width", "diameter", "top_diameter", "length", "height"),
    "device_width": ("width",),
    "device_length": ("depth", "length"),
    "device_height": ("height",),
}
# Round parts taper between these roles; changing the first alone keeps the template's proportion.
PROPORTIONAL = (("top_diameter", "bottom_diameter"),)
# A new object whose footprint is far from the default keeps its shape: height follows the rim.
SHAPE_KEEPING = (("top_diameter", "height"),)
SHAPE_RATIO = 2.0
_DIAMETERS = frozenset({"diameter", "top_diameter", "bottom_diameter", "hole_diameter", "bore"})
_THIN = frozenset({"wall", "floor", "thickness", "clearance", "fit"})
_SIDES = frozenset({"width", "depth", "length", "height"})
_PART_SUFFIXES = ("height", "diameter", "length", "width", "depth", "thickness")
_OF_PART = re.compile(r"\b(?:do|da|dos|das) ([a-z]+)$")


def _portuguese_parts(params: Mapping[str, Parameter]) -> dict[str, str]:
    """Portuguese part nouns (stemmed) → the parameter-name prefix they stand for: "Diâmetro do bico" and
    "Comprimento do bico" on spout_diameter and spout_length make "bico" the spout. A noun whose
    parameters do not share one prefix names no single part and is left out."""
    prefixes: dict[str, set[str]] = {}
    for name, p in params.items():
        found = _OF_PART.search(fold(p.label_pt or "").strip())
        if found is not None and "_" in name:
            prefixes.setdefault(stem(found.group(1)), set()).add(name.split("_")[0])
    return {noun: next(iter(names)) for noun, names in prefixes.items() if len(names) == 1}
_PART_BY_ROLE = {  # a part's parameter a comparative changes: "the saucer wider" → saucer_margin
    "width": ("width", "diameter", "margin", "length"), "depth": ("depth", "length"), "height": ("height", "length"),
    "length": ("length", "width", "depth"), "thickness": ("thickness", "wall", "depth", "diameter"),
    "scale": ("diameter", "width", "length", "height", "margin", "radius"), "clearance": ("clearance",),
    "fit": ("clearance",),
}
SOLVED_WORDS = {"height": ("height", "Altura"), "width": ("width", "Largura"), "diameter": ("diameter", "Diâmetro"),
                "size": ("size", "Tamanho")}
"""A derived size, named in the reply after an edit solved for it ("Overall height: 85.57 mm → 95.57 mm.")."""
_STRAIGHT = re.compile(r"\b(?:straight|cylindrical|cilindric[oa]s?|(?:lados|paredes|laterais) ret[oa]s|reto|reta)\b")
IMPOSSIBLE = 2.0
"""A stated size twice past a parameter's range (or under half its smallest) is a mistake or a wish to ask about,
not a value to clamp into another object: "10 km", "0.0001 mm walls", "a bowl 3 metres across", "a pen cup 5 mm
tall". Nearer the range it is limited and the reply says so ("a 270 mm pen cup": 250 mm)."""
CLEARANCE_STEP = 0.1
THIN_STEP_BELOW = 6.0
"""A wall, floor or plate thinner than this grows by a nozzle width; a thick part ("a thicker gear", 8 mm) by
a fifth, like any other size."""
TWIST_SIDES = 6


@dataclass(frozen=True)
class Clamp:
    param: str
    value: Number


@dataclass
class Resolution:
    """New values by parameter name, the values that had to be clamped, and the numbers or words
    that could not be placed on this template (both reported to the user)."""

    values: dict[str, Any] = field(default_factory=dict)
    clamps: list[Clamp] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (reply phrase key, its fields)
    copies: int | None = None  # "I need 3 of them": how many to print, never a size
    impossible: list[Clamp] = field(default_factory=list)  # stated sizes no printer makes (asked about)


def role_params(spec: TemplateSpec, role: str, values: Mapping[str, Any] | None = None) -> list[str]:
    """The parameter(s) a template maps a role to; "width,depth,height" sets several at once
    (a block's "size"). With `values`, a role that follows the shape picks the shape's parameters."""
    return list(spec.params_for(role, values))


class Resolver:
    """Resolves one message against one template, starting from `current` values."""

    def __init__(self, spec: TemplateSpec, params: Mapping[str, Parameter], current: Mapping[str, Number],
                 nozzle: float = 0.4, text: str = "", screw: str = "", creating: bool = False) -> None:
        self.spec = spec
        self.creating = creating  # a new model: its defaults were never seen, so nothing is relative to them
        self.screw = screw  # a screw size ("M3") set the hole: a bare length is then the part's length
        self._by_feature: set[str] = set()  # values a feature word chose, which a number may refine
        self._screw_holes: set[str] = set()  # holes sized from a screw ("M3"), which a stated hole size replaces
        self._named: set[str] = set()  # parameters of a part the sentence names ("the top wider"): no follower
        self.text = text  # the folded message the mentions' positions refer to
        self.params = params
        self.current = dict(current)
        self.nozzle = nozzle
        self.out = Resolution()
        # "4 hooks", "3 cabos": counting the object itself (its own title/synonym words)
        names = (spec.title, spec.title_pt, *spec.synonyms_en, *spec.synonyms_pt)
        self.object_words = {w for phrase in names for w in concepts(phrase, canonical=False)}
        # "a 6 cm wall hook", "gancho de parede de 8 cm": a part-noun that is a word of the object's
        # own name, said within that name and not about any parameter, names the object, not a part
        # ("a wall hook with 3 mm walls" still sets the walls).
        self.names = [fold(phrase) for phrase in names]
        # the object's own noun: the last word of a short English name ("wall hook"), the first of a
        # Portuguese one ("gancho de parede"); "shelf" in "shelf bracket" only says which bracket
        self.heads = {stem(ws[-1]) for p in (spec.title, *spec.synonyms_en) if 0 < len(ws := words(fold(p))) <= 3} | {
            stem(ws[0]) for p in (spec.title_pt, *spec.synonyms_pt) if 0 < len(ws := words(fold(p))) <= 3}
        self.name_nouns = {noun for phrase in self.names for w in words(phrase)
                           if (noun := lx.noun_of(w)) and not self._has_part(noun)}
        # "bico de 15 mm": a part named in Portuguese labels ("diâmetro do bico") → the names' prefix ("spout")
        self.pt_parts = _portuguese_parts(params)

    # --- role → parameters --------------------------------------------------------------------
    def targets(self, role: str, noun: str | None = None, measured: str | None = None,
                fallback: bool = True) -> list[str]:
        """Parameters a value for `role` goes to: a noun-specific parameter first ("lid" + "height" →
        lid_height), then the role, then its stand-ins, skipping parameters already set."""
        if noun:
            for name in (f"{noun}_{measured}" if measured else "", noun, f"{noun}s"):
                if name in self.params and self._settable(name):
                    return [name]
        if role in self.spec.derived:
            fallback = False  # a size the template solves for exactly ("10 mm taller") takes no stand-in
        for candidate in [role, *(FALLBACKS.get(role, ()) if fallback else ())]:
            names = [n for n in self.role_params(candidate) if n in self.params and self._settable(n)]
            if names and not any(self._taken(n) for n in names):
                return names
        return []

    def _taken(self, name: str) -> bool:
        """Set by a number of this message already ("twisted, 45 degrees" refines the feature's twist)."""
        return name in self.out.values and name not in self._by_feature

    def _names_object(self, m: Mention) -> bool:
        around = self.text[m.reach[0]:m.reach[1]]
        if m.noun in self.name_nouns and any(name in around for name in self.names):
            return True
        # the number right after or before the object's full name: "a 15 cm shelf bracket", "suporte de prateleira
        # de 20 cm" are the bracket's size, though a shelf alone is a part ("for a 25 cm shelf")
        preceding = words(self.text[max(0, m.start - 48):m.start])
        while preceding and preceding[-1] in ("de", "of"):
            preceding.pop()
        before = " ".join(preceding)
        return self._opens_name(m.after_words[:4]) or any(
            before == name or before.endswith(f" {name}") for name in self.names if " " in name)

    def _opens_name(self, following: list[str]) -> bool:
        """Whether these words start with one of the object's several-word names ("wall hook ...")."""
        text = " ".join(following)
        return any(text == name or text.startswith(f"{name} ") for name in self.names if " " in name)

    def _has_part(self, noun: str) -> bool:
        roles = {role for (n, _), role in lx.NOUN_ROLES.items() if n == noun}
        return any(r in self.spec.roles for r in roles) or any(
            name in (noun, f"{noun}s") or name.startswith(f"{noun}_") for name in self.params)

    def role_params(self, role: str) -> list[str]:
        """Parameters of a role for the shape as it stands after this message's features."""
        return role_params(self.spec, role, {**self.current, **self.out.values})

    def _settable(self, name: str) -> bool:
        return self.params[name].expr is None

    # --- applying values -------------------------------------------------------------------------
    def set(self, name: str, value: Any, by_feature: bool = False) -> None:
        param = self.params[name]
        (self._by_feature.add if by_feature else self._by_feature.discard)(name)
        if isinstance(value, str) or param.kind in ("bool", "choice"):
            self.out.values[name] = param.coerce(value)
            return
        value = round(float(value), 2)  # 0.01 mm: no 76.19999999999999 from unit conversions and percentages
        clamped = param.clamp(value)
        wanted = round(value) if param.kind == "int" else value
        if abs(float(clamped) - wanted) > 1e-6:
            self.out.clamps.append(Clamp(name, clamped))
        self.out.values[name] = clamped

    def state(self, name: str, value: float) -> None:
        """A size the user stated outright. One it cannot be (negative or zero, twice past the range, under
        half its smallest) is not clamped into something else: it is kept aside so the planner asks what
        was meant ("a cube with a side of minus 20 mm", "10 km", "0.0001 mm walls", "a 1 metre pen cup")."""
        param = self.params[name]
        if param.kind == "float" and param.unit == "mm" and param.min is not None and param.max is not None and (
                (value <= 0 < param.min) or value > IMPOSSIBLE * param.max or 0 < value < param.min / IMPOSSIBLE):
            self.out.impossible.append(Clamp(name, value))
            return
        self.set(name, value)

    def _drop_screw_note(self) -> None:
        """The user's own hole size won: the reply must not say the screw's hole was made."""
        self.out.notes = [(key, fields) for key, fields in self.out.notes if key != "screw"]
        for choice in self._screw_choices():
            self.out.values.pop(choice, None)

    def value(self, name: str) -> float:
        return float(self.out.values.get(name, self.current[name]))

    # --- the three kinds of input ----------------------------------------------------------------
    def keeps_sides(self, hit: FeatureHit, mentions: list[Mention]) -> bool:
        """A shape word is overruled by the sizes said with it: "a rod 8 cm long, 1.5 cm wide and 1 cm
        high" measures three sides, which a cylinder (a diameter and a height) cannot take."""
        sides = {m.measured for m in mentions if m.measured in _SIDES and len(m.measure.values) == 1}
        if len(sides) < 3 or not any(s in self.spec.role_switches for s in sides):
            return True
        shaped = {**self.current, hit.feature.param: hit.feature.on if hit.on else hit.feature.off}
        return len({n for side in sides for n in self.spec.params_for(side, shaped)}) >= len(sides)

    def apply_features(self, hits: list[FeatureHit]) -> None:
        for hit in hits:
            param = self.params.get(hit.feature.param)
            if param is None:
                continue
            value = hit.feature.on if hit.on else hit.feature.off
            current = self.current.get(param.name)
            if hit.on and not self.creating and param.kind in ("int", "float") and current is not None and float(
                    current) != float(hit.feature.off):
                value = current  # already on: "with drainage holes" keeps the 8 it has, "smaller corners" their radius
            self.set(param.name, value, by_feature=True)

    def apply_mentions(self, mentions: list[Mention], features: list[FeatureHit]) -> None:
        singles: list[tuple[Mention, str, float]] = []  # (mention, role, mm) placed in a second pass
        unbound: list[Mention] = []
        for m in (replace(m, noun=None) if self._names_object(m) else m for m in mentions):
            if m.percent:
                self._percent(m)
            elif len(m.measure.values) > 1:
                self._group(m)
            elif m.param is not None:  # the slot grammar named the parameter itself ("inner diameter of 8.4")
                self._put([m.param] if self._settable(m.param) else [], m, m.measure.value)
            elif m.measure.unit is None and counts.apply_count(self, m, features):
                continue
            else:
                role = self._role_of(m)
                if role is None:
                    unbound.append(m)
                    continue
                mm = m.measure.value * (2 if m.measured == "radius" and role in _DIAMETERS else 1)
                if m.direction:
                    self._put(self.targets(role, m.noun, m.measured), m, mm, role=role)
                    continue
                direct = self.targets(role, m.noun, m.measured, fallback=False)
                if direct:
                    self._put(direct, m, mm)
                else:
                    singles.append((m, role, mm))
        for m, role, mm in singles:
            self._put(self.targets(role, m.noun, m.measured), m, mm, role=role)
        for m in unbound:
            named = self._named_part(m)
            if named is not None:
                self._put([named], m, m.measure.value)
            else:
                self._primary(m)

    def apply_relative(self, edits: list[RelativeEdit]) -> None:
        for edit in edits:
            if edit.role == "count":
                counts.step_count(self, edit)
                continue
            part = self._part(edit)
            if part is not None:
                names, role = part
                self._named.update(names)
            elif edit.role == "scale":
                names, role = self._size_params(), "scale"
            else:
                role = edit.role
                names = self.targets(role)
                if not names and not self._solve(role, factor=self._factor(edit)):
                    self.out.unplaced.append(edit.role)
            for name in names:
                thin = role in _THIN and (role in ("clearance", "fit") or self.value(name) < THIN_STEP_BELOW)
                if edit.factor is None and (thin or name in self.role_params("wall")):
                    step = CLEARANCE_STEP if role in ("clearance", "fit") else self.nozzle
                    self.set(name, self.value(name) + edit.direction * step)
                else:
                    self.set(name, self.value(name) * self._factor(edit))

    def _part(self, edit: RelativeEdit) -> tuple[list[str], str] | None:
        """"make the ring bigger", "the bottom narrower", "thicker walls", "the saucer wider": the
        parameters of the part named in the edit's clause, and the role they play."""
        for word in edit.near:
            noun = lx.noun_of(word)
            if noun is not None and noun in self.name_nouns:
                continue  # "make the wall hook taller": the hook, not its walls
            role = lx.NOUN_ROLES.get((noun, edit.role)) or lx.NOUN_ROLES.get((noun, None)) if noun else None
            names = self.targets(role, fallback=False) if role else []
            if names:
                return names, role or edit.role
            for prefix in dict.fromkeys((noun or word, word, stem(word))):
                family = [n for n in self.params if n.startswith(f"{prefix}_") and self._settable(n)]
                for suffix in _PART_BY_ROLE.get(edit.role, ()):
                    if f"{prefix}_{suffix}" in family:
                        return [f"{prefix}_{suffix}"], suffix
        return None

    def keep_proportions(self) -> None:
        """"a pot 8 cm wide" or "twice as wide" scales the base with the rim instead of leaving a
        default 90 mm base under an 80 mm rim; a new "tiny pot 4 cm wide" is not left 10 cm tall."""
        pairs = (*PROPORTIONAL, *(SHAPE_KEEPING if self.creating else ()))
        for lead_role, follow_role in pairs:
            leads, follows = self.role_params(lead_role), self.role_params(follow_role)
            if len(leads) != 1 or len(follows) != 1 or leads == follows:
                continue
            lead, follow = leads[0], follows[0]
            if follow in self.out.values or lead not in self.out.values or float(self.current[lead]) <= 0 \
                    or lead in self._named:
                continue
            ratio = float(self.out.values[lead]) / float(self.current[lead])
            if (lead_role, follow_role) in SHAPE_KEEPING:
                if ratio >= 1 / SHAPE_RATIO:
                    continue  # only a much smaller one: a tiny pot is not a tube (a wide one may be a bowl)
                param = self.params[follow]
                self.out.notes.append(("proportional", {"name_en": param.display_name.lower(),
                                                        "name_pt": (param.label_pt or param.display_name).lower()}))
            scaled = float(self.current[follow]) * ratio
            self.set(follow, round(scaled) if (lead_role, follow_role) in SHAPE_KEEPING else scaled)

    def straighten(self) -> None:
        """"straight sides", "make it cylindrical", "paredes retas": a tapered part's base as wide as its top."""
        tops, bottoms = self.role_params("top_diameter"), self.role_params("bottom_diameter")
        if len(tops) != 1 or len(bottoms) != 1 or tops == bottoms or bottoms[0] in self.out.values \
                or not _STRAIGHT.search(self.text) or any(self.params[n].kind == "choice" for n in self.out.values):
            return
        self.set(bottoms[0], self.value(tops[0]))

    def show_twist(self) -> None:
        """"a twisted vase", "a 45° twist": a twist only shows on sides, so a round one gets a hexagon (and says so)."""
        twist, sides = self.role_params("angle"), self.role_params("count")
        if len(twist) != 1 or len(sides) != 1 or twist[0] not in self.out.values or sides[0] in self.out.values:
            return
        if self.value(twist[0]) and not self.current[sides[0]]:
            self.set(sides[0], TWIST_SIDES)
            self.out.notes.append(("twist_sides", {"sides": TWIST_SIDES}))

    def choose_rectangle(self, mentions: list[Mention]) -> None:
        """"a tray 20 x 15 cm", "a planter 30 cm long": two different sides, or a length on a round
        template, ask for the rectangular shape rather than a circle of the first size."""
        shape = next((p for p in self.params.values() if p.kind == "choice" and "round" in p.choices
                      and "square" in p.choices), None)
        if shape is None or shape.name in self.out.values or shape.choices[int(self.current[shape.name])] != "round":
            return
        sides = [n for role in ("width", "depth") for n in self.role_params(role)]
        uneven = len(set(sides)) == 2 and all(n in self.out.values for n in sides) and \
            abs(self.value(sides[0]) - self.value(sides[1])) > 1e-6
        lengthwise = any(m.measured in lx.RECTANGULAR_ROLES and m.measured not in self.spec.roles for m in mentions)
        if uneven or lengthwise:
            self.set(shape.name, "square")

    # --- helpers ------------------------------------------------------------------------------
    def _put(self, names: list[str], m: Mention, amount: float, factor: float | None = None,
             role: str | None = None) -> None:
        """Set names to `amount` mm, or change them by it ("10 mm wider"), or multiply by `factor`;
        with no parameter for the role, solve for it if the template derives it."""
        screw = SCREW_MARK in m.after_words
        if screw:  # the hole a screw size implies yields to one stated outright, before or after it
            names = [n for n in names if not self._taken(n)]
            if not names:
                self._drop_screw_note()
                return
        elif any(n in self._screw_holes for n in names):
            self._drop_screw_note()
        if not names:
            solved = role is not None and (
                self._solve(role, factor=factor) if factor is not None
                else self._solve(role, delta=m.direction * amount) if m.direction
                else self._solve(role, absolute=amount))
            if not solved:
                self.out.unplaced.append(_raw(m))
        for name in names:
            if factor is not None:
                self.set(name, self.value(name) * factor)
            else:
                if m.direction:
                    self.set(name, self.value(name) + m.direction * amount)
                else:
                    self.state(name, amount)
        if screw:
            self._by_feature.update(names)
            self._screw_holes.update(names)
            for choice in self._screw_choices():
                self.set(choice, self.screw)

    def _screw_choices(self) -> list[str]:
        """A template that lists screws by name ("screw": M2 … M8) takes the screw itself, so its own table
        sizes the hole and a countersink's head."""
        return [p.name for p in self.params.values() if p.kind == "choice" and self.screw in (p.choices or ())]

    @staticmethod
    def _factor(edit: RelativeEdit) -> float:
        return edit.factor if edit.factor is not None else 1 + edit.direction * QUALITATIVE_STEP

    def _size_params(self) -> list[str]:
        names: list[str] = []
        for role in SIZE_ROLES:
            for name in self.role_params(role):
                if name in self.params and self._settable(name) and name not in names:
                    names.append(name)
        return names

    def _role_of(self, m: Mention) -> str | None:
        if m.noun is not None:
            role = lx.NOUN_ROLES.get((m.noun, m.measured))
            if role is None and m.measured is None:
                role = lx.NOUN_ROLES.get((m.noun, None)) or (m.noun if m.noun in self.params else None)
            if role is not None:
                return role
        if m.measured == "radius" and not self.role_params("radius"):
            return "diameter"  # "raio de 3 cm" on a template sized by diameter (doubled by the caller)
        return m.measured

    def _percent(self, m: Mention) -> None:
        pct = m.measure.value
        factor = 1 + m.direction * pct / 100 if m.direction else pct / 100
        role = self._role_of(m) or "scale"
        names = self._size_params() if role in ("scale", "size") else self.targets(role, m.noun, m.measured)
        self._put(names, m, 0.0, factor, role=role)

    def _group(self, m: Mention) -> None:
        values = m.measure.values
        if self.role_params("device_width"):
            roles: tuple[str, ...] = ("device_width", "device_length", "device_height")
        elif self.role_params("depth"):
            roles = ("width", "depth", "height")
        elif len(values) == 3:
            roles = ("width", "", "height")  # a round object: "12 x 12 x 10 cm" is diameter × diameter × height
        else:
            roles = ("width", "height")
        for role, mm in zip(roles, values, strict=False):
            if not role:
                if abs(mm - values[0]) > 1e-6:
                    self.out.unplaced.append(f"{mm:g} mm")
                continue
            names = self.targets(role)
            if not names:
                self.out.unplaced.append(f"{mm:g} mm")
            for name in names:
                self.state(name, mm)

    def _named_part(self, m: Mention) -> str | None:
        """"a 5 mm rim", "a 20 mm hub": a word next to the number that starts a parameter's name
        (rim_height, hub_diameter) names the part even though the lexicon does not know it."""
        before = [stem(w) for w in words(self.text[m.reach[0]:m.start])][-2:]
        after = m.after_words[:2]
        for i, said in enumerate([*after, *reversed(before)]):
            if said in self.object_words and (stem(said) in self.heads or self._opens_name(after[i:])):
                continue  # "a 6 cm wall hook" is the hook's size, not its hook_depth; "a 25 cm shelf" is the shelf
            named = set(concepts(said, canonical=False)) & self.object_words  # "suporte de prateleira": the object
            word = said if named else self.pt_parts.get(said, said)
            family = [n for n in self.params if n.startswith(f"{word}_") and self._settable(n)
                      and self.params[n].kind == "float" and not self._taken(n)]
            for suffix in _PART_SUFFIXES:
                if f"{word}_{suffix}" in family:
                    return f"{word}_{suffix}"
            if family:
                return family[0]
        return None

    def _primary(self, m: Mention) -> None:
        """A length with no word saying what it measures: the template's main dimension."""
        order = [*(r for r in self.spec.required if r in self.spec.roles), *PRIMARY]
        if self.screw:
            order.insert(0, "length")  # "a 10 mm spacer for M3": the hole is the screw's, 10 mm its length
        for role in order:
            names = [n for n in self.role_params(role) if n in self.params and self._settable(n)]
            if names and not any(self._taken(n) for n in names):
                for name in names:  # "aumenta mais 3 cm": that much more of it
                    if m.direction:
                        self.set(name, self.value(name) + m.direction * m.measure.value)
                    else:
                        self.state(name, m.measure.value)
                return
            if not names and role in self.spec.derived and (
                    self._solve(role, delta=m.direction * m.measure.value) if m.direction
                    else self._solve(role, absolute=m.measure.value)):
                return
        self.out.unplaced.append(_raw(m))

    def _solve(self, role: str, absolute: float | None = None, factor: float = 1.0, delta: float = 0.0) -> bool:
        """Reach a derived size (the role or its first stand-in the template derives) — `absolute`, or
        the size now × `factor` + `delta` — by solving for the first of its parameters not already
        set by this message."""
        derived = next((self.spec.derived[r] for r in (role, *FALLBACKS.get(role, ())) if r in self.spec.derived),
                       None)
        if derived is None:
            return False
        values = {**self.current, **self.out.values}
        size = parse(derived.value)
        goal = absolute if absolute is not None else float(size.evaluate(values)) * factor + delta
        for name, expr in derived.solves:
            if name in self.params and self._settable(name) and name not in self.out.values:
                self.set(name, float(parse(expr).evaluate({**values, "target": goal})))
                if absolute is None and role in SOLVED_WORDS:  # an edit: say what the user asked about moved
                    before, after = (float(size.evaluate(v)) for v in (values, {**values, **self.out.values}))
                    self.out.notes.append(("solved", {"what_en": SOLVED_WORDS[role][0],
                                                      "what_pt": SOLVED_WORDS[role][1],
                                                      "before": f"{round(before, 2):g} mm",
                                                      "after": f"{round(after, 2):g} mm"}))
                return True
        return False


def _raw(m: Mention) -> str:
    value = m.measure.value
    return f"{value:g}%" if m.percent else (f"{value:g} mm" if m.measure.unit else f"{value:g}")
