"""User settings that outlive a run (the theme), in an owner-only JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from facilitator.paths import BINARY, ensure_private_dir

SETTINGS_FILE = "settings.json"


class Settings:
    """Read at every start, before the first frame: a plain class, so that reading one
    small file loads no validation library."""

    DEFAULT_THEME = "lots"

    def __init__(self, theme: str = DEFAULT_THEME):
        self.theme = theme
        """The theme: ``lots`` (default) or ``lots-kontrast`` for projectors."""

    def as_json(self) -> dict[str, str]:
        return {"theme": self.theme}


def load_settings(config_dir: Path | None) -> Settings:
    """The saved settings; defaults when there are none or they cannot be read. Unknown
    keys are ignored; a value of the wrong type falls back to its default."""
    if config_dir is None:
        return Settings()
    try:
        data = json.loads((config_dir / SETTINGS_FILE).read_bytes())
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    theme = data.get("theme")
    return Settings(theme) if isinstance(theme, str) else Settings()


def save_settings(config_dir: Path | None, settings: Settings) -> None:
    """Write the settings atomically; raises OSError if the directory cannot be written."""
    if config_dir is None:
        return
    ensure_private_dir(config_dir)
    target = config_dir / SETTINGS_FILE
    temporary = target.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(settings.as_json(), handle)
    os.replace(temporary, target)
