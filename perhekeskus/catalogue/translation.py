from modeltranslation.translator import TranslationOptions, register

from .models import (
    HoursException,
    Language,
    Location,
    Organization,
    OrganizationKindName,
    Service,
    ServiceChannel,
    TaxonomyTerm,
)


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(OrganizationKindName)
class OrganizationKindNameTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "description",
        "how_to_get_help",
        "eligibility_description",
        "fee_description",
    )


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "street_address", "post_office", "accessibility")


@register(ServiceChannel)
class ServiceChannelTranslation(TranslationOptions):
    fields = ("description", "phone_charge")


@register(HoursException)
class HoursExceptionTranslation(TranslationOptions):
    fields = ("note",)
