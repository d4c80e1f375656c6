"""httpx client of the 3D Pot marketplace/collaboration API, auth, offline outbox and sync. May use core,
never Qt.

client.HubClient wires it together: transport (retries, size caps, error mapping, token refresh),
auth.Session (PKCE loopback and device sign-in; refresh token only in the OS keyring), models (typed,
validated answers), api.market / api.projects (calls), tus (resumable uploads), files (safe downloads),
outbox (SQLite: ops, heads, checkpoints, conflicts), replica (each project's head + own pending ops, the
rebased view the user sees), sync.SyncEngine (an evented model the desktop binds to),
publish_queue.PublishQueue (publications waiting on disk for the hub), cli (`potstudio market|sync`).
"""
