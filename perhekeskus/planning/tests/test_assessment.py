"""The assessment's steps and rules: start, sections with versions, co-sign, complete."""

import datetime
import json

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from perhekeskus.access import Forbidden, NotFound
from perhekeskus.casework import services as casework
from perhekeskus.core.appendonly import AppendOnlyError
from perhekeskus.core.errors import ConflictError, NotAllowedError, TransitionError
from perhekeskus.events.models import Event
from perhekeskus.planning import selectors, services
from perhekeskus.planning.models import (
    Assessment,
    AssessmentSectionVersion,
    AssessmentSignature,
    SectionKind,
)

pytestmark = pytest.mark.django_db


def start(planning, **kwargs):
    return services.assessment_start(actor=planning.worker, matter=planning.matter, **kwargs)


def write(
    planning,
    assessment,
    kind=SectionKind.CONCLUSION,
    text="Tuki tarpeen.",
    *,
    by=None,
    expected=0,
    **kwargs,
):
    return services.section_save(
        actor=by or planning.worker,
        assessment=assessment,
        kind=kind,
        text=text,
        expected_version=expected,
        **kwargs,
    )


def test_start_on_time_emits_the_working_days_from_the_pending_day(planning):
    assessment = start(planning)
    assert assessment.state == Assessment.State.IN_PROGRESS
    event = Event.objects.get(type="assessment.started")
    assert event.attrs["deadline_applies"] is True
    assert event.attrs["within_deadline"] is True
    assert event.attrs["statutory"] is True
    assert 0 <= event.attrs["working_days"] <= 3
    assert event.family_pseudonym and event.unit_id == planning.matter.unit_id


def test_a_late_start_without_a_reason_is_refused_and_writes_nothing(planning):
    late = planning.matter.assessment_start_due + datetime.timedelta(days=1)
    with time_machine.travel(datetime.datetime.combine(late, datetime.time(12)), tick=False):
        with pytest.raises(ValidationError) as refused:
            start(planning, reason="   ")
        assert refused.value.error_list[0].code == "reason"
        assert not Assessment.objects.exists()
        assert not Event.objects.filter(type="assessment.started").exists()
        assessment = start(planning, reason="Perhe oli matkoilla.")
    assert assessment.late_start_reason == "Perhe oli matkoilla."
    event = Event.objects.get(type="assessment.started")
    assert event.attrs["within_deadline"] is False
    assert event.attrs["working_days"] > 7


def test_a_matter_without_deadlines_starts_without_a_reason(world):
    from perhekeskus.planning.tests.factories import open_matter

    matter = open_matter(world, days_ago=200, special_support=False)
    services.assessment_start(actor=world.social_worker, matter=matter)
    event = Event.objects.get(type="assessment.started")
    assert event.attrs["deadline_applies"] is False
    assert event.attrs["within_deadline"] is None


def test_starting_twice_is_refused(planning):
    start(planning)
    with pytest.raises(TransitionError):
        start(planning)


