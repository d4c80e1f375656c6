"""2D shape kind "gear": the outline of an involute spur gear.

    {"kind": "gear", "teeth": 20, "module": 2, "pressure_angle": 20, "bore": 5}

Standard full-depth proportions: pitch radius m·z/2, addendum m (so the outside diameter is
m·(z + 2)), dedendum 1.25·m. Tooth 0 is centred on the +X axis, so the tip of that tooth touches
x = m·(z + 2)/2 exactly; with an even tooth count the X extent is the full outside diameter.

Each tooth is a wedge from the centre bounded by its two involute flanks and a tip arc; the wedges
are unioned with the root circle. Below the base circle the flank continues radially (no undercut
modelling): for printed gears with z ≥ 8 the difference is far below a nozzle width.
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
    """One tooth wedge (centred on +X) as an (N, 2) counter-clockwise polygon through the origin."""
    alpha = math.radians(pressure_angle_deg)
    pitch_r = module * teeth / 2
    tip_r = pitch_r + module
    base_r = pitch_r * math.cos(alpha)
    # Half the tooth's angular thickness measured where the involute leaves the base circle.
    half_base = math.pi / (2 * teeth) + _involute(alpha)

    def flank_angle(r: float) -> float:
        return half_base - _involute(math.acos(min(1.0, base_r / r)))

    start_r = max(base_r, pitch_r - 1.25 * module)
    radii = np.linspace(start_r, tip_r, FLANK_POINTS)
    angles = np.array([flank_angle(r) for r in radii])
    # Small gears with a large pressure angle can come to a point before the tip circle.
    angles = np.maximum(angles, 0.02 / tip_r)
    tip = np.linspace(-angles[-1], angles[-1], TIP_POINTS)
    lower = [(r * math.cos(-a), r * math.sin(-a)) for r, a in zip(radii, angles, strict=True)]
    arc = [(tip_r * math.cos(a), tip_r * math.sin(a)) for a in tip[1:-1]]
    upper = [(r * math.cos(a), r * math.sin(a)) for r, a in zip(radii[::-1], angles[::-1], strict=True)]
    return np.array([(0.0, 0.0), *lower, *arc, *upper])


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
    contours = []
    for k in range(teeth):
        a = 2 * math.pi * k / teeth
        rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
        contours.append(tooth @ rot.T)
    ring = max(segments, 2 * teeth)
    theta = np.linspace(0, 2 * math.pi, ring, endpoint=False)
    contours.append(np.column_stack([root_r * np.cos(theta), root_r * np.sin(theta)]))
    outline = m3d.CrossSection(contours, m3d.FillRule.Positive)
    bore = num(spec, "bore", 0.0)
    if bore > 0:
        if bore / 2 >= root_r - 0.8:
            raise GeometryError(Phrase(
                "A {0:g} mm bore leaves no material under the teeth (root diameter {1:.1f} mm).",
                bore, 2 * root_r,
            ))
        outline = outline - m3d.CrossSection.circle(bore / 2, segments)
    return outline
