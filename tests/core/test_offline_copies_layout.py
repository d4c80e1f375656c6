"""Copies lie in a row along the object's narrower side, so a few long parts fit the bed (issue 13 item 3:
"wall hooks for towels, I need 3 of them" laid out on the plate). Measured on the built mesh."""

from __future__ import annotations

from core.assistant.base import PrinterContext
from core.assistant.offline.planner import OfflinePlanner
from core.assistant.session import DesignSession
from core.geometry.build import Evaluator
from core.geometry.printability import body_count


def test_three_long_bag_clips_lie_side_by_side_across_their_length_and_fit_the_bed() -> None:
    session = DesignSession(OfflinePlanner())
    reply = session.send("bag clips for chip bags, 100 mm long, make 3")
    mesh = Evaluator().mesh(session.doc)
    bed = PrinterContext().bed
    assert body_count(mesh) == 3
    assert mesh.extents[0] <= bed[0] and mesh.extents[1] <= bed[1], (mesh.extents, reply.text)
    assert "will not fit" not in reply.text

    session.send("make it 150 mm long")  # the row keeps its direction: the clips grow, the row does not
    grown = Evaluator().mesh(session.doc)
    assert body_count(grown) == 3
    assert grown.extents[0] > mesh.extents[0] + 45 and abs(grown.extents[1] - mesh.extents[1]) < 1


def test_copies_that_overrun_the_bed_in_one_row_are_laid_out_in_rows_and_the_count_stays_editable() -> None:
    session = DesignSession(OfflinePlanner())
    reply = session.send("four hexagonal coasters for the living room")  # 100 mm each: a row would be 376 mm
    mesh = Evaluator().mesh(session.doc)
    bed = PrinterContext().bed
    assert body_count(mesh) == 4, reply.text
    assert mesh.extents[0] <= bed[0] and mesh.extents[1] <= bed[1], (mesh.extents, reply.text)
    assert "rows of 2" in reply.text and "will not fit" not in reply.text

    session.send("make 3 of them")  # the last row is not full
    assert body_count(Evaluator().mesh(session.doc)) == 3


def test_a_count_before_the_objects_plural_name_is_copies_not_a_size() -> None:
    for prompt, template, count in (("two chip clips, 12 cm long", "bag_clip", 2),
                                    ("three small succulent pots, 6 cm wide", "plant_pot", 3),
                                    ("10 M3 washers", "spacer", 10),
                                    ("a pair of shelf brackets for the garage", "shelf_bracket", 2),
                                    ("4 porta-copos sextavados", "coaster", 4),
                                    ("4 mm spacers", "spacer", 1),  # a size before the name
                                    ("a wall hook with 3 hooks", "wall_hook", 1)):  # a count the hook keeps
        session = DesignSession(OfflinePlanner())
        reply = session.send(prompt)
        assert session.doc.template == template, (prompt, reply.text)
        assert body_count(Evaluator().mesh(session.doc)) == count, (prompt, reply.text)
