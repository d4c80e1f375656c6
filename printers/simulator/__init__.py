"""Virtual printers that speak the real protocols byte for byte: for tests, benchmarks and users without hardware.

A simulator is an MQTT client of a broker (mosquitto in tests, the embedded amqtt broker in the app) plus,
for Bambu, an implicit-TLS FTPS server, exactly like the device's own services.
"""
