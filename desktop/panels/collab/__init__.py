"""Shared projects in the app: share dialog and members, comments pinned in the viewport with their
threads, revision history, live updates, the status-bar sync indicator and the conflict view.

Binds to sync_client (HubClient.projects, HubClient.sync) through SyncBridge, which moves the
engine's foreign-thread signals onto the GUI thread; no widget here talks HTTP on the GUI thread.
"""
