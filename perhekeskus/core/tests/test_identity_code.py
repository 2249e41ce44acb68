"""The personal identity code validator (hypothesis properties and known codes)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.core import identity_code as identity

SIGNS_BY_CENTURY = {
    1800: ["+"],
    1900: ["-", "Y", "X", "W", "V", "U"],
    2000: ["A", "B", "C", "D", "E", "F"],
}

births = st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2099, 12, 31))
individuals = st.integers(min_value=2, max_value=999)


def sign_for(born, data):
    return data.draw(st.sampled_from(SIGNS_BY_CENTURY[born.year - born.year % 100]))


@given(born=births, number=individuals, data=st.data())
def test_every_valid_code_parses_to_its_date_of_birth(born, number, data):
    code = identity.build(born, number, sign_for(born, data))
    assert identity.parse(code) == born
    assert identity.parse(code.lower()) == born


@given(born=births, number=individuals, data=st.data())
def test_a_wrong_check_character_is_refused(born, number, data):
    code = identity.build(born, number, sign_for(born, data))
    wrong = data.draw(st.sampled_from([c for c in identity.CHECK_CHARACTERS if c != code[-1]]))
    with pytest.raises(ValidationError) as error:
        identity.parse(code[:-1] + wrong)
    assert error.value.code == "checksum"


@given(born=births, number=individuals, data=st.data())
def test_signs_of_one_century_mean_the_same_date(born, number, data):
    signs = SIGNS_BY_CENTURY[born.year - born.year % 100]
    assert {identity.parse(identity.build(born, number, s)) for s in signs} == {born}


@given(st.text(max_size=15))
def test_arbitrary_text_is_valid_or_a_validation_error(text):
    try:
        born = identity.parse(text)
    except ValidationError as error:
        assert error.code in {"format", "date", "individual", "checksum"}
    else:
        assert isinstance(born, datetime.date)


@pytest.mark.parametrize(
    ("code", "born"),
    [
        ("131052-308T", datetime.date(1952, 10, 13)),
        ("010594Y9032", datetime.date(1994, 5, 1)),
        ("010594Y9021", datetime.date(1994, 5, 1)),
        ("020502E902X", datetime.date(2002, 5, 2)),
        ("020502A902X", datetime.date(2002, 5, 2)),
    ],
)
def test_published_example_codes(code, born):
    assert identity.parse(code) == born


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("310204A123X", "date"),  # 31 February
        ("290223A1234", "date"),  # 2023 is no leap year
        ("131052-308U", "checksum"),
        ("131052G308T", "format"),  # G is no century sign
        ("131052-000T", "individual"),
        ("131052-001W", "individual"),  # right check character, but 001 is no person's
        ("1310523-08T", "format"),
        ("", "format"),
    ],
)
def test_invalid_codes_say_why(code, reason):
    with pytest.raises(ValidationError) as error:
        identity.parse(code)
    assert error.value.code == reason
