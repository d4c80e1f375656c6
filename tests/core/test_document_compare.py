"""What differs between two versions, as the compare view lists it: parameters old → new (derived ones by
value), parts added/removed/changed — read off the same op diff the sync sends."""

from __future__ import annotations

from core.document.compare import ParamChange, PartChange, compare
from core.document.document import Document
from core.document.nodes import Node
from core.document.parameters import Parameter
from tests.sync_client.samples import planter


def _with_inner() -> Document:
    doc = planter()
    doc.set_param(Parameter("inner", 0, expr="width - 2 * wall"), "inner")
    doc.update_node("cavity", {"size": ["=inner", "=inner", "=height"]})
    return doc


def test_a_changed_value_names_the_parameter_its_derived_values_and_the_parts_reading_them() -> None:
    old = _with_inner()
    new = old.copy()
    new.set_param_value("width", 150)
    result = compare(old.to_json(), new.to_json())
    assert result.params == [ParamChange("width", "Width", "mm", 100, 150),
                             ParamChange("inner", "Inner", "mm", 96, 146)]
    assert result.parts == [PartChange("body", "Body", "changed"), PartChange("cavity", "Cavity", "changed")]


def test_parts_added_removed_and_edited_each_say_so_and_the_document_name_is_not_a_difference() -> None:
    old = planter()
    new = old.copy()
    new.name = "Planter, rounder"
    new.insert_node("root", Node("sphere", {"r": 5}, id="knob", name="Knob", children=[]))
    new.remove_node("handle")
    new.update_node("body", {"center": True})
    result = compare(old.to_json(), new.to_json())
    assert result.params == []
    assert result.parts == [PartChange("body", "Body", "changed"), PartChange("knob", "Knob", "added"),
                            PartChange("handle", "Handle", "removed")]
    assert compare(old.to_json(), {**old.to_json(), "name": "Renamed"}).same


def test_a_parameter_added_or_removed_has_no_old_or_new_value() -> None:
    old = planter()
    new = old.copy()
    new.set_param(Parameter("rim", 3.0), "rim")
    result = compare(old.to_json(), new.to_json())
    assert result.params == [ParamChange("rim", "Rim", "mm", None, 3.0)]
    assert compare(new.to_json(), old.to_json()).params == [ParamChange("rim", "Rim", "mm", 3.0, None)]


def test_a_part_whose_type_changed_is_still_listed_when_the_ops_can_only_replace_the_document() -> None:
    old = planter()
    new = old.copy()
    new.remove_node("handle")
    new.insert_node("root", Node("sphere", {"r": 4}, id="handle", name="Handle"))  # same id, another shape
    new.set_param(Parameter("style", 1, kind="choice", choices=["plain", "ribbed"]), "style")
    result = compare(old.to_json(), new.to_json())
    assert PartChange("handle", "Handle", "changed") in result.parts
    assert result.params == [ParamChange("style", "Style", "mm", None, "ribbed")]
