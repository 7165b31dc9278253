"""gr.DateTime: a date (and time) typed or picked; the function gets a timestamp, a datetime or a string."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from ..alerts import Error
from ..component import FormComponent
from ..implied import UTC_NAMES
from ..packages import missing_error
from .buttons import corner_buttons

# Gradio's relative form: "now", "now - 2h", "now - 30m", "now - 1d", "now - 10s".
_NOW = re.compile(r"^\s*now\s*(?:-\s*(\d+)\s*([dmhs]))?\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    if name.upper() in UTC_NAMES:
        return UTC  # needs no time-zone database
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError as exc:
        if not _has_database():
            # Pyodide's Python has no system time-zone database: zones come from the tzdata package.
            raise missing_error("tzdata", f'DateTime(timezone="{name}")', "no time-zone database") from exc
        raise Error(f'DateTime: unknown timezone "{name}"; use an IANA name such as "Europe/Paris"') from exc
    except ValueError as exc:
        raise Error(f'DateTime: "{name}" is not a timezone name ({exc})') from exc


def _has_database() -> bool:
    """Whether zoneinfo can find any zone at all (a system database, or the tzdata package)."""
    from zoneinfo import available_timezones

    return bool(available_timezones())


class DateTime(FormComponent):
    """A point in time, shown as "YYYY-MM-DD HH:MM:SS" (or "YYYY-MM-DD" without include_time)."""

    EVENTS = ("change", "submit")
    PROPS = ("include_time", "type", "timezone", "buttons")

    def __init__(
        self,
        value: Any = None,
        *,
        include_time: bool = True,
        type: str = "timestamp",  # noqa: A002 - Gradio's parameter name
        timezone: str | None = None,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("timestamp", "datetime", "string"):
            raise ValueError(f"DateTime type must be 'timestamp', 'datetime' or 'string', not {type!r}")
        self.include_time = include_time
        self.type = type
        self.timezone = timezone
        self.buttons = corner_buttons(buttons, (), (), owner="DateTime")
        super().__init__(value, min_width=min_width, **kwargs)

    def needed_packages(self, role: str) -> list[str]:
        """tzdata, loaded before an event, when this DateTime names a zone the Python here cannot find."""
        if not self.timezone or self.timezone.upper() in UTC_NAMES:
            return []
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(self.timezone)
        except ZoneInfoNotFoundError:
            return [] if _has_database() else ["tzdata"]
        except ValueError:
            pass  # not a zone name: preprocess says so
        return []

    @property
    def time_format(self) -> str:
        return "%Y-%m-%d %H:%M:%S" if self.include_time else "%Y-%m-%d"

    def parse(self, text: str) -> datetime:
        """The datetime a page value names (absolute, or relative to now); Error when it names none."""
        zone = _zone(self.timezone)
        relative = _NOW.match(text)
        if relative:
            now = datetime.now(zone)
            amount, unit = relative.groups()
            return now - timedelta(**{_UNITS[unit]: int(amount)}) if amount else now
        try:
            parsed = datetime.strptime(text.strip(), self.time_format)
        except ValueError:
            raise Error(
                f'{self.display_name()}: "{text}" is not a date in the form {self.time_format.replace("%", "")}'
            ) from None
        return parsed.replace(tzinfo=zone) if zone else parsed

    def preprocess(self, payload: Any) -> float | datetime | str | None:
        if payload is None or payload == "":
            return None
        if not isinstance(payload, str):
            raise Error(f"{self.display_name()} expects a date string, got {payload!r}")
        moment = self.parse(payload)
        if self.type == "string":
            return moment.strftime(self.time_format)
        if self.type == "datetime":
            return moment
        return moment.timestamp()

    def postprocess(self, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.strftime(self.time_format)
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, _zone(self.timezone)).strftime(self.time_format)
        raise Error(f"{self.display_name()} cannot show {type(value).__name__} {value!r}")

    def api_example(self) -> str:
        return "2020-10-01 05:20:15" if self.include_time else "2020-10-01"
