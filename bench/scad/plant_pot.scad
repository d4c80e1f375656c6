// plant_pot at its defaults, the same geometry as core/templates/library/planters.py builds.
top = 120; bottom = 90; h = 100; wall = 2.4; floor_t = 3; holes = 5; hole_d = 6;
function d_at(z) = bottom + (top - bottom) * z / h;
cavity_bottom = d_at(floor_t) - 2 * wall;
cavity_top = d_at(h + 1) - 2 * wall;
difference() {
    cylinder(h = h, d1 = bottom, d2 = top, $fn = 64);
    translate([0, 0, floor_t]) cylinder(h = h - floor_t + 1, d1 = cavity_bottom, d2 = cavity_top, $fn = 64);
    for (i = [0 : holes - 1])
        rotate([0, 0, 90 + i * 360 / holes]) translate([cavity_bottom / 4, 0, -1])
            cylinder(h = floor_t + 2, d = hole_d, $fn = 24);
}
