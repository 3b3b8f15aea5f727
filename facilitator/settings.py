"""User settings that outlive a run (the theme), in an owner-only JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from facilitator.paths import ensure_private_dir

SETTINGS_FILE = "settings.json"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    theme: str = "lots"
    """The theme: ``lots`` (default) or ``lots-kontrast`` for projectors."""


def load_settings(config_dir: Path | None) -> Settings:
    """The saved settings; defaults when there are none or they cannot be read."""
    if config_dir is None:
        return Settings()
    try:
        return Settings.model_validate_json((config_dir / SETTINGS_FILE).read_bytes())
    except (OSError, ValidationError, ValueError):
        return Settings()


def save_settings(config_dir: Path | None, settings: Settings) -> None:
    """Write the settings atomically; raises OSError if the directory cannot be written."""
    if config_dir is None:
        return
    ensure_private_dir(config_dir)
    target = config_dir / SETTINGS_FILE
    temporary = target.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(settings.model_dump(), handle)
    os.replace(temporary, target)
