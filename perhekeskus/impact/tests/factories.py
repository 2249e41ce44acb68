"""Officials and assessments for the tests, built through the services so that
every assessment has its versions."""

from __future__ import annotations

from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import (
    MembershipFactory,
    UnitFactory,
    UserFactory,
    enrol_totp,
)
from perhekeskus.impact import services


def official(role: str, username: str, unit=None):
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit or UnitFactory(kind=Unit.Kind.FAMILY_CENTRE), role=role)
    enrol_totp(user)
    return user


def preparing_official(username: str):
    return official(Role.PREPARING_OFFICIAL, username)


SCREENING = {
    "kind": "before",
    "affects_directly": True,
    "affects_indirectly": False,
    "how": "Lasten koulumatka pitenee.",
    "groups": ["age_7_12", "disability"],
    "other_groups": "",
    "full_needed": "yes",
    "reason": "Päätös koskee suoraan alakouluikäisiä.",
}

OPTIONS = [
    {"key": "aaaa1111bbbb", "title": "Sivukoulu jatkaa", "description": "Nykytila säilyy."},
    {
        "key": "cccc2222dddd",
        "title": "Sivukoulu suljetaan",
        "description": "Oppilaat keskuskouluun.",
    },
]


def effects(options=OPTIONS, groups=("age_7_12", "disability")) -> list[dict]:
    return [
        {
            "option": o["key"],
            "group": g,
            "directness": "direct",
            "short_direction": "negative" if i else "none",
            "short_size": "moderate" if i else "",
            "long_direction": "mixed" if i else "none",
            "long_size": "small" if i else "",
            "description": "Koulumatka pitenee." if i else "",
        }
        for i, o in enumerate(options)
        for g in groups
    ]


def full_steps() -> dict[str, dict]:
    """Content that completes every step of a full assessment."""
    return {
        "need": {"need": "Koulun sivutoimipisteen lakkauttaminen."},
        "scope": {"scope": "Rantakylän oppilaat 2027–2030.", "excluded": ""},
        "law": {
            "non_discrimination": "Erityistä tukea tarvitsevat huomioitu.",
            "best_interests": "Lähikoulu on lapsen edun mukainen.",
            "life_development": "Koulumatkan turvallisuus.",
            "heard": "Oppilaita kuultiin.",
            "articles": ["28", "31"],
            "articles_note": "",
            "national_law": "Perusopetuslaki 628/1998 §6.",
        },
        "schedule": {"schedule": "Syksy 2026.", "responsibilities": "Valmistelija ja rehtori."},
        "options": {"items": OPTIONS},
        "evidence": {"sources": "Oppilasennuste 2026.", "unknowns": "Muuttoliike."},
        "participation": {
            "items": [
                {
                    "key": "eeee3333ffff",
                    "method": "group",
                    "children": 24,
                    "ages": "7–12",
                    "held_on": "2026-09-15",
                    "said": "Koulumatka pelottaa.",
                    "used": "Saattoliikenne lisätty.",
                }
            ],
            "not_heard_reason": "",
        },
        "effects": {"items": effects()},
        "conflicts": {"conflicts": "Säästöt ja lähikoulu.", "mitigation": "Koulukuljetus."},
        "recommendation": {"option": OPTIONS[0]["key"], "reasons": "Lapsen etu."},
        "informing": {"how": "Koulun tiedote.", "when": "2026-12-15", "done": False},
        "follow_up": {"date": "2027-12-01", "what": "Koulumatkat."},
    }


def new_assessment(preparer, *, title="Rantakylän sivukoulun lakkauttaminen", screening=None):
    return services.create_assessment(
        user=preparer,
        matter={
            "title": title,
            "decision_maker": "Kaislarannan sivistyslautakunta",
            "planned_decision_date": "2026-12-10",
            "preparer": preparer,
        },
        screening=dict(screening or SCREENING),
    )


def complete_assessment(preparer, *, editor=None, title="Rantakylän sivukoulun lakkauttaminen"):
    """An assessment with every step done (saved by ``editor``, the preparer by default)."""
    assessment = new_assessment(preparer, title=title)
    for slug, fragment in full_steps().items():
        assessment, _ = services.save_step(
            user=editor or preparer,
            assessment=assessment,
            step=slug,
            base_version=assessment.version,
            fragment=fragment,
        )
    return assessment
