"""Klipper printers through Moonraker: its websocket JSON-RPC API (the default) or its MQTT bridge, and its HTTP
file upload."""
