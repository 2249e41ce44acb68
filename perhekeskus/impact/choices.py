"""The fixed lists of the assessment: groups of children, UNCRC articles and
the scales of effects. Codes are stored; labels are translated on display."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """When the assessment is made (DOMAIN.md §4)."""

    BEFORE = "before", _("before the decision")
    FOLLOW_UP = "follow_up", _("follow-up of a decision")
    ONGOING = "ongoing", _("of ongoing activity")


class ChildGroup(models.TextChoices):
    ALL = "all", _("all children and young people")
    UNDER_SCHOOL_AGE = "age_0_6", _("children under school age (0–6)")
    SCHOOL_AGE = "age_7_12", _("children of primary school age (7–12)")
    YOUNG = "age_13_17", _("young people (13–17)")
    DISABILITY = "disability", _("children with disabilities or a long-term illness")
    CHILD_WELFARE = (
        "child_welfare",
        _("children in child welfare, also those placed outside the home"),
    )
    IMMIGRANT = "immigrant", _("children with an immigrant background")
    SWEDISH = "swedish", _("Swedish-speaking children")
    SAMI = "sami", _("Sámi children")
    ROMA = "roma", _("Roma children")
    LOW_INCOME = "low_income", _("children in low-income families")
    SEPARATED = "separated", _("children whose parents have separated")
    RURAL = "rural", _("children in sparsely populated areas")


# Groups whose rights are at particular risk: an indirect effect on any of
# them is reason enough to propose a full assessment.
VULNERABLE_GROUPS = frozenset(
    {
        ChildGroup.DISABILITY,
        ChildGroup.CHILD_WELFARE,
        ChildGroup.IMMIGRANT,
        ChildGroup.SWEDISH,
        ChildGroup.SAMI,
        ChildGroup.ROMA,
        ChildGroup.LOW_INCOME,
    }
)


class Principle(models.TextChoices):
    """The four general principles of the UN Convention on the Rights of the Child."""

    NON_DISCRIMINATION = "non_discrimination", _("Non-discrimination (article 2)")
    BEST_INTERESTS = "best_interests", _("The best interests of the child (article 3)")
    LIFE_DEVELOPMENT = "life_development", _("Right to life and development (article 6)")
    HEARD = "heard", _("Right to be heard (article 12)")


class Article(models.TextChoices):
    """Other UNCRC articles that often apply to municipal and county decisions."""

    A5 = "5", _("5 Parental guidance and the child's evolving capacities")
    A9 = "9", _("9 Not to be separated from parents")
    A13 = "13", _("13 Freedom of expression")
    A15 = "15", _("15 Freedom of association")
    A16 = "16", _("16 Privacy")
    A17 = "17", _("17 Access to information")
    A18 = "18", _("18 Parents' responsibility and support for it")
    A19 = "19", _("19 Protection from violence")
    A20 = "20", _("20 Children deprived of a family environment")
    A22 = "22", _("22 Refugee children")
    A23 = "23", _("23 Children with disabilities")
    A24 = "24", _("24 Health and health services")
    A26 = "26", _("26 Social security")
    A27 = "27", _("27 Adequate standard of living")
    A28 = "28", _("28 Education")
    A29 = "29", _("29 Aims of education")
    A30 = "30", _("30 Children of minorities and indigenous peoples")
    A31 = "31", _("31 Leisure, play and culture")
    A39 = "39", _("39 Recovery and reintegration")


class Direction(models.TextChoices):
    POSITIVE = "positive", _("positive")
    NEGATIVE = "negative", _("negative")
    MIXED = "mixed", _("mixed")
    NONE = "none", _("no effect")


class Size(models.TextChoices):
    SMALL = "small", _("small")
    MODERATE = "moderate", _("moderate")
    LARGE = "large", _("large")


class Directness(models.TextChoices):
    DIRECT = "direct", _("direct")
    INDIRECT = "indirect", _("indirect")
    BOTH = "both", _("direct and indirect")


class Method(models.TextChoices):
    SURVEY = "survey", _("survey")
    GROUP = "group", _("group discussion or workshop")
    INTERVIEW = "interview", _("interviews")
    COUNCIL = "council", _("children's or youth council")
    VISIT = "visit", _("visit to a school, day-care or youth centre")
    CREATIVE = "creative", _("drawing, photos or other creative methods")
    DIGITAL = "digital", _("digital platform")
    OTHER = "other", _("other method")
