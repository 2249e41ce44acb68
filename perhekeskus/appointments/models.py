"""Appointments of a family's matter: at the office, at home, by phone or by video.

An appointment belongs to a matter (``casework.Matter``) and so to one
family; it has one or more professionals as participants. Its state moves
booked → held | cancelled | no-show, each step one function in
``services.py``. A home visit names the member whose home it is, never an
address: the address is read at the moment of showing, through the access
layer's masking, so a security prohibition is always respected.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.models import BaseModel

ROOM_PLACEHOLDER = "{room}"
# Anything in braces other than the room placeholder is refused: the
# template is filled by plain replacement, never by str.format.
_BRACES = re.compile(r"[{}]")


def validate_url_template(value: str) -> None:
    if not value.startswith("https://"):
        raise ValidationError(_("The address must start with https://."), code="https")
    if value.count(ROOM_PLACEHOLDER) != 1:
        raise ValidationError(
            _("The address must contain {room} exactly once."), code="placeholder"
        )
    if _BRACES.search(value.replace(ROOM_PLACEHOLDER, "")):
        raise ValidationError(
            _("The address may contain no braces other than {room}."), code="braces"
        )
    if any(c.isspace() for c in value):
        raise ValidationError(_("The address may contain no spaces."), code="spaces")


class VideoService(BaseModel):
    """The video service an organisation uses for remote reception.

    Each video appointment gets its own unguessable room; its address is made
    from ``url_template`` (e.g. ``https://video.example.fi/room/{room}``).
    """

    organization = models.ForeignKey(
        "catalogue.Organization",
        on_delete=models.PROTECT,
        related_name="video_services",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    url_template = models.CharField(
        _("address template"),
        max_length=500,
        validators=[validate_url_template],
        help_text=_("The meeting address with {room} where the room goes."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("video service")
        verbose_name_plural = _("video services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(is_active=True),
                name="video_service_one_active_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def url_for(self, room: str) -> str:
        return self.url_template.replace(ROOM_PLACEHOLDER, room)


class Mode(models.TextChoices):
    OFFICE = "office", _("at the office")
    HOME = "home", _("home visit")
    PHONE = "phone", _("by phone")
    VIDEO = "video", _("by video")


class State(models.TextChoices):
    BOOKED = "booked", _("booked")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")
    NO_SHOW = "no_show", _("did not come")


class CancelledBy(models.TextChoices):
    FAMILY = "family", _("the family")
    PROFESSIONAL = "professional", _("the professional")


class Series(BaseModel):
    """Appointments booked in one go at a fixed interval (a plan's "series of appointments")."""

    matter = models.ForeignKey(
        "casework.Matter",
        on_delete=models.PROTECT,
        related_name="appointment_series",
        verbose_name=_("matter"),
    )
    interval_days = models.PositiveSmallIntegerField(_("interval in days"))
    count = models.PositiveSmallIntegerField(_("number of appointments"))
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("booked by"),
    )

    class Meta:
        verbose_name = _("series of appointments")
        verbose_name_plural = _("series of appointments")
        constraints = [
            models.CheckConstraint(condition=Q(interval_days__gte=1), name="series_interval"),
            models.CheckConstraint(condition=Q(count__gte=2), name="series_count"),
        ]

    def __str__(self) -> str:
        return f"{self.count} × {self.interval_days} d"


class Appointment(BaseModel):
    matter = models.ForeignKey(
        "casework.Matter",
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("matter"),
    )
    # The matter's family, kept here so that access filters need no join.
    family = models.ForeignKey(
        "families.Family",
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("family"),
    )
    # The unit that booked it (its statistics and its professionals' desk).
    unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("unit"),
    )
    series = models.ForeignKey(
        Series,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("series"),
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    mode = models.CharField(_("how"), max_length=10, choices=Mode.choices)

    # At the office: a location of the catalogue, or a place in words
    # (the unit's address, a room).
    location = models.ForeignKey(
        "catalogue.Location",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("location"),
    )
    place = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("The office's address or the room, when not a location of the catalogue."),
    )
    # At home or by phone: the family member whose home or phone it is.
    # The address and number are read when shown, through the masking of
    # the access layer; they are never copied here.
    contact_person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("whose home or phone"),
    )
    # By video: the room and its address, made when booked.
    video_service = models.ForeignKey(
        VideoService,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("video service"),
    )
    video_room = models.CharField(_("room"), max_length=100, blank=True, editable=False)
    video_url = models.CharField(_("meeting address"), max_length=700, blank=True, editable=False)
    # Remote reception: a device (a tablet) lent to the family.
    device_lent = models.BooleanField(_("a device lent to the family"), default=False)
    device_note = models.CharField(_("device"), max_length=200, blank=True)
    device_return_by = models.DateField(_("device to be returned by"), null=True, blank=True)

    note_for_family = models.CharField(
        _("note for the family"),
        max_length=500,
        blank=True,
        help_text=_("Shown to the family, e.g. what to bring. Not sent in reminders."),
    )

    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.BOOKED, db_index=True
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("booked by"),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.CharField(
        _("cancelled by"), max_length=12, choices=CancelledBy.choices, blank=True
    )
    cancelled_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by user"),
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    outcome_recorded_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("outcome recorded by"),
    )

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["family", "starts_at"], name="appointment_family_start"),
            models.Index(fields=["state", "starts_at"], name="appointment_state_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="appointment_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(mode="office") | Q(location__isnull=False) | ~Q(place=""),
                name="appointment_office_has_place",
            ),
            models.CheckConstraint(
                condition=~Q(mode__in=["home", "phone"]) | Q(contact_person__isnull=False),
                name="appointment_home_phone_has_person",
            ),
            models.CheckConstraint(
                condition=~Q(mode="video") | (~Q(video_room="") & ~Q(video_url="")),
                name="appointment_video_has_room",
            ),
            models.CheckConstraint(
                condition=Q(mode="video") | Q(device_lent=False),
                name="appointment_device_only_for_video",
            ),
            models.CheckConstraint(
                condition=~Q(state="cancelled")
                | (Q(cancelled_at__isnull=False) & ~Q(cancelled_by="")),
                name="appointment_cancel_recorded",
            ),
            models.UniqueConstraint(
                fields=["video_room"], condition=~Q(video_room=""), name="appointment_room_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.get_mode_display()}"

    @property
    def is_open(self) -> bool:
        return self.state == State.BOOKED


class Participant(BaseModel):
    """A professional taking part in an appointment."""

    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("appointment"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="appointment_participations",
        verbose_name=_("professional"),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "user"], name="participant_once_per_appointment"
            )
        ]
        indexes = [models.Index(fields=["user", "appointment"], name="participant_user")]

    def __str__(self) -> str:
        return str(self.user)


class Reminder(BaseModel):
    """One reminder of one appointment to one recipient, sent once.

    The unique constraints make the reminder task idempotent: a second run
    finds the row and sees it was sent.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("email")
        IN_APP = "in_app", _("notice in the service")

    appointment = models.ForeignKey(
        Appointment,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("appointment"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # A professional (in-app notice) or a family member (email).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointment_reminders",
        verbose_name=_("professional"),
    )
    person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("family member"),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    seen_at = models.DateTimeField(_("seen"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, person__isnull=True, channel="in_app")
                | Q(user__isnull=True, person__isnull=False, channel="email"),
                name="reminder_one_recipient",
            ),
            models.UniqueConstraint(
                fields=["appointment", "user"],
                condition=Q(user__isnull=False),
                name="reminder_once_per_professional",
            ),
            models.UniqueConstraint(
                fields=["appointment", "person"],
                condition=Q(person__isnull=False),
                name="reminder_once_per_member",
            ),
        ]
        indexes = [models.Index(fields=["user", "seen_at"], name="reminder_user_seen")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.appointment}"
