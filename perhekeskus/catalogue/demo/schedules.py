"""Weekly opening hours, call charges and the days that differ.

Helplines open around the clock are stored as 00:00–23:59 every day.
Exceptions are made for the coming months from the Finnish holiday calendar
(the ``holidays`` library), so the demo always shows current closures.
"""

import datetime

import holidays

from .schema import Text, t

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = (MON, TUE, WED, THU, FRI)
EVERY_DAY = (MON, TUE, WED, THU, FRI, SAT, SUN)

Period = tuple[tuple[int, ...], str, str]


def _expand(periods: tuple[Period, ...]) -> tuple[tuple[int, datetime.time, datetime.time], ...]:
    rows = []
    for days, opens, closes in periods:
        for day in days:
            rows.append(
                (day, datetime.time.fromisoformat(opens), datetime.time.fromisoformat(closes))
            )
    return tuple(sorted(rows))


WEEKLY = {
    # Offices and clinics: the usual public-sector day, a shorter Friday.
    "office": _expand((((MON, TUE, WED, THU), "08:00", "16:00"), ((FRI,), "08:00", "15:00"))),
    # A clinic with one evening reception for working parents.
    "clinic_evening": _expand(
        (
            ((MON, WED, THU), "08:00", "16:00"),
            ((TUE,), "08:00", "18:30"),
            ((FRI,), "08:00", "15:00"),
        )
    ),
    "small_clinic": _expand((((MON, TUE, THU), "08:00", "15:30"),)),
    "phone_morning": _expand(((WEEKDAYS, "08:00", "09:30"),)),
    "phone_midday": _expand(((WEEKDAYS, "12:00", "13:00"),)),
    "phone_office": _expand(((WEEKDAYS, "09:00", "15:00"),)),
    "always": _expand(((EVERY_DAY, "00:00", "23:59"),)),
    "child_helpline": _expand(
        (((MON, TUE, WED, THU, FRI), "14:00", "20:00"), ((SAT, SUN), "17:00", "20:00"))
    ),
    "parent_helpline": _expand((((MON, WED), "10:00", "13:00"), ((TUE, THU), "17:00", "20:00"))),
    "chat_evening": _expand((((MON, TUE, WED, THU), "17:00", "21:00"),)),
    "chat_weekend": _expand((((FRI, SAT, SUN), "18:00", "22:00"),)),
    "crisis_phone": _expand(((WEEKDAYS, "09:00", "21:00"), ((SAT, SUN), "15:00", "21:00"))),
    "youth_centre": _expand(
        (
            ((TUE, WED, THU), "14:00", "21:00"),
            ((FRI,), "15:00", "22:00"),
            ((SAT,), "16:00", "22:00"),
        )
    ),
    "youth_room": _expand((((TUE, THU), "15:00", "20:00"), ((FRI,), "17:00", "22:00"))),
    "youth_clinic": _expand(
        (
            ((MON, TUE, THU), "08:00", "16:00"),
            ((WED,), "10:00", "19:00"),
            ((FRI,), "08:00", "14:00"),
        )
    ),
    "school_days": _expand(((WEEKDAYS, "08:00", "15:00"),)),
    "school_two_days": _expand((((TUE, THU), "08:15", "14:30"),)),
    "family_cafe": _expand((((TUE, THU), "09:30", "11:30"),)),
    "family_cafe_once": _expand((((WED,), "09:30", "12:00"),)),
    "club_morning": _expand((((WED,), "09:30", "11:00"),)),
    "club_two_mornings": _expand((((MON, THU), "09:30", "11:30"),)),
    "club_afternoon": _expand((((TUE,), "17:00", "18:30"),)),
    "peer_evening": _expand((((TUE,), "18:00", "20:00"),)),
    "peer_thursday": _expand((((THU,), "18:00", "20:00"),)),
    "saturday_family": _expand((((SAT,), "10:00", "13:00"),)),
    "open_doors": _expand((((MON, WED), "13:00", "16:00"),)),
    "outreach": _expand(((WEEKDAYS, "10:00", "18:00"),)),
    "mobile_team": _expand((((MON, TUE, WED, THU), "09:00", "17:00"),)),
    "home_help": _expand(((WEEKDAYS, "07:00", "19:00"), ((SAT,), "09:00", "15:00"))),
    "therapy": _expand((((MON, TUE, WED, THU), "08:00", "19:00"), ((FRI,), "08:00", "15:00"))),
    "afternoon_care": _expand(((WEEKDAYS, "12:00", "17:00"),)),
    "story_time": _expand((((WED,), "10:00", "10:45"),)),
    "baby_swim": _expand((((SAT,), "09:00", "11:00"), ((SUN,), "10:00", "12:00"))),
    "contact_centre": _expand((((FRI,), "15:00", "19:00"), ((SAT, SUN), "10:00", "18:00"))),
    "legal_aid": _expand((((MON, TUE, WED, THU), "08:00", "16:15"), ((FRI,), "08:00", "15:00"))),
}

