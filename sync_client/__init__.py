"""httpx client of the 3D Pot marketplace/collaboration API, auth, offline outbox and sync. May use core, never Qt."""
