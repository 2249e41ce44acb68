"""Appointments as iCalendar (RFC 5545), built with the ``icalendar`` library.

Two audiences:

- a professional's calendar names no family: the summary is a neutral
  "Client meeting" with the mode, a home visit carries no address (calendars
  are synced to phones and shared with assistants);
- the family's own calendar has the place: the office, their own home as
  the access layer lets them see it, the meeting link of a video appointment.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from . import selectors
from .models import Appointment, Mode, State

PRODID = "-//Perhekeskus//Appointments//FI"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(appointment: Appointment, summary: str) -> Event:
    event = Event()
    event.add("uid", f"{appointment.pk}@perhekeskus")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.ends_at)
    event.add("summary", summary)
    event.add("sequence", appointment.version)
    event.add("status", "CANCELLED" if appointment.state == State.CANCELLED else "CONFIRMED")
    return event


def _mode(appointment: Appointment) -> str:
    return str(Mode(appointment.mode).label)


def _add_place(event: Event, actor, appointment: Appointment) -> None:
    if appointment.mode == Mode.OFFICE:
        place = selectors.where(actor, appointment)
        if place.lines:
            event.add("location", ", ".join(place.lines))
    elif appointment.mode == Mode.VIDEO and appointment.state != State.CANCELLED:
        event.add("location", appointment.video_url)
        event.add("url", appointment.video_url)
    elif appointment.mode == Mode.HOME:
        event.add("location", _("Home visit"))


def for_professional(actor, appointments, *, link_of=None) -> bytes:
    """The professional's calendar: no family names, no home addresses; how
    and where only when the user's parts show the place (``appointment.shown``,
    set by the selectors)."""
    calendar = _calendar(_("My appointments"))
    for appointment in appointments:
        if appointment.shown.place:
            event = _event(
                appointment, _("Client meeting (%(mode)s)") % {"mode": _mode(appointment)}
            )
            _add_place(event, actor, appointment)
        else:
            event = _event(appointment, _("Client meeting"))
        if link_of is not None:
            event.add("description", link_of(appointment))
        calendar.add_component(event)
    return calendar.to_ical()


def for_family(actor, appointments) -> bytes:
    """The family's calendar, with the place or the meeting link."""
    calendar = _calendar(_("Our appointments"))
    for appointment in appointments:
        summary = _("Appointment: %(unit)s (%(mode)s)") % {
            "unit": appointment.unit.name,
            "mode": _mode(appointment),
        }
        event = _event(appointment, summary)
        place = selectors.where(actor, appointment)
        if place.video_url and appointment.state != State.CANCELLED:
            event.add("location", place.video_url)
            event.add("url", place.video_url)
        elif place.phone:
            event.add("location", _("By phone: %(phone)s") % {"phone": place.phone})
        elif place.lines:
            event.add("location", ", ".join(place.lines))
        if appointment.note_for_family:
            event.add("description", appointment.note_for_family)
        calendar.add_component(event)
    return calendar.to_ical()
