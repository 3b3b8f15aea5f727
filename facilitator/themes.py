"""The two themes: the everyday one, and high contrast for projectors in lit rooms; and
a screen that moves by jumps, not glides."""

from __future__ import annotations

import os

from textual.theme import Theme

DEFAULT_THEME = "lots"
CONTRAST_THEME = "lots-kontrast"

LOTS = Theme(
    name=DEFAULT_THEME,
    primary="#4f9fd6",
    secondary="#7fb8a4",
    accent="#f0c05a",
    warning="#f0a030",
    error="#ff5c5c",
    success="#6cc070",
    background="#14181c",
    surface="#1c2228",
    panel="#26303a",
    foreground="#e8ecef",
    dark=True,
)

# Black on white reads best on a projector in a lit room: the darkest text, the
# brightest ground, and signal colours dark enough to keep their contrast on white.
CONTRAST = Theme(
    name=CONTRAST_THEME,
    primary="#003a8c",
    secondary="#004d40",
    accent="#003a8c",
    warning="#9a4a00",
    error="#b00000",
    success="#005f00",
    background="#ffffff",
    surface="#ffffff",
    panel="#e6e6e6",
    foreground="#000000",
    dark=False,
    variables={
        "footer-key-foreground": "#003a8c",
        "block-cursor-background": "#003a8c",
        "block-cursor-foreground": "#ffffff",
        "input-selection-background": "#003a8c 40%",
    },
)

THEMES = (LOTS, CONTRAST)


def use_themes(app, wanted: str) -> None:
    """Register both themes with ``app`` and show the one the settings name (or the everyday
    one). Scrolling jumps to where it goes instead of gliding there (Textual's animations
    off, unless ``TEXTUAL_ANIMATIONS`` says otherwise): a glide of half a second on each
    Tab through a long form holds up a fast typist, sends a projector or a remote link
    frames nobody needs, and leaves the newest words out of view while it lasts."""
    for theme in THEMES:
        app.register_theme(theme)
    app.theme = wanted if wanted in (DEFAULT_THEME, CONTRAST_THEME) else DEFAULT_THEME
    if "TEXTUAL_ANIMATIONS" not in os.environ:
        app.animation_level = "none"
