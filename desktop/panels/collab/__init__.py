"""Shared projects in the app: share dialog and members, the shared-projects list and invitations,
comments pinned in the viewport with their threads, revision history, live updates (live.SharedDocument
keeps the open document equal to the engine's rebased copy; changes lights up what a collaborator
changed), the status-bar sync indicator and the conflict view. desktop.collab_host puts them in the
main window.

Binds to sync_client (HubClient.projects, HubClient.sync) through SyncBridge, which moves the
engine's foreign-thread signals onto the GUI thread; no widget here talks HTTP on the GUI thread.
"""
