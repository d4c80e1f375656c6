"""Typed calls of the hub API, grouped by area; each takes the shared Transport."""
