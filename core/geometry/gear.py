"""2D shape kind "gear": the outline of an involute spur gear.

    {"kind": "gear", "teeth": 20, "module": 2, "pressure_angle": 20, "bore": 5}

Standard full-depth proportions: pitch radius m·z/2, addendum m (so the outside diameter is
m·(z + 2)), dedendum 1.25·m. Tooth 0 is centred on the +X axis, so the tip of that tooth touches
x = m·(z + 2)/2 exactly; with an even tooth count the X extent is the full outside diameter.

The outline is traced once around the gear: for each tooth its involute flank up, the tip arc, the
other flank down, then the root circle to the next tooth. One simple polygon, so Clipper has nothing to
union (wedges unioned with the root circle cost a 155-tooth gear 3.7 ms more, and 20 % more points to
triangulate). Below the base circle the flank continues radially (no undercut modelling): for printed
gears with z ≥ 8 the difference is far below a nozzle width.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import manifold3d as m3d
import numpy as np

from core.errors import GeometryError
from core.geometry.shapes import num, positive, register_shape
from core.tasks import Phrase

FLANK_POINTS = 6
TIP_POINTS = 3
MIN_TEETH, MAX_TEETH = 6, 400


def _involute(angle: float) -> float:
    return math.tan(angle) - angle


def tooth_outline(teeth: int, module: float, pressure_angle_deg: float) -> np.ndarray:
    """One tooth (centred on +X) as (N, 2) points counter-clockwise, from the root circle on its clockwise side,
    up one flank, across the tip and down the other flank to the root circle again."""
    alpha = math.radians(pressure_angle_deg)
    pitch_r = module * teeth / 2
    tip_r = pitch_r + module
    base_r = pitch_r * math.cos(alpha)
    root_r = pitch_r - 1.25 * module
    # Half the tooth's angular thickness measured where the involute leaves the base circle.
    half_base = math.pi / (2 * teeth) + _involute(alpha)

    def flank_angle(r: float) -> float:
        return half_base - _involute(math.acos(min(1.0, base_r / r)))

    radii = np.linspace(max(base_r, root_r), tip_r, FLANK_POINTS)
    angles = np.array([flank_angle(r) for r in radii])
    # Small gears with a large pressure angle can come to a point before the tip circle.
    angles = np.maximum(angles, 0.02 / tip_r)
    if base_r > root_r:  # the flank continues radially down to the root
        radii, angles = np.concatenate([[root_r], radii]), np.concatenate([angles[:1], angles])
    tip = np.linspace(-angles[-1], angles[-1], TIP_POINTS)[1:-1]
    polar = np.concatenate([np.column_stack([radii, -angles]), np.column_stack([np.full(len(tip), tip_r), tip]),
                            np.column_stack([radii[::-1], angles[::-1]])])
    return np.column_stack([polar[:, 0] * np.cos(polar[:, 1]), polar[:, 0] * np.sin(polar[:, 1])])


@register_shape("gear")
def _gear(spec: Mapping[str, Any], segments: int) -> m3d.CrossSection:
    teeth = int(num(spec, "teeth"))
    if not MIN_TEETH <= teeth <= MAX_TEETH:
        raise GeometryError(Phrase("A gear needs {0} to {1} teeth (got {2}).", MIN_TEETH, MAX_TEETH, teeth))
    module = positive(spec, "module")
    pressure = num(spec, "pressure_angle", 20.0)
    if not 10.0 <= pressure <= 35.0:
        raise GeometryError(Phrase(
            "A pressure angle of {0:g}° is not usable; use 14.5° to 25° (20° is standard).",
            pressure,
        ))
    root_r = module * (teeth / 2 - 1.25)
    tooth = tooth_outline(teeth, module, pressure)
    # The root arc from this tooth's last point to the next tooth's first, at about the circle's segment length.
    gap_start = math.atan2(tooth[-1, 1], tooth[-1, 0])
    gap = 2 * math.pi / teeth - 2 * gap_start
    inner = np.linspace(gap_start, gap_start + gap, max(2, round(gap / (2 * math.pi / max(segments, 2 * teeth)))) + 1)
    arc = np.column_stack([root_r * np.cos(inner[1:-1]), root_r * np.sin(inner[1:-1])])
    one = np.concatenate([tooth, arc])
    turns = 2 * math.pi * np.arange(teeth) / teeth
    cos, sin = np.cos(turns)[:, None], np.sin(turns)[:, None]
    points = np.stack([one[:, 0] * cos - one[:, 1] * sin, one[:, 0] * sin + one[:, 1] * cos], axis=-1)
    outline = m3d.CrossSection([points.reshape(-1, 2)], m3d.FillRule.Positive)
    bore = num(spec, "bore", 0.0)
    if bore > 0:
        if bore / 2 >= root_r - 0.8:
            raise GeometryError(Phrase(
                "A {0:g} mm bore leaves no material under the teeth (root diameter {1:.1f} mm).",
                bore, 2 * root_r,
            ))
        outline = outline - m3d.CrossSection.circle(bore / 2, segments)
    return outline
