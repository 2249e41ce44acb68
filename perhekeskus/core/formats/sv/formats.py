"""Finland-Swedish date and time formats: 8.12.2026, 8.12.2026 kl. 14.30.

Finland-Swedish writes dates and times as Finnish does, with "kl." before the
time. Django's own Swedish formats fill whatever is not named here.
"""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = r"j.n.Y \k\l. G.i"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l. G.i"
TIME_FORMAT = "G.i"
MONTH_DAY_FORMAT = "j.n."
