"""The Printers dock: a live card per printer, send-to-printer, add-printer, queue and history views.

Binds to printers/ services passed in by the composition root (Fleet, PrinterBook, Workers); it never
talks to a device on the GUI thread and never touches a widget from paho's thread (see bridge.py).
"""
