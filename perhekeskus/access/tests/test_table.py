"""The access table: its invariants, and its generated page kept current."""

from perhekeskus.access import table, tabledoc
from perhekeskus.access.table import TABLE, Act, Field, Kind, Part

CLIENT_PARTS = frozenset(Part) - {Part.AUDITOR}


def test_the_generated_page_is_current():
    assert tabledoc.is_current(), (
        "docs/access-table.md is out of date: run `perhekeskus access-table`"
    )


def test_every_kind_is_readable_by_someone():
    for kind in Kind:
        assert any(table.allows([part], kind, Act.READ) for part in Part), kind


def test_the_auditor_reads_the_log_and_nothing_else():
    for kind in Kind:
        expected = kind == Kind.ACCESS_LOG
        assert table.allows([Part.AUDITOR], kind, Act.READ) is expected, kind


def test_narrow_parts_never_see_identity_codes_or_addresses():
    for part in (Part.TEAM_PLAN, Part.TEAM_ASSESSMENT, Part.QUEUE, Part.PARTICIPANT):
        for field in (Field.IDENTITY_CODE, Field.ADDRESS):
            assert not table.shows([part], Kind.REGISTER, field), (part, field)
    # ... nor the family's other client relationships or the register's history.
    for kind in (Kind.RELATIONSHIPS, Kind.HISTORY, Kind.ASSESSMENT):
        assert not table.allows([Part.TEAM_PLAN], kind, Act.READ), kind


def test_every_change_is_given_only_with_a_read():
    for (kind, part), rule in TABLE.items():
        if rule.acts & table.CHANGES - {Act.TAKE}:
            assert Act.READ in rule.acts, (kind, part)


def test_a_consent_never_opens_work_in_progress():
    for kind in (Kind.ASSESSMENT, Kind.HISTORY, Kind.ACCESS_LOG, Kind.CONTACT):
        assert kind not in table.CONSENT_KINDS
    for (kind, part), rule in TABLE.items():
        if part == Part.CONSENT:
            assert not rule.acts & table.CHANGES, kind


def test_fields_are_the_union_of_the_parts():
    narrow = table.fields([Part.TEAM_PLAN], Kind.REGISTER)
    assert narrow == {Field.NAME}
    both = table.fields([Part.TEAM_PLAN, Part.TEAM_ASSESSMENT], Kind.REGISTER)
    assert Field.DATE_OF_BIRTH in both and Field.IDENTITY_CODE not in both
    assert table.fields([Part.TEAM_PLAN, Part.RELATIONSHIP], Kind.APPOINTMENT) == {Field.ALL}
    assert table.fields([], Kind.REGISTER) == frozenset()
