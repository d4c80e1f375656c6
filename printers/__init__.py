"""LAN printer drivers, discovery, the job queue and printer simulators. Pure Python: may use core, never Qt.

How the parts fit (Cura's device/model/controller split):

    registry ──entry points──> drivers/{bambu,moonraker,potscale}   one class per family, built from a
        │                          │  MqttLink (mqtt.py: TLS, backoff, routing, own thread)
    book (printers.json +          │  wire/ (pydantic payloads) → mapping → PrinterModel (state.py)
    keyring secrets)               │  controller methods (block until the device confirms)
        │                          v
    fleet ──────────────────> PrinterModel.changed / connection_changed / notice   <── desktop bridge
    queue + dispatch + runner (SQLite jobs; slicing.py → ftps.py / HTTP upload → start; plate-clear gate)
    history (temperature ring for charts)   messages + hms (stable codes + parameters; English for the CLI)
    discovery (SSDP listener)      simulator/ (virtual devices speaking the same protocols)
    virtual (the user's virtual printers: started from "Add printer", restarted by the fleet at launch)

Every signal fires on a network thread; desktop/bridge.py re-emits them on the GUI thread.
"""
