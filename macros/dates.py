"""Dates as Norwegian readers write them."""
from __future__ import annotations

import datetime as dt

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember")
MONTH_ABBR = ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des")


def norsk_dato(value: dt.date) -> str:
    """'1. desember 2019'."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
