"""Built-in printer families; each registers itself through the `potstudio.printers` entry-point group."""