PHONE_CHARGES: dict[str, Text] = {
    "local": t(
        "Puhelun hinta määräytyy oman liittymäsopimuksesi mukaan (paikallisverkko- tai "
        "matkapuhelinmaksu).",
        "Samtalet kostar enligt ditt eget abonnemang (lokalnäts- eller mobilsamtalsavgift).",
        "Calls are charged at your operator's normal rate.",
    ),
    "free": t(
        "Puhelu on maksuton soittajalle, eikä numero näy puhelulaskussa.",
        "Samtalet är avgiftsfritt och numret syns inte på telefonräkningen.",
        "The call is free and the number does not appear on your phone bill.",
    ),
    "service": t(
        "Puhelun hinta on 8,35 senttiä puhelu + 16,69 senttiä minuutti (sis. alv).",
        "Samtalet kostar 8,35 cent per samtal + 16,69 cent per minut (inkl. moms).",
        "Calls cost 8.35 cents per call plus 16.69 cents per minute (incl. VAT).",
    ),
}

# The weekday office days before these dates close early (aattopäivät).
EARLY_CLOSING = {
    (12, 31): t("Uudenvuodenaatto", "Nyårsafton", "New Year's Eve"),
    (4, 30): t("Vappuaatto", "Valborgsmässoafton", "May Day Eve"),
}
EARLY_CLOSING_TIME = datetime.time(14, 0)

SUMMER_BREAK = t("Kesätauko", "Sommaruppehåll", "Summer break")
CLOSED_FOR = t("Suljettu: {}", "Stängt: {}", "Closed: {}")
SHORT_DAY = t("{}: avoinna lyhennetysti", "{}: förkortade öppettider", "{}: shorter opening hours")

HOLIDAY_HORIZON_DAYS = 150


def holidays_ahead(today: datetime.date) -> list[tuple[datetime.date, Text]]:
    """Finnish public holidays (incl. Midsummer and Christmas Eve) in the coming months."""
    years = [today.year, today.year + 1]
    names = [holidays.Finland(years=years, language=lang) for lang in ("fi", "sv_FI", "en_US")]
    end = today + datetime.timedelta(days=HOLIDAY_HORIZON_DAYS)
    return [
        (day, (names[0][day], names[1][day], names[2][day]))
        for day in sorted(names[0])
        if today <= day <= end
    ]


def summer_break_days(today: datetime.date) -> list[datetime.date]:
    """The coming summer's break: from Midsummer week until the second week of August."""
    year = today.year if today < datetime.date(today.year, 8, 9) else today.year + 1
    midsummer_eve = next(
        day
        for day, name in holidays.Finland(years=year, language="en_US").items()
        if name == "Midsummer Eve"
    )
    start = max(today, midsummer_eve - datetime.timedelta(days=4))
    end = datetime.date(year, 8, 9)
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def early_closing_days(today: datetime.date) -> list[tuple[datetime.date, Text]]:
    end = today + datetime.timedelta(days=HOLIDAY_HORIZON_DAYS)
    days = []
    for year in (today.year, today.year + 1):
        for (month, day), name in EARLY_CLOSING.items():
            date = datetime.date(year, month, day)
            if today <= date <= end and date.weekday() < SAT:
                days.append((date, name))
    return sorted(days)
