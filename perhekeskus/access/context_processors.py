"""The actor of the request for templates, built only when a template asks.

The header's links (``account_nav``, ``desk_nav``, ``insight_nav``) show what
the user may open with the same checks as the pages' policies; they read the
actor from here, so the apps below the access layer need not import it.
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from .actor import actor_for


def actor(request):
    user = getattr(request, "user", None)
    return {"access_actor": SimpleLazyObject(lambda: actor_for(user))}
