"""Citizens are linked by the same identity-code rules as the families register."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.accounts.identity import identity_code_from_claims
from perhekeskus.core import identity_code
from perhekeskus.families import identity as families_identity


@pytest.mark.parametrize("claim", ["nationalIdentificationNumber", "hetu", "urn:oid:1.2.246.21"])
def test_a_lower_case_code_is_accepted_and_upper_cased(claim):
    assert identity_code_from_claims({claim: " 020716a9025 "}) == "020716A9025"


@pytest.mark.parametrize(
    "code",
    [
        "310204A123X",  # 31 February, right check character
        "290223A1234",  # 2023 is no leap year
        "131052-001W",  # individual number 001, right check character
        "131052-000T",
        "150385-9014",  # wrong check character
        "1503859013",
    ],
)
def test_an_impossible_code_links_nobody(code):
    assert identity_code_from_claims({"hetu": code}) is None


def test_the_first_valid_claim_counts():
    claims = {"nationalIdentificationNumber": "150385-9014", "hetu": "150385-9013"}
    assert identity_code_from_claims(claims) == "150385-9013"


def test_both_apps_use_the_one_validator():
    assert families_identity.parse is identity_code.parse
    assert families_identity.validate_identity_code is identity_code.validate_identity_code


codes = st.builds(
    identity_code.build,
    st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2099, 12, 31)),
    st.integers(min_value=0, max_value=999),
)
# Valid codes, near misses (a character changed, a case changed) and noise.
candidates = st.one_of(
    codes,
    codes.map(str.lower),
    st.tuples(codes, st.integers(0, 10), st.sampled_from("0123456789-+AXYFU")).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + 1 :]
    ),
    st.text(max_size=12),
)


@given(candidates)
def test_sign_in_and_the_register_give_the_same_answer(code):
    linked = identity_code_from_claims({"hetu": code})
    if families_identity.is_valid(code):
        assert linked == families_identity.normalise(code)
    else:
        assert linked is None
