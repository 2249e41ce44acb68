"""The demo region: what the loader promises, and the two commands.

The region is loaded once for the module, by running ``demo --no-serve`` on
the empty test database inside a transaction that is rolled back when the
module ends; each test runs in a savepoint inside it.
"""

import dataclasses
import datetime
import os
from io import StringIO

import holidays
import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation

from perhekeskus.catalogue.demo import demo_sign_ins, load_demo_region
from perhekeskus.catalogue.demo.loader import DemoDataError, all_services, check_data, stable_id
from perhekeskus.catalogue.demo.region import REGION_CODE
from perhekeskus.catalogue.management.commands.demo import (
    chosen_language,
    collect_static,
    server_env,
    server_url,
    stale_translations,
)
from perhekeskus.catalogue.models import (
    HoursException,
    Language,
    Location,
    OpeningHours,
    Organization,
    Service,
    ServiceChannel,
    ServiceSearchDocument,
    TaxonomyTerm,
)
from perhekeskus.programme.models import Municipality, Region

LIFE_SITUATIONS = {
    "pregnancy",
    "baby-first-year",
    "parenting",
    "couple-relationship",
    "separation",
    "development-and-speech",
    "learning-and-school",
    "mental-health",
    "substance-use",
    "violence-and-crisis",
    "money-and-housing",
    "disability",
    "bereavement",
    "leisure-and-peer-support",
    "immigrant-families",
}
TARGET_GROUPS = {
    "parents-to-be",
    "families-with-baby",
    "children",
    "young-people",
    "parents",
    "couples",
    "separating-parents",
    "immigrant-families",
    "whole-family",
    "professionals",
}
LANGUAGES = {
    "fi", "sv", "en", "se", "ru", "et", "ar", "so", "fa", "uk", "ku",
    "sq", "vi", "th", "zh", "fr", "es", "de", "tr", "fse", "fss",
}  # fmt: skip
IMMIGRANT_LANGUAGES = {"ru", "ar", "so", "fa", "uk", "et", "ku"}


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            assert not Service.objects.exists(), "the test database should start empty"
            out = StringIO()
            call_command("demo", "--no-serve", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def services(demo_output, db):
    ids = [stable_id("service", data.key) for data in all_services()]
    return Service.objects.filter(pk__in=ids)


def _table_counts():
    models = (
        Region,
        Municipality,
        Organization,
        Location,
        Service,
        ServiceChannel,
        OpeningHours,
        HoursException,
        TaxonomyTerm,
        Language,
        ServiceSearchDocument,
        Service.languages.through,
        Service.areas.through,
        Service.life_situations.through,
        Service.target_groups.through,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_demo_command_loads_the_empty_database_and_prints_the_address(demo_output, db):
    services = Service.objects.count()
    assert f"{services}" in demo_output
    assert "http://127.0.0.1:8000/" in demo_output
    assert Region.objects.filter(code=REGION_CODE, kind=Region.Kind.WELLBEING_COUNTY).exists()


def test_demo_users_can_sign_in_after_the_demo_command(demo_output, db):
    from perhekeskus.accounts.models import User

    nurse = User.objects.get(username="demo-nurse")
    assert nurse.check_password("demo-nurse")
    assert "demo-nurse" in demo_output


def test_at_least_150_services(services):
    assert services.count() >= 150
    assert services.count() == len(all_services())


def test_municipalities_one_of_them_bilingual(demo_output, db):
    municipalities = Municipality.objects.filter(region__code=REGION_CODE)
    assert municipalities.count() >= 4
    assert municipalities.filter(bilingual=True).count() >= 1
    for municipality in municipalities:
        # Fictional codes in a range Statistics Finland does not use.
        assert len(municipality.code) == 3 and municipality.code.startswith("95")
        assert municipality.name_fi
    bilingual = municipalities.get(bilingual=True)
    assert bilingual.name_sv and bilingual.name_sv != bilingual.name_fi
    swedish_streets = Location.objects.filter(municipality=bilingual).exclude(
        street_address_sv=None
    )
    assert swedish_streets.count() == Location.objects.filter(municipality=bilingual).count()


def test_every_service_is_written_in_finnish(services):
    for service in services:
        assert service.name_fi and service.summary_fi and service.description_fi, service.pk
        assert service.how_to_get_help_fi, service.pk
        # Several sentences, as a real service description has.
        assert len(service.description_fi) >= 120, service.name_fi
        assert service.description_fi.count(". ") >= 1, service.name_fi


def test_swedish_in_the_bilingual_municipality_and_for_national_services(services):
    bilingual = Municipality.objects.get(region__code=REGION_CODE, bilingual=True)
    need_swedish = services.filter(areas=bilingual) | services.filter(national=True)
    assert need_swedish.count() > 50
    for service in need_swedish.distinct():
        assert service.name_sv and service.summary_sv, service.name_fi


def test_english_for_a_good_share(services):
    total = services.count()
    english = services.exclude(name_en=None).exclude(summary_en=None).count()
    assert english / total >= 0.4


def test_every_channel_and_organisation_kind_is_present(services):
    channel_kinds = set(
        ServiceChannel.objects.filter(service__in=services).values_list("kind", flat=True)
    )
    assert channel_kinds == set(ServiceChannel.Kind.values)
    organisation_kinds = set(
        Organization.objects.filter(services__in=services).values_list("kind", flat=True)
    )
    assert organisation_kinds == set(Organization.Kind.values)


def test_every_service_has_a_channel_and_the_costs_are_explained(services):
    for service in services.prefetch_related("channels"):
        assert service.channels.all(), service.name_fi
        if service.cost != Service.Cost.FREE:
            assert service.fee_description_fi, service.name_fi
        if service.age_min is not None and service.age_max is not None:
            assert service.age_min <= service.age_max
        assert service.last_reviewed_at is not None
        if service.national:
            assert not service.areas.exists()
        else:
            assert service.areas.exists()
    assert services.filter(cost=Service.Cost.VOUCHER).exists()
    assert services.filter(anonymous=True).exists()
    assert services.filter(referral_required=True).exists()
    assert services.filter(low_threshold=True).exists()


def test_taxonomies_and_languages(services):
    life = set(
        TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.LIFE_SITUATION).values_list(
            "code", flat=True
        )
    )
    groups = set(
        TaxonomyTerm.objects.filter(taxonomy=TaxonomyTerm.Taxonomy.TARGET_GROUP).values_list(
            "code", flat=True
        )
    )
    assert LIFE_SITUATIONS <= life
    assert TARGET_GROUPS <= groups
    for term in TaxonomyTerm.objects.all():
        assert term.name_fi and term.name_sv and term.name_en and term.description_fi
    assert LANGUAGES <= set(Language.objects.values_list("code", flat=True))
    for service in services.prefetch_related("life_situations"):
        assert 1 <= len(service.life_situations.all()) <= 4, service.name_fi
    in_immigrant_languages = services.filter(languages__code__in=IMMIGRANT_LANGUAGES).distinct()
    assert in_immigrant_languages.count() >= 10
    # Every life situation has services.
    used = set(services.values_list("life_situations__code", flat=True))
    assert LIFE_SITUATIONS <= used


def test_coordinates_inside_finland_and_the_demo_area(demo_output, db):
    locations = Location.objects.filter(municipality__region__code=REGION_CODE)
    assert locations.count() >= 30
    for location in locations:
        assert 59.7 <= location.latitude <= 70.1 and 19.5 <= location.longitude <= 31.6
        assert 61.0 <= location.latitude <= 62.5 and 26.0 <= location.longitude <= 29.0
        assert len(location.postal_code) == 5 and location.postal_code.isdigit()
        assert location.street_address_fi and location.accessibility_fi


def test_in_person_channels_have_a_location_and_others_do_not(services):
    channels = ServiceChannel.objects.filter(service__in=services)
    assert not channels.filter(kind=ServiceChannel.Kind.IN_PERSON, location=None).exists()
    assert not channels.exclude(kind=ServiceChannel.Kind.IN_PERSON).exclude(location=None).exists()
    phones = channels.filter(kind=ServiceChannel.Kind.PHONE)
    assert not phones.filter(phone="").exists()
    assert not phones.filter(phone_charge_fi=None).exists()
    assert not channels.filter(kind=ServiceChannel.Kind.WEB, url="").exists()


def test_hours_are_valid(services):
    hours = OpeningHours.objects.filter(channel__service__in=services)
    assert hours.count() > 500
    for row in hours:
        assert 0 <= row.weekday <= 6 and row.opens < row.closes
    around_the_clock = [
        channel
        for channel in ServiceChannel.objects.filter(
            service__in=services, kind=ServiceChannel.Kind.PHONE
        ).prefetch_related("hours")
        if len(channel.hours.all()) == 7
        and all(
            h.opens == datetime.time(0, 0) and h.closes == datetime.time(23, 59)
            for h in channel.hours.all()
        )
    ]
    assert len(around_the_clock) >= 3
    assert hours.filter(weekday__in=(5, 6)).exists()
    assert hours.filter(closes__gte=datetime.time(19, 0)).exists()


def test_exceptions_close_on_holidays_and_for_the_summer(services):
    today = timezone.localdate()
    finnish = holidays.Finland(years=[today.year, today.year + 1])
    exceptions = HoursException.objects.filter(channel__service__in=services)
    assert exceptions.exists()
    assert not exceptions.filter(date__lt=today - datetime.timedelta(days=1)).exists()
    for exception in exceptions.filter(closed=False):
        assert exception.opens < exception.closes
    holiday_closures = [e for e in exceptions.filter(closed=True) if e.date in finnish]
    assert holiday_closures
    for exception in holiday_closures[:50]:
        assert exception.channel.hours.filter(weekday=exception.date.weekday()).exists()
    assert exceptions.filter(note_fi="Kesätauko").exists()
    # 24/7 helplines never close.
    assert not exceptions.filter(channel__phone="0800 955 060").exists()


def test_services_are_indexed_for_search(services):
    assert ServiceSearchDocument.objects.filter(service__in=services).count() == services.count()


def test_loading_twice_changes_nothing(demo_output, db):
    before = _table_counts()
    ids_before = set(Service.objects.values_list("pk", flat=True))
    summary = load_demo_region()
    assert _table_counts() == before
    assert set(Service.objects.values_list("pk", flat=True)) == ids_before
    assert summary.services == len(all_services())


def test_load_demo_if_empty_leaves_a_filled_catalogue_alone(demo_output, db):
    before = _table_counts()
    out = StringIO()
    with translation.override("en"):
        call_command("load_demo", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert _table_counts() == before


def test_load_demo_command_reports_counts(demo_output, db):
    out = StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=out)
    assert f"{len(all_services())} services" in out.getvalue()


def test_demo_serves_as_production_with_demo_mode_on(demo_output, db, monkeypatch):
    calls, collected = [], []
    monkeypatch.setattr(
        "perhekeskus.catalogue.management.commands.demo.os.execve",
        lambda path, argv, env: calls.append((argv, env)),
    )
    monkeypatch.setattr(
        "perhekeskus.catalogue.management.commands.demo.collect_static", collected.append
    )
    monkeypatch.delenv("DJANGO_ALLOWED_HOSTS", raising=False)
    out = StringIO()
    call_command("demo", "--addrport", "127.0.0.1:8123", stdout=out)
    assert "http://127.0.0.1:8123/" in out.getvalue()
    ((argv, env),) = calls
    assert argv[1:5] == ["-m", "gunicorn", "perhekeskus.wsgi:application", "--bind"]
    assert argv[5] == "127.0.0.1:8123"
    assert env["PERHEKESKUS_DEMO"] == "1"
    # Production settings: no debug pages, the collected static files.
    assert env["DJANGO_DEBUG"] == "0"
    assert env["PERHEKESKUS_STATIC_MANIFEST"] == "1"
    assert env["PERHEKESKUS_STATIC_FROM_SOURCE"] == "0"
    assert env["DJANGO_ALLOWED_HOSTS"].split(",") == ["127.0.0.1", "localhost", "[::1]"]
    # The static files were collected with the server's own settings.
    assert collected == [env]


def test_demo_allows_the_host_it_serves_and_the_configured_ones(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "demo.example.org")
    hosts = server_env("192.0.2.5:9000")["DJANGO_ALLOWED_HOSTS"].split(",")
    assert hosts == ["127.0.0.1", "localhost", "[::1]", "192.0.2.5", "demo.example.org"]
    assert server_url("8001") == "http://127.0.0.1:8001/"


def test_static_files_are_collected_again_only_when_their_sources_change(
    tmp_path, settings, monkeypatch
):
    settings.STATIC_ROOT = tmp_path
    runs = []

    class Done:
        returncode = 0

    def run(command, env, check):
        runs.append(command)
        return Done()

    monkeypatch.setattr("perhekeskus.catalogue.management.commands.demo.subprocess.run", run)
    collect_static({})
    collect_static({})
    assert len(runs) == 1 and runs[0][-3:] == ["collectstatic", "--noinput", "-v0"]
    (tmp_path / ".demo-sources").write_text("an older collection")
    collect_static({})
    assert len(runs) == 2


SIGN_IN_TEXTS = {
    "fi": ("Demokirjautumiset:", "Terveydenhoitaja, lastenneuvola", "Salasana on sama"),
    "sv": ("Demoinloggningar:", "Hälsovårdare, barnrådgivningen", "Lösenordet är detsamma"),
    "en": ("Demo sign-ins:", "Public health nurse, child health clinic", "The password is"),
}


def test_the_language_comes_from_the_option_else_the_environment_else_finnish(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de:en_GB")
    assert chosen_language(None) == "en"
    assert chosen_language("sv") == "sv"
    monkeypatch.setenv("LANGUAGE", "de")
    assert chosen_language(None) == "fi"
    monkeypatch.delenv("LANGUAGE")
    assert chosen_language(None) == "fi"


@pytest.mark.parametrize(
    ("option", "environment", "expected"),
    [(None, "", "fi"), ("sv", "", "sv"), (None, "sv_FI.UTF-8:en", "sv"), ("en", "sv", "en")],
)
def test_demo_prints_the_sign_ins_in_the_chosen_language(
    demo_output, db, monkeypatch, option, environment, expected
):
    heading, nurse, instructions = SIGN_IN_TEXTS[expected]
    monkeypatch.setenv("LANGUAGE", environment)
    assert chosen_language(option) == expected
    out = StringIO()
    args = ["demo", "--no-serve"] + (["--language", option] if option else [])
    with translation.override("fi"):
        call_command(*args, stdout=out)
    text = out.getvalue()
    assert heading in text
    assert f"demo-nurse {nurse}" in " ".join(text.split())
    assert instructions in text
    other = {"fi", "sv", "en"} - {expected}
    assert not any(SIGN_IN_TEXTS[language][0] in text for language in other)


def test_demo_sign_ins_are_pairs_of_translatable_text():
    sign_ins = demo_sign_ins()
    assert sign_ins
    for username, description in sign_ins:
        assert isinstance(username, str) and username
        assert str(description)
    nurse = dict(sign_ins)["demo-nurse"]
    with translation.override("sv"):
        swedish = str(nurse)
    with translation.override("en"):
        english = str(nurse)
    assert swedish != english


def test_the_data_check_refuses_contradictions():
    services = all_services()
    check_data(services)
    bilingual = next(s for s in services if "954" in s.areas and s.name[1])
    broken = dataclasses.replace(bilingual, name=(bilingual.name[0], "", bilingual.name[2]))
    with pytest.raises(DemoDataError, match="Swedish"):
        check_data([*services[:3], broken])
    in_person = next(s for s in services if any(c.kind == "in_person" for c in s.channels))
    channels = tuple(dataclasses.replace(c, location=None) for c in in_person.channels)
    with pytest.raises(DemoDataError, match="location"):
        check_data([dataclasses.replace(in_person, channels=channels)])
    with pytest.raises(DemoDataError, match="duplicate"):
        check_data([services[0], services[0]])


def test_server_url():
    assert server_url("127.0.0.1:8000") == "http://127.0.0.1:8000/"
    assert server_url("8080") == "http://127.0.0.1:8080/"
    assert server_url("0.0.0.0:9000") == "http://0.0.0.0:9000/"


def test_stale_translations(tmp_path):
    messages = tmp_path / "fi" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    po = messages / "django.po"
    po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    assert stale_translations([tmp_path])
    mo = messages / "django.mo"
    mo.write_bytes(b"")
    os.utime(po, (mo.stat().st_mtime - 10, mo.stat().st_mtime - 10))
    assert not stale_translations([tmp_path])
    os.utime(po, (mo.stat().st_mtime + 10, mo.stat().st_mtime + 10))
    assert stale_translations([tmp_path])
    assert not stale_translations([tmp_path / "missing"])
