"""Dock contents. Each panel takes its models (document, stack, session) in its constructor."""
