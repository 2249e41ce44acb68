"""The matter page's extension point: parts other apps add to it.

Planning, referrals and appointments show their part of a matter on the
matter page without the case-work app knowing them. Each app appends a
``(template_name, context_function)`` pair from its ``AppConfig.ready``::

    from perhekeskus.casework.panels import MATTER_PANELS

    def assessment_panel(request, matter, scope):
        if not scope_allows(scope, "assessment_and_plan"):
            return None  # this member's role does not see it
        return {"assessment": assessment_of(request.actor, matter)}

    MATTER_PANELS.append(("planning/_matter_assessment.html", assessment_panel))

The matter page renders the panels in the order they were appended. The
context function gets the request, the matter (already fetched through the
access layer, with ``matter.scope``) and the viewer's scope (``full``,
``assessment_and_plan`` or ``plan_only``); it returns the panel's context,
or None to leave the panel out. The template is rendered with that context
plus ``matter`` and ``scope``. A panel must show only what the scope covers:
:func:`perhekeskus.casework.selectors.scope_allows` answers that.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string

PanelContext = Callable[..., dict | None]

MATTER_PANELS: list[tuple[str, PanelContext]] = []


def panels_for(request, matter, scope) -> list[str]:
    """The panels of this matter's page, rendered in order (safe HTML)."""
    rendered = []
    for template_name, context_function in MATTER_PANELS:
        context = context_function(request, matter, scope)
        if context is not None:
            rendered.append(
                render_to_string(
                    template_name,
                    {**context, "matter": matter, "scope": scope},
                    request=request,
                )
            )
    return rendered
