"""newsdesk's settings: a TOML file, validated, with defaults.

The file is ``config.toml`` in platformdirs' ``user_config_dir("newsdesk")``;
the environment variable ``NEWSDESK_CONFIG`` names another file. A missing
file means the defaults. Example::

    model = "de_core_news_md"      # spaCy pipeline name or path; default: newsdesk's bundled one
    theme = "dark"                  # "dark", "light" or a Textual theme name
    accurate = true                 # the reader re-analyses in the background with the accurate tier

    [keys]                          # key bindings: action = key
    search = "slash"
    quit = "q"
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_ENV = "NEWSDESK_CONFIG"
DEFAULT_THEME = "dark"
KNOWN_KEYS = ("model", "theme", "accurate", "keys")


class ConfigError(Exception):
    """The config file cannot be read or holds a wrong value; the message says where."""


@dataclass(frozen=True)
class Config:
    model: str | None = None
    theme: str = DEFAULT_THEME
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # where it was read from (None: defaults only)
    accurate: bool = False  # after the fast pass, the reader re-analyses with the accurate tier

    def to_dict(self) -> dict:
        return {"model": self.model, "theme": self.theme, "accurate": self.accurate, "keys": dict(self.keys)}


def config_path() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir("newsdesk")) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read and validate the config file (``config_path()`` by default)."""
    path = Path(path) if path is not None else config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path=None)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    return parse_config(data, path)


def parse_config(data: dict, path: Path | None = None) -> Config:
    where = str(path) if path else "config"
    unknown = sorted(set(data) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(KNOWN_KEYS)}")
    model = data.get("model")
    if model is not None and (not isinstance(model, str) or not model.strip()):
        raise ConfigError(f"{where}: model must be a non-empty string (a spaCy pipeline name or path)")
    theme = data.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str) or not theme.strip():
        raise ConfigError(f"{where}: theme must be a non-empty string such as \"dark\" or \"light\"")
    accurate = data.get("accurate", False)
    if not isinstance(accurate, bool):
        raise ConfigError(f"{where}: accurate must be true or false")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise ConfigError(f"{where}: [keys] must be a table of action = \"key\"")
    for action, key in keys.items():
        if not isinstance(key, str) or not key.strip():
            raise ConfigError(f"{where}: keys.{action} must be a non-empty string naming a key")
    return Config(model=model.strip() if model else None, theme=theme.strip(), keys=dict(keys), path=path,
                  accurate=accurate)
