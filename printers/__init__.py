"""LAN printer drivers, discovery, the job queue and printer simulators. Pure Python: may use core, never Qt."""
