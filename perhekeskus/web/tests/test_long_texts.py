"""Every textarea of a form with a limit counts its characters and has no
``maxlength`` (a browser silently cuts a pasted text to it); the limit is
refused, never cut."""

from __future__ import annotations

import importlib
import inspect

import pytest
from django import forms

from perhekeskus.web.forms import CountedTextarea, LongTextField

# The families register and the access log keep their own forms.
MODULES = [
    "perhekeskus.accessibility.forms",
    "perhekeskus.appointments.forms",
    "perhekeskus.casework.forms",
    "perhekeskus.cataloguedit.forms",
    "perhekeskus.impact.forms",
    "perhekeskus.planning.forms",
    "perhekeskus.referrals.forms",
]


def _textareas():
    for name in MODULES:
        module = importlib.import_module(name)
        for _, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != name:
                continue
            for field_name, field in form.base_fields.items():
                if isinstance(field.widget, forms.Textarea):
                    yield f"{name}.{form.__name__}.{field_name}", field


_TEXTAREAS = list(_textareas())


# Ids from the place only: a field's repr holds its memory address, which
# differs between test workers.
@pytest.mark.parametrize(
    ("where", "field"), _TEXTAREAS, ids=[where for where, _field in _TEXTAREAS]
)
def test_every_textarea_is_counted_and_never_cut(where, field):
    assert "maxlength" not in field.widget_attrs(field.widget), where
    assert getattr(field, "max_length", None) is None, where
    if not isinstance(field.widget, CountedTextarea):
        return  # a text without a limit (a model's TextField): nothing to count or cut
    limit = field.widget.limit
    with pytest.raises(forms.ValidationError) as error:
        field.clean("x" * (limit + 1))
    assert error.value.code == "max_length"
    assert field.clean("x" * limit) is not None


def test_the_counter_is_rendered_on_the_server():
    field = LongTextField(limit=10)
    html = field.widget.render("note", "abc", attrs={"id": "id_note"})
    assert 'aria-describedby="id_note_count"' in html
    assert "3 / 10" in html
    assert "maxlength" not in html
