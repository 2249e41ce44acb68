"""Form fields shared by the apps' pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext

from perhekeskus.core.lengths import text_length, too_long

__all__ = ["CountedTextarea", "LongTextField", "text_length"]


class CountedTextarea(forms.Textarea):
    """A textarea with a visible character counter tied to it.

    No ``maxlength`` attribute: a browser silently cuts a pasted text to it.
    The counter is rendered on the server (right without JavaScript, also
    after a refused submit); perhekeskus.js keeps it current while typing.
    """

    template_name = "web/widgets/counted_textarea.html"

    def __init__(self, *, limit: int, attrs=None):
        self.limit = limit
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        length = text_length(context["widget"]["value"])
        counter_id = f"{attrs['id']}_count" if attrs.get("id") else ""
        if counter_id:
            # After the help text and errors Django has already put there.
            attrs["aria-describedby"] = " ".join(
                part for part in (attrs.get("aria-describedby"), counter_id) if part
            )
            attrs["data-counter"] = counter_id
        counted = gettext("%(count)s / %(limit)s characters")
        context["widget"]["counter"] = {
            "id": counter_id,
            "limit": self.limit,
            "over": length > self.limit,
            "text": counted % {"count": length, "limit": self.limit},
            # For the script: {count} is filled in while typing.
            "template": counted % {"count": "{count}", "limit": self.limit},
            "msg_over": gettext("The text is too long: shorten it to at most %(limit)s characters.")
            % {"limit": self.limit},
            "msg_fits": gettext("The text now fits within the limit."),
        }
        return context


class LongTextField(forms.CharField):
    """Free text with a limit the writer sees, refused (never cut) when over it."""

    def __init__(self, *, limit: int, rows: int = 6, **kwargs):
        self.limit = limit
        kwargs.setdefault("widget", CountedTextarea(limit=limit, attrs={"rows": rows}))
        # No max_length: it would put maxlength on the textarea.
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value

    def validate(self, value):
        super().validate(value)
        error = too_long(value, self.limit)
        if error is not None:
            raise error
