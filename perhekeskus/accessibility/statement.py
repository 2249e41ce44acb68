"""The facts of the accessibility statement (Act 306/2019 §15), in one place.

Update ``PREPARED``/``REVIEWED`` and the shortcomings whenever the service is
assessed again; the supervisory authority's details are public information.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

PREPARED = date(2026, 12, 8)
REVIEWED = date(2026, 12, 8)

# Act 306/2019 §9: the requirements are those of EN 301 549, i.e. WCAG 2.1 AA.
STANDARD = "WCAG 2.1 AA"

# The known shortcomings, each with what is done about it.
SHORTCOMINGS = (
    _(
        "Service descriptions are written by the organisations that provide the "
        "services. Some of them may lack headings or clear link texts. They are "
        "checked when the descriptions are reviewed."
    ),
    _(
        "Some service descriptions have no Swedish or English version; the Finnish "
        "text is then shown, marked as Finnish."
    ),
    _(
        "Downloadable files (CSV files of statistics and of the budget) are data "
        "files for further use; their content is shown as tables on the pages too."
    ),
    _(
        "Charts of the statistics pages are images of the numbers; the same numbers "
        "are in a table under each chart."
    ),
)

# The supervisory authority (Act 306/2019 §17, as amended by Act 1020/2024:
# from 1 January 2025 Traficom; before that the Regional State Administrative
# Agency for Southern Finland).
AUTHORITY = {
    "name": _("Finnish Transport and Communications Agency Traficom"),
    "unit": _("Digital accessibility supervision"),
    "web": "https://www.saavutettavuusvaatimukset.fi",
    "email": "saavutettavuus@traficom.fi",
    "phone": "029 534 5000",
}
