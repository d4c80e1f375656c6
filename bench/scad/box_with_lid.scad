// box_with_lid at its defaults: box and lift-off lid side by side, 10 mm apart.
iw = 80; id = 60; ih = 40; wall = 2; floor_t = 2; clearance = 0.3; lid_t = 2; lip = 5; r = 3;
W = iw + 2 * wall; D = id + 2 * wall; H = ih + floor_t;
module rbox(x, y, z, rr) {
    if (rr > 0.001) linear_extrude(z) offset(r = rr, $fn = 64) square([x - 2 * rr, y - 2 * rr], center = true);
    else translate([0, 0, z / 2]) cube([x, y, z], center = true);
}
translate([-(W + 10) / 2, 0, 0]) difference() {
    rbox(W, D, H, r);
    translate([0, 0, floor_t]) rbox(iw, id, ih + 1, max(r - wall, 0));
}
translate([(W + 10) / 2, 0, 0]) union() {
    rbox(W, D, lid_t, r);
    difference() {
        rbox(iw - 2 * clearance, id - 2 * clearance, lid_t + lip, max(r - wall - clearance, 0));
        rbox(iw - 2 * clearance - 2 * wall, id - 2 * clearance - 2 * wall, lid_t + lip + 1,
             max(r - 2 * wall - clearance, 0));
    }
}
