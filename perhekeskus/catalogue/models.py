"""The service network, modelled after Open Referral HSDS 3.0.

Text that families read is translated (fi/sv/en) with modeltranslation, so
each field has ``<name>_fi``, ``<name>_sv`` and ``<name>_en`` columns and the
plain attribute reads the active language with Finnish as fallback.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.models import BaseModel
from perhekeskus.programme.models import Municipality


class TaxonomyTerm(models.Model):
    """A term of one of the catalogue's taxonomies (HSDS taxonomy_term)."""

    class Taxonomy(models.TextChoices):
        LIFE_SITUATION = "life_situation", _("needs and life situations")
        TARGET_GROUP = "target_group", _("who the service is for")

    taxonomy = models.CharField(_("taxonomy"), max_length=20, choices=Taxonomy.choices)
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["taxonomy", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="taxonomy_term_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language a service is given in: any language, by its ISO 639 code."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=100)
    endonym = models.CharField(_("name in the language itself"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class SourcedModel(BaseModel):
    """A catalogue record that may come from an outside directory.

    Imported records keep where they came from, their id there and the
    record as received, so that a re-import updates instead of duplicating.
    """

    class Source(models.TextChoices):
        LOCAL = "local", _("entered here")
        PTV = "ptv", _("Suomi.fi service catalogue (PTV)")
        HSDS = "hsds", _("Open Referral HSDS directory")

    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.LOCAL
    )
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    source_record = models.JSONField(_("record as received"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~models.Q(source_id=""),
                name="%(class)s_source_id_unique",
            )
        ]


class Organization(SourcedModel):
    class Kind(models.TextChoices):
        WELLBEING_COUNTY = "wellbeing_county", _("wellbeing services county")
        MUNICIPALITY = "municipality", _("municipality")
        STATE = "state", _("state or national public body")
        NGO = "ngo", _("non-governmental organisation")
        PARISH = "parish", _("parish")
        PRIVATE = "private", _("private provider")
        PEER_GROUP = "peer_group", _("peer-support group")
        OT_CENTRE = "ot_centre", _("competence and support centre (OT-centre)")

    PUBLIC_KINDS = (Kind.WELLBEING_COUNTY, Kind.MUNICIPALITY, Kind.STATE)

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    business_id = models.CharField(_("business ID"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home municipality"),
    )

    class Meta(SourcedModel.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_kind_display(self) -> str:
        """The kind's name as the platform administrators keep it, in the
        active language (the code's label when no name is kept)."""
        from .kinds import kind_name

        return kind_name(self.kind)

    @property
    def is_public(self) -> bool:
        return self.kind in self.PUBLIC_KINDS


class OrganizationKindName(models.Model):
    """The name and description people see for one of the fixed organisation
    kinds, kept by the platform administrators in three languages.

    The codes stay in ``Organization.Kind``: the rules read them, so a kind is
    never added or deleted here, only named (decision 0014)."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=Organization.Kind.choices, unique=True
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("organisation kind")
        verbose_name_plural = _("organisation kinds")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.name or self.kind


class Service(SourcedModel):
    class Cost(models.TextChoices):
        FREE = "free", _("free of charge")
        FEE = "fee", _("fee")
        VOUCHER = "voucher", _("service voucher")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    how_to_get_help = models.TextField(_("how to get help"), blank=True)
    eligibility_description = models.TextField(_("who can use the service"), blank=True)
    fee_description = models.TextField(_("about the cost"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    age_min = models.PositiveSmallIntegerField(
        _("child's age from (years)"), null=True, blank=True, validators=[MaxValueValidator(29)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("child's age to (years)"), null=True, blank=True, validators=[MaxValueValidator(29)]
    )
    target_groups = models.ManyToManyField(
        TaxonomyTerm,
        related_name="services_for_group",
        blank=True,
        limit_choices_to={"taxonomy": TaxonomyTerm.Taxonomy.TARGET_GROUP},
        verbose_name=_("who the service is for"),
    )
    life_situations = models.ManyToManyField(
        TaxonomyTerm,
        related_name="services",
        blank=True,
        limit_choices_to={"taxonomy": TaxonomyTerm.Taxonomy.LIFE_SITUATION},
        verbose_name=_("needs and life situations"),
    )
    languages = models.ManyToManyField(
        Language, related_name="services", blank=True, verbose_name=_("languages")
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    anonymous = models.BooleanField(_("can be used anonymously"), default=False)
    referral_required = models.BooleanField(_("referral needed"), default=False)
    low_threshold = models.BooleanField(_("low-threshold"), default=False)
    national = models.BooleanField(
        _("available nationwide"),
        default=False,
        help_text=_("A national or online service that does not depend on the municipality."),
    )
    areas = models.ManyToManyField(
        Municipality,
        related_name="services",
        blank=True,
        verbose_name=_("municipalities served"),
    )
    email = models.EmailField(_("email"), blank=True)
    url = models.URLField(_("web page"), blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)

    class Meta(SourcedModel.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            *SourcedModel.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")),
                name="service_age_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Location(SourcedModel):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="locations",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=5, db_index=True)
    post_office = models.CharField(_("post office"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="locations",
        verbose_name=_("municipality"),
    )
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(59.0), MaxValueValidator(70.5)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(19.0), MaxValueValidator(32.0)]
    )
    accessibility = models.TextField(_("accessibility"), blank=True)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    parking = models.BooleanField(_("parking"), default=False)

    class Meta(SourcedModel.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_coords")]

    def __str__(self) -> str:
        return self.name


class ServiceChannel(SourcedModel):
    """A way to reach a service: in person at a location, by phone, online…

    In-person channels are HSDS ``service_at_location`` records.
    """

    class Kind(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        PHONE = "phone", _("phone")
        WEB = "web", _("web or e-service")
        VIDEO = "video", _("video (remote reception)")
        HOME_VISIT = "home_visit", _("home visit")
        MOBILE_TEAM = "mobile_team", _("mobile team")

    REMOTE_KINDS = (Kind.PHONE, Kind.WEB, Kind.VIDEO)
    ELECTRONIC_KINDS = (Kind.WEB, Kind.VIDEO)

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="channels", verbose_name=_("service")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, db_index=True)
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="channels",
        verbose_name=_("location"),
    )
    description = models.TextField(_("description"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_charge = models.CharField(_("call charge"), max_length=200, blank=True)
    url = models.URLField(_("web address"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(SourcedModel.Meta):
        verbose_name = _("service channel")
        verbose_name_plural = _("service channels")
        ordering = ["order", "kind"]
        constraints = [
            *SourcedModel.Meta.constraints,
            models.CheckConstraint(
                condition=~models.Q(kind="in_person") | models.Q(location__isnull=False),
                name="channel_in_person_has_location",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} – {self.get_kind_display()}"


class OpeningHours(models.Model):
    """One weekly opening period of a channel (HSDS schedule, weekly)."""

    class Weekday(models.IntegerChoices):
        # Labels of their own: as the start of a row they are capitalised in
        # Finnish and Swedish, unlike Django's names of the days used in dates
        # inside sentences (its "l" and "D" formats).
        MONDAY = 0, pgettext_lazy("weekday as a label", "Monday")
        TUESDAY = 1, pgettext_lazy("weekday as a label", "Tuesday")
        WEDNESDAY = 2, pgettext_lazy("weekday as a label", "Wednesday")
        THURSDAY = 3, pgettext_lazy("weekday as a label", "Thursday")
        FRIDAY = 4, pgettext_lazy("weekday as a label", "Friday")
        SATURDAY = 5, pgettext_lazy("weekday as a label", "Saturday")
        SUNDAY = 6, pgettext_lazy("weekday as a label", "Sunday")

    channel = models.ForeignKey(ServiceChannel, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        indexes = [models.Index(fields=["weekday", "opens", "closes"], name="hours_weekday")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")), name="hours_opens_before_closes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class HoursException(models.Model):
    """A day that differs from the weekly schedule: closed, or other hours."""

    channel = models.ForeignKey(ServiceChannel, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"), db_index=True)
    closed = models.BooleanField(pgettext_lazy("opening hours", "closed"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exception to opening hours")
        verbose_name_plural = _("exceptions to opening hours")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed=True)
                | models.Q(opens__isnull=False, closes__isnull=False, opens__lt=models.F("closes")),
                name="exception_closed_or_hours",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"


class ServiceSearchDocument(models.Model):
    """The analysed index terms of one service.

    ``name_terms`` and ``body_terms`` hold space-separated normalised terms
    (surface words, Voikko lemmas and compound parts, Snowball stems) made by
    :mod:`perhekeskus.catalogue.search`. The database's full-text engine
    indexes them: an FTS5 table on SQLite, a generated ``tsvector`` with a
    GIN index on PostgreSQL (see the migration).
    """

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    name_terms = models.TextField()
    body_terms = models.TextField()
    # The finder's filters as terms (perhekeskus.catalogue.facets); they do
    # not count for relevance.
    facet_terms = models.TextField(default="", blank=True)
    # Order of a large result tier: services with shorter names first
    # (perhekeskus.catalogue.search.static_rank).
    static_rank = models.PositiveIntegerField(default=0)
    # What the service's result card shows (perhekeskus.catalogue.cards);
    # empty until the service is next indexed.
    card = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return str(self.service_id)


class SearchTerm(models.Model):
    """The vocabulary of the index, used for typo tolerance."""

    term = models.CharField(max_length=100, unique=True)
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term
