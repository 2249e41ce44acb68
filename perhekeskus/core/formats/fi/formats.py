"""Finnish date and time formats: 8.12.2026, 8.12.2026 klo 14.30.

Times take a dot and no leading zero in the hour (klo 9.05), as Finnish
writing has it. Django's own Finnish formats fill whatever is not named here
(the input formats among them).
"""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
TIME_FORMAT = "G.i"
MONTH_DAY_FORMAT = "j.n."
