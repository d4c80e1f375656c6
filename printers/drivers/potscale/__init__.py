"""The 3D Pot filament scale (ESP32): spool weight, filament consumed and battery over MQTT."""
