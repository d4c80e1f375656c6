// pen_cup at its defaults (round, no dividers), as core/templates/library/containers.py builds it.
d = 80; h = 100; wall = 2; floor_t = 3;
difference() {
    cylinder(h = h, d = d, $fn = 64);
    translate([0, 0, floor_t]) cylinder(h = h, r = d / 2 - wall / cos(180 / 64), $fn = 64);
}
