// knob at its defaults: 18 grip grooves, D-shaft hole, no set screw (core/templates/library/mechanical.py).
d = 30; h = 18; shaft = 6; ridges = 18;
difference() {
    cylinder(h = h, d = d, $fn = 64);
    for (i = [0 : ridges - 1])
        rotate([0, 0, 180 / ridges + i * 360 / ridges]) translate([d / 2, 0, -1])
            cylinder(h = h - 1, d = min(3, PI * d / ridges / 2), $fn = 16);
    translate([0, 0, -1]) intersection() {
        cylinder(h = h - 2, d = shaft + 0.2, $fn = 24);
        translate([shaft * 0.4 - (shaft + 2) / 2, 0, (h - 2) / 2]) cube([shaft + 2, shaft + 2, h - 2], center = true);
    }
}