def test_each_save_keeps_a_version_with_author_and_revision(planning):
    assessment = start(planning)
    first = write(planning, assessment, SectionKind.STRENGTHS, "Läheiset isovanhemmat.")
    second = write(
        planning,
        assessment,
        SectionKind.STRENGTHS,
        "Läheiset isovanhemmat.\nHyvä koulu.",
        by=planning.nurse,
        expected=first.version,
    )
    versions = list(AssessmentSectionVersion.objects.filter(section=second).order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert [v.author for v in versions] == [planning.worker, planning.nurse]
    assert versions[0].content["text"] == "Läheiset isovanhemmat."
    assert second.updated_by == planning.nurse
    assessment.refresh_from_db()
    assert assessment.revision == 2


def test_saving_the_same_text_again_keeps_no_new_version(planning):
    assessment = start(planning)
    section = write(planning, assessment, SectionKind.WORRIES, "Uni.")
    again = write(planning, assessment, SectionKind.WORRIES, "Uni.", expected=section.version)
    assert again.version == 1
    assert AssessmentSectionVersion.objects.count() == 1


def test_kept_versions_cannot_be_changed_or_deleted(planning):
    assessment = start(planning)
    write(planning, assessment)
    version = AssessmentSectionVersion.objects.get()
    version.content = {"text": "muutettu"}
    with pytest.raises(AppendOnlyError):
        version.save()
    with pytest.raises(AppendOnlyError):
        AssessmentSectionVersion.objects.update(content={})
    with pytest.raises(AppendOnlyError):
        AssessmentSectionVersion.objects.all().delete()


def test_the_second_save_from_the_same_version_is_refused_with_the_others_changes(planning):
    assessment = start(planning)
    base = write(planning, assessment, SectionKind.WORRIES, "Väsymys.")
    write(
        planning,
        assessment,
        SectionKind.WORRIES,
        "Väsymys ja riidat.",
        by=planning.nurse,
        expected=base.version,
    )
    with pytest.raises(ConflictError) as conflict:
        write(
            planning,
            assessment,
            SectionKind.WORRIES,
            "Väsymys ja talous.",
            by=planning.colleague,
            expected=base.version,
        )
    change = conflict.value.changes[0]
    assert change.old == "Väsymys." and change.new == "Väsymys ja riidat."
    section = assessment.sections.get(kind=SectionKind.WORRIES)
    assert section.text == "Väsymys ja riidat."


def test_two_first_writers_of_a_section_conflict_too(planning):
    assessment = start(planning)
    write(planning, assessment, SectionKind.PARENTS, "Äidin näkemys.")
    with pytest.raises(ConflictError) as conflict:
        write(planning, assessment, SectionKind.PARENTS, "Isän näkemys.", by=planning.nurse)
    assert conflict.value.changes[0].new == "Äidin näkemys."


def test_professional_sections_belong_to_their_authors(planning):
    assessment = start(planning)
    mine = write(planning, assessment, SectionKind.PROFESSIONAL, "Sosiaalityön arvio.")
    nurses = write(
        planning,
        assessment,
        SectionKind.PROFESSIONAL,
        "Terveydenhoitajan arvio.",
        by=planning.nurse,
    )
    assert mine.pk != nurses.pk
    assert nurses.author == planning.nurse
    assert nurses.author_role == "terveydenhoitaja"
    assert mine.author_role  # the responsible worker's own role in the team or as worker


def test_the_childs_view_records_age_how_heard_and_own_words(planning):
    assessment = start(planning)
    view = write(
        planning,
        assessment,
        SectionKind.CHILD,
        "Haluan että äiti ei ole väsynyt.",
        child=planning.eetu,
        child_age=4,
        gathered_how="drawing",
        gathered_note="Piirsi perheensä",
        own_words=True,
    )
    assert (view.child, view.child_age, view.gathered_how, view.own_words) == (
        planning.eetu,
        4,
        "drawing",
        True,
    )
    assert view.versions.get().content["gathered_how"] == "drawing"


def test_saving_a_section_logs_which_section_and_whose_view(planning):
    from perhekeskus.access.models import AccessLogEntry
    from perhekeskus.audit import selectors as audit_selectors

    assessment = start(planning)
    write(
        planning,
        assessment,
        SectionKind.CHILD,
        "Haluan leikkiä.",
        child=planning.eetu,
        child_age=4,
        gathered_how="drawing",
    )
    entry = AccessLogEntry.objects.filter(action="write").order_by("-seq").first()
    assert json.loads(entry.what) == {
        "kind": "assessment",
        "section": "child",
        "child": str(planning.eetu.pk),
    }
    with translation.override("en"):
        (described,) = audit_selectors.describe([entry], for_family=True)
    first = planning.eetu.first_names.split(" ")[0]
    assert described.what_text == (
        f"Changed: the service-need assessment, section: {first}/the child's own view"
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"child_age": None, "gathered_how": "conversation"},
        {"child_age": 30, "gathered_how": "conversation"},
        {"child_age": 4, "gathered_how": ""},
        {"child_age": 4, "gathered_how": "telepathy"},
    ],
)
def test_a_childs_view_needs_a_plausible_age_and_the_way_it_was_heard(planning, fields):
    assessment = start(planning)
    with pytest.raises(ValidationError):
        write(planning, assessment, SectionKind.CHILD, "Teksti", child=planning.eetu, **fields)


def test_a_childs_view_is_of_a_child_of_this_family(planning):
    assessment = start(planning)
    for person in (planning.anna, planning.oskar):
        with pytest.raises(ValidationError):
            write(
                planning,
                assessment,
                SectionKind.CHILD,
                "Teksti",
                child=person,
                child_age=7,
                gathered_how="conversation",
            )


def test_only_the_current_responsible_worker_may_cosign(planning):
    assessment = start(planning)
    write(planning, assessment)
    assessment.refresh_from_db()
    for other in (planning.colleague, planning.nurse):
        with pytest.raises(NotAllowedError):
            services.assessment_cosign(
                actor=other, assessment=assessment, expected_revision=assessment.revision
            )
    casework.worker_assign(
        actor=planning.worker, matter=planning.matter, user=planning.colleague, reason="Loma"
    )
    with pytest.raises(NotAllowedError):
        services.assessment_cosign(
            actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
        )
    signed = services.assessment_cosign(
        actor=planning.colleague, assessment=assessment, expected_revision=assessment.revision
    )
    assert signed.is_signed and signed.signed_by == planning.colleague


