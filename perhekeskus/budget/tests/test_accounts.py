"""Accounts files as spreadsheets export them."""

from decimal import Decimal

import pytest

from perhekeskus.budget.accounts import AccountsRefused, parse_amount, read_accounts
from perhekeskus.budget.models import AccountLine, AccountsImport
from perhekeskus.budget.services import import_accounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234", "1234"),
        ("1 234 567,89", "1234567.89"),
        ("1\u00a0234\u00a0567,89", "1234567.89"),
        ("1\u202f234,5", "1234.5"),
        ("1.234.567,89", "1234567.89"),
        ("1.234", "1234"),
        ("1,234,567.89", "1234567.89"),
        ("1234.56", "1234.56"),
        ("12,5", "12.5"),
        ("-1 200", "-1200"),
        ("\u22121 200,00", "-1200.00"),
        ("(300)", "-300"),
        ("300-", "-300"),
        (" 2 000 € ", "2000"),
    ],
)
def test_amounts(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3a", "--", "12 kpl"])
def test_not_amounts(text):
    with pytest.raises(ArithmeticError):
        parse_amount(text)


def test_semicolons_bom_decimal_commas_and_corrections_summed():
    data = (
        "\ufeffTehtäväluokka;Vuosi;Euroa\n"
        "Perusopetus;2024;1 000 000,50\n"
        "Lastensuojelun avohuoltopalvelut;2024;250\u00a0000\n"
        "Perusopetus;2024;-1 200,50\n"
        "\n"
        "perusopetus ;2025;1.100.000\n"
    ).encode("utf-8")
    lines = read_accounts(data)
    assert [(x.year, x.class_name, x.amount) for x in lines] == [
        (2024, "Lastensuojelun avohuoltopalvelut", Decimal("250000.00")),
        (2024, "Perusopetus", Decimal("998800.00")),
        (2025, "perusopetus", Decimal("1100000.00")),
    ]


def test_comma_delimiter_with_quoted_amounts_and_windows_text():
    data = 'class,year,amount\n"Nuorisotoiminta",2023,"12 345,60"\n"Kirjastotoimi",2023,500\n'
    lines = read_accounts(data.encode("cp1252"))
    assert {x.class_name: x.amount for x in lines} == {
        "Nuorisotoiminta": Decimal("12345.60"),
        "Kirjastotoimi": Decimal("500.00"),
    }
    assert (
        read_accounts("Luokka;Vuosi;Euroa\nMiehikkälän äänet;2023;5\n".encode("cp1252"))[
            0
        ].class_name
        == "Miehikkälän äänet"
    )


def test_a_leading_class_number_is_ignored_when_matching():
    [line] = read_accounts("Tehtäväluokka;Vuosi;Euroa\n2210 Perusopetus;2024;10\n".encode())
    assert line.class_key == "perusopetus"


def test_wrong_columns_say_what_is_needed():
    with pytest.raises(AccountsRefused) as refused:
        read_accounts(b"name;when;how much\nPerusopetus;2024;10\n")
    message = str(refused.value)
    assert "Wrong columns" in message and "'name', 'when', 'how much'" in message
    assert "year column" in message


def test_every_bad_row_is_listed():
    with pytest.raises(AccountsRefused) as refused:
        read_accounts(b"Luokka;Vuosi;Euroa\nA;2024;x\n;2024;5\nB;24;5\nC;2024\n")
    assert refused.value.problems == [
        "row 2: 'x' is not an amount in euros",
        "row 3 has no class",
        "row 4: '24' is not a year",
        "row 5 has too few columns",
    ]


@pytest.mark.django_db
def test_unknown_classes_are_imported_and_listed_nothing_half_imported(county):
    summary = import_accounts(
        data="Tehtäväluokka;Vuosi;Euroa\nPerusopetus;2024;100\nJoukkoliikenne;2024;40\n".encode(),
        name="a.csv",
        entity_code="901",
    )
    assert summary.unknown_classes == [("Joukkoliikenne", Decimal("40.00"))]
    assert AccountsImport.objects.get().unknown_classes == ["Joukkoliikenne"]
    assert AccountLine.objects.count() == 2
    with pytest.raises(AccountsRefused):
        import_accounts(
            data=b"Luokka;Vuosi;Euroa\nPerusopetus;2024;200\nNuorisotoiminta;2024;oops\n",
            name="b.csv",
            entity_code="901",
        )
    assert AccountLine.objects.get(class_key="perusopetus").amount == 100
    assert AccountsImport.objects.count() == 1


@pytest.mark.django_db
def test_importing_a_year_again_replaces_it(county):
    import_accounts(
        data=b"Luokka;Vuosi;Euroa\nPerusopetus;2024;100\nHallinto;2024;5\n",
        name="a",
        entity_code="901",
    )
    import_accounts(data=b"Luokka;Vuosi;Euroa\nPerusopetus;2024;120\n", name="b", entity_code="901")
    assert list(AccountLine.objects.values_list("class_key", "amount")) == [
        ("perusopetus", Decimal("120.00"))
    ]


@pytest.mark.django_db
def test_unknown_entity_is_refused(county):
    with pytest.raises(AccountsRefused, match="neither an organiser nor a municipality"):
        import_accounts(
            data=b"Luokka;Vuosi;Euroa\nPerusopetus;2024;1\n", name="a", entity_code="999"
        )


@pytest.mark.django_db
def test_the_command(county, tmp_path, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    good = tmp_path / "ok.csv"
    good.write_text("Tehtäväluokka;Vuosi;Euroa\nPerusopetus;2024;1 000\nJoukkoliikenne;2024;5\n")
    call_command("import_accounts", str(good), "--entity", "901")
    out = capsys.readouterr().out
    assert "2 account lines for 2024" in out and "not in the mapping: Joukkoliikenne" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("a;b\n1;2\n")
    with pytest.raises(CommandError, match="Wrong columns"):
        call_command("import_accounts", str(bad), "--entity", "901")
    assert AccountLine.objects.count() == 2
