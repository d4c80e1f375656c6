"""The Qt application: a thin view layer over core, printers and sync_client."""
