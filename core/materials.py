"""The one table of filament materials that every estimate (grams, metres, cost, print time) reads.

Figures are typical retail values for 1.75 mm filament; they make estimates comparable, they do not
replace the slicer. Prices are per kilogram in `CURRENCY`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import PotStudioError

CURRENCY = "USD"


@dataclass(frozen=True)
class Material:
    name: str
    density_g_cm3: float
    price_per_kg: float
    diameter_mm: float
    print_speed_mm_s: float
    """Typical wall/infill speed on a stock printer; flexible TPU must go slowly."""


MATERIALS: dict[str, Material] = {
    m.name: m
    for m in (
        Material("PLA", density_g_cm3=1.24, price_per_kg=20.0, diameter_mm=1.75, print_speed_mm_s=60.0),
        Material("PETG", density_g_cm3=1.27, price_per_kg=22.0, diameter_mm=1.75, print_speed_mm_s=50.0),
        Material("ABS", density_g_cm3=1.04, price_per_kg=20.0, diameter_mm=1.75, print_speed_mm_s=55.0),
        Material("TPU", density_g_cm3=1.21, price_per_kg=35.0, diameter_mm=1.75, print_speed_mm_s=25.0),
    )
}


class UnknownMaterialError(PotStudioError):
    """The user named a material that is not in the table."""


def get_material(name: str) -> Material:
    """Case-insensitive lookup, so "pla" from a command line or a sentence works."""
    material = MATERIALS.get(name.strip().upper())
    if material is None:
        raise UnknownMaterialError(f"Unknown material '{name}'; choose one of {', '.join(MATERIALS)}.")
    return material
