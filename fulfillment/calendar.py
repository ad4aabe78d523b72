"""Working days, as every promise and estimate counts them: Monday to Friday, less the public holidays of the
country the parcel leaves from (the `holidays` package; nationwide ones). Checkout's delivery windows, dispatch's
estimate, beat's "late" check and exchanges all ask `working_days_after`, so they never disagree."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=256)
def public_holidays(country: str, year: int) -> frozenset:
    """The public holidays of `country` in `year`; none for a country the package does not know (or none given)."""
    if not country:
        return frozenset()
    try:
        return frozenset(holidays.country_holidays(country, years=year))
    except NotImplementedError:
        return frozenset()


def working_days_after(start: date, days: int, country: str = "") -> date:
    """The date `days` working days after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in public_holidays(country, current.year):
            days -= 1
    return current
