"""The public service finder: front page, results, service page, e-services.

All pages show public catalogue data only. Reads go through
:mod:`perhekeskus.catalogue.selectors`; these views only shape what the
templates show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from perhekeskus.web.access import public

from . import selectors
from .forms import ServiceSearchForm
from .models import HoursException, OpeningHours, Service, ServiceChannel


@public
@require_safe
def home(request):
    return render(
        request,
        "catalogue/home.html",
        {
            "form": ServiceSearchForm(),
            "life_situations": selectors.life_situations_with_counts(),
        },
    )


def _page_numbers(page: int, page_count: int) -> list[int | None]:
    """Page links to show: the first, the last and two either side of the
    current one; ``None`` marks a gap."""
    shown = {1, page_count, *range(page - 2, page + 3)}
    numbers: list[int | None] = []
    for number in sorted(n for n in shown if 1 <= n <= page_count):
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


@public
@require_safe
def search(request):
    form = ServiceSearchForm(request.GET)
    form.is_valid()
    result = selectors.search_services(form.to_query())
    problems = [
        (form.fields[name].label or name, message) for name, message in form.problems.items()
    ]
    context = {
        "form": form,
        "result": result,
        "query": result.query,
        "problems": problems,
        "sort_field": form["sort"],
        "page_numbers": _page_numbers(result.page, result.page_count),
    }
    template = "catalogue/search.html"
    # htmx swaps only the results; a history restore needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        template = "catalogue/search.html#results"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@dataclass
class WeekdayHours:
    weekday: int
    name: str
    periods: list[OpeningHours]
    is_today: bool


@dataclass
class ChannelView:
    """One way to reach the service, with its hours as the page shows them."""

    channel: ServiceChannel
    open_now: bool | None
    week: list[WeekdayHours] = field(default_factory=list)
    today_exceptions: list[HoursException] = field(default_factory=list)
    upcoming_exceptions: list[HoursException] = field(default_factory=list)

    @property
    def has_hours(self) -> bool:
        return any(day.periods for day in self.week)


def _week(channel: ServiceChannel, today: date) -> list[WeekdayHours]:
    valid = [
        hours
        for hours in channel.hours.all()
        if (hours.valid_from is None or hours.valid_from <= today)
        and (hours.valid_to is None or hours.valid_to >= today)
    ]
    return [
        WeekdayHours(
            weekday=value,
            name=str(label),
            periods=sorted((h for h in valid if h.weekday == value), key=lambda h: h.opens),
            is_today=value == today.weekday(),
        )
        for value, label in OpeningHours.Weekday.choices
    ]


def _channel_views(service: Service, now: datetime) -> list[ChannelView]:
    today = timezone.localdate(now)
    views = []
    for channel in service.channels.all():
        exceptions = selectors.upcoming_exceptions(channel, today)
        views.append(
            ChannelView(
                channel=channel,
                open_now=selectors.opening_status(channel, now),
                week=_week(channel, today),
                today_exceptions=[e for e in exceptions if e.date == today],
                upcoming_exceptions=[e for e in exceptions if e.date > today],
            )
        )
    return views


@public
@require_safe
def service_detail(request, service_id):
    service = selectors.get_public_service(service_id)
    now = timezone.now()
    channels = _channel_views(service, now)
    known = [c.open_now for c in channels if c.open_now is not None]
    return render(
        request,
        "catalogue/service_detail.html",
        {
            "service": service,
            "channels": channels,
            "open_now": any(known) if known else None,
            "today": timezone.localdate(now),
        },
    )


@public
@require_safe
def e_services(request):
    return render(
        request,
        "catalogue/e_services.html",
        {
            "groups": selectors.electronic_services_by_life_situation(),
            "electronic_kinds": ServiceChannel.ELECTRONIC_KINDS,
        },
    )
