"""Wire formats (pydantic) of the device payloads, kept apart from the domain state they are mapped into.

Devices send numbers as strings, strings as numbers and sometimes garbage: every field coerces leniently
and an unreadable value becomes None ("unknown") instead of failing the whole report.
"""
