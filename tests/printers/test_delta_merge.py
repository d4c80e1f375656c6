"""P1-series printers send deltas: only what changed. A tray or an AMS unit that appears in a delta (a spool loaded,
a second AMS plugged in) must be added to the state, next to the ones already known (issue 16: dropping new trays
went unnoticed by the tests)."""

from __future__ import annotations

from printers.state import deep_merge


def _report() -> dict[str, object]:
    return {"ams": {"ams": [{"id": "0", "humidity": "4", "tray": [{"id": "0", "tray_type": "PLA"}]}]}}


def test_a_tray_first_seen_in_a_delta_is_added_to_its_unit() -> None:
    state = _report()
    deep_merge(state, {"ams": {"ams": [{"id": "0", "tray": [{"id": "2", "tray_type": "PETG"}]}]}})
    trays = state["ams"]["ams"][0]["tray"]  # type: ignore[index]
    assert [(t["id"], t["tray_type"]) for t in trays] == [("0", "PLA"), ("2", "PETG")]


def test_a_unit_first_seen_in_a_delta_is_added_and_the_known_one_kept() -> None:
    state = _report()
    deep_merge(state, {"ams": {"ams": [{"id": "1", "tray": [{"id": "0", "tray_type": "ABS"}]}]}})
    units = state["ams"]["ams"]  # type: ignore[index]
    assert [u["id"] for u in units] == ["0", "1"]
    assert units[0]["tray"][0]["tray_type"] == "PLA" and units[1]["tray"][0]["tray_type"] == "ABS"


def test_a_known_tray_is_updated_in_place_and_keeps_its_other_fields() -> None:
    state = _report()
    deep_merge(state, {"ams": {"ams": [{"id": "0", "tray": [{"id": "0", "remain": 40}]}]}})
    assert state["ams"]["ams"][0]["tray"] == [{"id": "0", "tray_type": "PLA", "remain": 40}]  # type: ignore[index]


def test_a_new_tray_is_a_copy_so_later_deltas_do_not_alias_it() -> None:
    state = _report()
    delta = {"ams": {"ams": [{"id": "0", "tray": [{"id": "3", "tray_type": "TPU"}]}]}}
    deep_merge(state, delta)
    delta["ams"]["ams"][0]["tray"][0]["tray_type"] = "changed"
    assert state["ams"]["ams"][0]["tray"][1]["tray_type"] == "TPU"  # type: ignore[index]


def test_a_value_changing_kind_replaces_the_old_one() -> None:
    """A field that was a number and now is an object (or the reverse), a list without ids: replaced, not merged."""
    state: dict[str, object] = {"a": 1, "b": {"c": 2}, "hms": [{"id": "1"}], "d": 3}
    deep_merge(state, {"a": {"x": 1}, "b": 5, "hms": [7, 8], "d": [1]})
    assert state == {"a": {"x": 1}, "b": 5, "hms": [7, 8], "d": [1]}


def test_one_new_tray_sent_twice_in_a_delta_is_one_tray() -> None:
    state = {"tray": [{"id": "0", "k": "PLA"}, {"id": "1", "k": "PETG"}]}
    deep_merge(state, {"tray": [{"id": "2", "k": "ABS"}, {"id": "2", "remain": 80}]})
    assert state["tray"] == [{"id": "0", "k": "PLA"}, {"id": "1", "k": "PETG"}, {"id": "2", "k": "ABS", "remain": 80}]


def test_merged_values_are_copies_of_the_delta_at_any_depth() -> None:
    state: dict[str, object] = {"tray": [{"id": "0"}], "hms": []}
    delta = {"tray": [{"id": "3", "cols": {"main": "FF0000FF"}}], "hms": [{"attr": 1}], "lights": {"on": True}}
    deep_merge(state, delta)
    delta["tray"][0]["cols"]["main"] = "changed"  # type: ignore[index]
    delta["hms"][0]["attr"] = 2  # type: ignore[index]
    delta["lights"]["on"] = False  # type: ignore[index]
    assert state == {"tray": [{"id": "0"}, {"id": "3", "cols": {"main": "FF0000FF"}}], "hms": [{"attr": 1}],
                     "lights": {"on": True}}