def test_cosigning_needs_a_conclusion(planning):
    assessment = start(planning)
    write(planning, assessment, SectionKind.WORRIES, "Uni.")
    assessment.refresh_from_db()
    with pytest.raises(TransitionError):
        services.assessment_cosign(
            actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
        )


def test_a_change_after_cosigning_needs_a_new_signature_before_completion(planning):
    assessment = start(planning)
    conclusion = write(planning, assessment)
    assessment.refresh_from_db()
    services.assessment_cosign(
        actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
    )
    write(
        planning,
        assessment,
        text="Tuki tarpeen, perhetyö.",
        by=planning.nurse,
        expected=conclusion.version,
    )
    assessment.refresh_from_db()
    assert not assessment.is_signed
    assert conclusion.versions.count() == 2
    with pytest.raises(TransitionError):
        services.assessment_complete(actor=planning.worker, assessment=assessment)
    services.assessment_cosign(
        actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
    )
    assert AssessmentSignature.objects.filter(assessment=assessment).count() == 2
    completed = services.assessment_complete(actor=planning.worker, assessment=assessment)
    assert completed.state == Assessment.State.COMPLETED


def test_cosigning_an_outdated_page_shows_what_changed(planning):
    assessment = start(planning)
    write(planning, assessment)
    assessment.refresh_from_db()
    seen = assessment.revision
    write(planning, assessment, SectionKind.WORRIES, "Uusi huoli.", by=planning.nurse)
    with pytest.raises(ConflictError) as conflict:
        services.assessment_cosign(
            actor=planning.worker, assessment=assessment, expected_revision=seen
        )
    assert any(c.new == "Uusi huoli." for c in conflict.value.changes)


def test_complete_late_needs_a_reason_and_emits_the_days(planning):
    assessment = start(planning)
    write(planning, assessment)
    assessment.refresh_from_db()
    services.assessment_cosign(
        actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
    )
    late = planning.matter.assessment_complete_due + datetime.timedelta(days=2)
    with time_machine.travel(datetime.datetime.combine(late, datetime.time(12)), tick=False):
        with pytest.raises(ValidationError):
            services.assessment_complete(actor=planning.worker, assessment=assessment)
        services.assessment_complete(
            actor=planning.worker, assessment=assessment, reason="Lausunto viivästyi."
        )
    event = Event.objects.get(type="assessment.completed")
    assert event.attrs["within_deadline"] is False
    pending = timezone.localdate(planning.matter.pending_at)
    assert event.attrs["days"] == (late - pending).days
    assessment.refresh_from_db()
    assert assessment.late_completion_reason == "Lausunto viivästyi."


def test_a_completed_assessment_is_not_changed(planning):
    assessment = start(planning)
    section = write(planning, assessment)
    assessment.refresh_from_db()
    services.assessment_cosign(
        actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
    )
    services.assessment_complete(actor=planning.worker, assessment=assessment)
    with pytest.raises(TransitionError):
        write(planning, assessment, text="Muutos", expected=section.version)
    with pytest.raises(TransitionError):
        services.assessment_complete(actor=planning.worker, assessment=assessment)


def test_a_closed_matter_refuses_every_change(planning):
    assessment = start(planning)
    section = write(planning, assessment)
    casework.matter_close(
        actor=planning.worker, matter=planning.matter, reason="other", summary="Perhe muutti."
    )
    with pytest.raises(TransitionError):
        write(planning, assessment, text="Muutos", expected=section.version)
    assessment.refresh_from_db()
    with pytest.raises(TransitionError):
        services.assessment_cosign(
            actor=planning.worker, assessment=assessment, expected_revision=assessment.revision
        )


def test_a_plan_only_member_can_neither_read_nor_write_the_assessment(planning):
    assessment = start(planning)
    with pytest.raises(NotFound):
        selectors.assessment_of(planning.ngo_worker, planning.matter)
    with pytest.raises(Forbidden):
        write(planning, assessment, by=planning.ngo_worker)
    assert selectors.assessment_of(planning.nurse, planning.matter) == assessment


def test_a_stranger_cannot_start_an_assessment(planning):
    with pytest.raises(Forbidden):
        services.assessment_start(actor=planning.stranger, matter=planning.matter)
