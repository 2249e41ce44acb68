"""Writes of accessibility feedback: received from anyone, handled by administrators."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.lengths import too_long
from perhekeskus.core.rules import accessibility_feedback_due

from .models import MAX_DESCRIPTION, MAX_PAGE, MAX_REPLY, Feedback


def _text(value) -> str:
    # A NUL byte cannot be stored in PostgreSQL text; it never belongs in prose.
    return str(value or "").replace("\x00", "").replace("\r\n", "\n").strip()


def feedback_submit(
    *, description: str, email: str = "", page: str = "", language: str = "", now=None
) -> Feedback:
    """Receive feedback; refused (never cut) when a text is over its limit."""
    now = now or timezone.now()
    description, email, page = _text(description), _text(email), _text(page)
    errors: dict[str, list] = {}
    if not description:
        errors["description"] = [
            ValidationError(_("Describe the problem or your feedback."), code="required")
        ]
    elif (message := too_long(description, MAX_DESCRIPTION, plain=True)) is not None:
        errors["description"] = [message]
    if (message := too_long(page, MAX_PAGE, plain=True)) is not None:
        errors["page"] = [message]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [
                ValidationError(_("Enter a valid e-mail address, or leave it empty."), "email")
            ]
    if errors:
        raise ValidationError(errors)
    return Feedback.objects.create(
        description=description,
        email=email,
        page=page,
        language=(language or "")[:5],
        received_at=now,
        answer_due_by=accessibility_feedback_due(timezone.localdate(now)),
    )


@transaction.atomic
def feedback_handle(*, user, feedback: Feedback, reply_note: str, now=None) -> Feedback:
    """Mark feedback handled with a note of the reply given (or why none could be)."""
    now = now or timezone.now()
    locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if locked.handled:
        raise ValidationError(_("This feedback has already been marked handled."), "handled")
    reply_note = _text(reply_note)
    if not reply_note:
        raise ValidationError(
            {
                "reply_note": [
                    ValidationError(
                        _("Write how the feedback was answered or handled."), "required"
                    )
                ]
            }
        )
    if (message := too_long(reply_note, MAX_REPLY, plain=True)) is not None:
        raise ValidationError({"reply_note": [message]})
    locked.reply_note = reply_note
    locked.handled_at = now
    locked.handled_by = user
    locked.version += 1
    locked.save()
    return locked
