"""The kinds of virtual printer VirtualPrinter runs, kept apart from the simulators themselves so that
`potstudio printer-sim --kind` can offer them without loading the broker, TLS and web servers."""

from __future__ import annotations

KINDS = ("bambu", "moonraker", "scale")
