from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from . import models


@admin.register(models.Organization)
class OrganizationAdmin(TranslationAdmin):
    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name_fi", "name_sv", "name_en")


@admin.register(models.Service)
class ServiceAdmin(TranslationAdmin):
    list_display = ("name", "organization", "status", "cost")
    list_filter = ("status", "cost", "organization__kind")
    search_fields = ("name_fi", "name_sv", "name_en")
    filter_horizontal = ("target_groups", "life_situations", "languages", "areas")


@admin.register(models.Location)
class LocationAdmin(TranslationAdmin):
    list_display = ("name", "municipality", "postal_code")
    list_filter = ("municipality",)


@admin.register(models.TaxonomyTerm)
class TaxonomyTermAdmin(TranslationAdmin):
    list_display = ("name", "taxonomy", "code")
    list_filter = ("taxonomy",)
