"""Klipper printers through Moonraker's MQTT bridge (JSON-RPC 2.0) and its HTTP file upload."""
