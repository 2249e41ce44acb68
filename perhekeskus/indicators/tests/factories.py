"""Users of the knowledge pages (usable by the indicators, budget and programme tests)."""

from perhekeskus.accounts.models import Role
from perhekeskus.accounts.tests.factories import MembershipFactory, UserFactory, enrol_totp


def official(role: str, username: str):
    """A professional with one membership in ``role`` and an authenticator."""
    user = UserFactory(username=username)
    MembershipFactory(user=user, role=role)
    enrol_totp(user)
    return user


def knowledge_users() -> dict:
    return {
        "manager": official(Role.MANAGER, "johtaja"),
        "analyst": official(Role.ANALYST, "analyytikko"),
        "preparer": official(Role.PREPARING_OFFICIAL, "valmistelija"),
        "nurse": official(Role.PUBLIC_HEALTH_NURSE, "terveydenhoitaja"),
    }
