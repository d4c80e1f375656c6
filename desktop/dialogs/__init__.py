"""Dialogs: preferences, errors with details, crash recovery, the command palette."""
