"""The marketplace's own look, derived from the application palette so it follows light and dark
themes without touching the app-wide style sheets other panels own."""

from __future__ import annotations

from PySide6.QtGui import QPalette


def stylesheet(palette: QPalette) -> str:
    # Every text colour reads at 4.5:1 (WCAG AA) on the background it is drawn on, in both themes: the light
    # theme's chips, notes and white-on-blue buttons were 3.4 to 4.3:1.
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    c = {
        "card": "#262c36" if dark else "#ffffff",
        "thumb": "#1f242d" if dark else "#f1f4f9",
        "border": "#353c48" if dark else "#e1e5ec",
        "hover": "#4aa3ff" if dark else "#2f80ed",
        "text": "#e6e9ef" if dark else "#1f2430",
        "muted": "#9aa3b2" if dark else "#646b78",
        "free_bg": "#163a2a" if dark else "#e6f6ee",
        "free_fg": "#5fd49a" if dark else "#0e7c47",
        "paid_bg": "#3a2f14" if dark else "#fff4dc",
        "paid_fg": "#f3c15b" if dark else "#956600",
        "chip_bg": "#2f3642" if dark else "#eef1f6",
        "banner_bg": "#3b2323" if dark else "#fff1f0",
        "banner_fg": "#ffb4ab" if dark else "#a8261b",
        "info_bg": "#1d3350" if dark else "#eaf2fe",
        "accent": "#4aa3ff" if dark else "#1368db",
        "accent_text": "#0b1220" if dark else "#ffffff",
        "control_border": "#3a414d" if dark else "#cfd6e0",  # as the theme frames push buttons
        "control_bg": "#2a303a" if dark else "#ffffff",
    }
    return """
QFrame#listingCard {{ background: {card}; border: 1px solid {border}; border-radius: 12px; }}
QFrame#listingCard:hover {{ border: 1px solid {hover}; }}
QLabel#cardThumb {{ background: {thumb}; border-top-left-radius: 11px; border-top-right-radius: 11px;
    color: {muted}; }}
QLabel#cardTitle {{ color: {text}; font-weight: 600; font-size: 13px; }}
QLabel#cardCreator, QLabel#cardStats, QLabel#resultCount, QLabel#detailCreator, QLabel#detailStats,
QLabel#queueLabel {{ color: {muted}; font-size: 11px; }}
QLabel#priceChip, QLabel#licenceChip, QLabel#paramChip {{ border-radius: 8px; padding: 1px 7px;
    font-size: 10px; font-weight: 600; }}
QLabel#priceChip[free="true"] {{ background: {free_bg}; color: {free_fg}; }}
QLabel#priceChip[free="false"] {{ background: {paid_bg}; color: {paid_fg}; }}
QLabel#licenceChip {{ background: {chip_bg}; color: {muted}; }}
QLabel#paramChip {{ background: {accent}; color: {accent_text}; padding: 2px 8px; }}
QLabel#marketHeading {{ color: {text}; font-size: 18px; font-weight: 700; }}
QLabel#detailTitle {{ color: {text}; font-size: 20px; font-weight: 700; }}
QLabel#sectionTitle {{ color: {text}; font-weight: 700; margin-top: 8px; }}
QLabel#galleryMain {{ background: {thumb}; border-radius: 12px; }}
QLabel#remixNote, QLabel#purchaseNote {{ background: {paid_bg}; color: {paid_fg}; border-radius: 8px;
    padding: 6px 10px; }}
QLabel#unlistedChip {{ background: {chip_bg}; color: {muted}; border: 1px solid {border}; border-radius: 8px;
    padding: 2px 8px; font-size: 11px; font-weight: 600; }}
QLabel#marketBanner {{ background: {banner_bg}; color: {banner_fg}; border-radius: 8px; padding: 6px 10px; }}
QLabel#marketBanner[kind="info"] {{ background: {info_bg}; color: {text}; }}
QPushButton#openInStudio, QPushButton#publishButton, QPushButton#buyButton, QPushButton#openCheckout {{
    background: {accent}; color: {accent_text}; border: none; font-weight: 600; padding: 6px 14px; }}
QPushButton#openInStudio:disabled {{ background: {chip_bg}; color: {muted}; }}
QPushButton#likeButton:checked {{ color: #e2456b; font-weight: 600; }}
QWidget#cardGridInner, QWidget#detailInner {{ background: transparent; }}
QToolButton#marketFiltersToggle {{ border: 1px solid {control_border}; background: {control_bg};
    border-radius: 6px; padding: 4px 10px; }}
QToolButton#marketFiltersToggle:checked {{ border-color: {accent}; background: {info_bg}; color: {accent}; }}
""".format(**c)
