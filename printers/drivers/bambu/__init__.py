"""Bambu Lab LAN mode (X1, P1, A1): MQTT over TLS for state and control, implicit FTPS for files."""
