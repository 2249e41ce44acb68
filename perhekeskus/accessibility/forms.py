"""Forms of the accessibility feedback (validation only; the services write)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.web.forms import LongTextField

from .models import MAX_DESCRIPTION, MAX_PAGE, MAX_REPLY


class FeedbackForm(forms.Form):
    description = LongTextField(
        label=_("What did you find difficult to use or inaccessible?"),
        help_text=_(
            "Describe the problem and, if you can, what you were trying to do and with "
            "which device or assistive technology. Do not write about a family's matters "
            "here: use “Ask for help” for them."
        ),
        limit=MAX_DESCRIPTION,
        rows=8,
    )
    page = forms.CharField(
        label=_("Address of the page (optional)"),
        help_text=_("Copy the address from the browser's address bar, or name the page."),
        required=False,
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Give it if you want an answer. You may also send your feedback anonymously."),
        required=False,
    )

    def clean_page(self):
        # A limit the writer is told about, never a cut (no maxlength attribute).
        value = self.cleaned_data["page"]
        if len(value) > MAX_PAGE:
            raise forms.ValidationError(
                _("The address is too long (at most %(limit)s characters)."),
                code="max_length",
                params={"limit": MAX_PAGE},
            )
        return value


class HandleForm(forms.Form):
    reply_note = LongTextField(
        label=_("How the feedback was answered or handled"),
        help_text=_(
            "For example: the answer sent to the given address, or the fix planned and when."
        ),
        limit=MAX_REPLY,
        rows=4,
    )
