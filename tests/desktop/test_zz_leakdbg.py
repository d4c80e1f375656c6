import gc, types, weakref
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from desktop.app import build_services, build_window
from tests.desktop.conftest import ask, wait_idle

def test_dbg(qtbot, isolated_home, tmp_path):
    app = QApplication.instance()
    w = build_window(build_services(app, isolated_home / "s.json"))
    w.show(); qtbot.waitExposed(w); wait_idle(qtbot, w)
    ask(w, "a plant pot 12 cm wide", qtbot)
    w.export(tmp_path / "a.stl"); wait_idle(qtbot, w)
    r = weakref.ref(w)
    w.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    w.close(); w.deleteLater(); del w
    for _ in range(5):
        app.processEvents(); QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete); gc.collect()
    obj = r()
    if obj is None:
        print("NO LEAK"); return
    seen=set()
    def chain(o, depth):
        if depth==0: return
        for ref in gc.get_referrers(o):
            if isinstance(ref, types.FrameType) or id(ref) in seen: continue
            seen.add(id(ref))
            desc = type(ref).__name__
            if isinstance(ref, types.MethodType): desc += f" {ref.__func__.__qualname__}"
            if isinstance(ref, types.FunctionType): desc += f" {ref.__qualname__}"
            if isinstance(ref, dict): desc += f" keys={list(ref)[:5]}"
            if isinstance(ref, list): desc += f" len={len(ref)} {[type(x).__name__ for x in ref[:4]]}"
            print("  "*(5-depth), desc)
            chain(ref, depth-1)
    chain(obj, 5)
    assert False
