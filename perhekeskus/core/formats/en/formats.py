"""English date and time formats: 8 Dec 2026, 8 Dec 2026, 14:30.

Day before month with the month's short name, so that no reader takes the
date for a month-first one. Django's own English formats fill the rest.
"""

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j M"
