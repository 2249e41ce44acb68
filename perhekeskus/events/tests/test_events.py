import pytest

from perhekeskus.events.models import Event
from perhekeskus.events.services import emit, pseudonym
from perhekeskus.families.models import Family

pytestmark = pytest.mark.django_db


def test_emit_keeps_a_pseudonym_not_the_family():
    family = Family.objects.create(name="Virtanen")
    event = emit("matter.opened", family=family, service_task="family_social_work", urgent=False)
    stored = Event.objects.get(pk=event.pk)
    assert stored.family_pseudonym == pseudonym(family.pk)
    assert str(family.pk) not in stored.family_pseudonym
    assert "Virtanen" not in str(stored.attrs)
    assert pseudonym(family.pk) == pseudonym(family.pk)
    assert pseudonym(family.pk) != pseudonym(Family.objects.create(name="Other").pk)


def test_unknown_type_and_undeclared_attributes_are_refused():
    with pytest.raises(ValueError, match="unknown event type"):
        emit("matter.reopened")
    with pytest.raises(ValueError, match="not declared"):
        emit("matter.opened", name="Virtanen")
    assert not Event.objects.exists()
