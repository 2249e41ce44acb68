"""Only the methods toolkit is kept in the admin; client data never is."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Method


@admin.register(Method)
class MethodAdmin(TranslationAdmin):
    list_display = ("name", "code", "is_active", "order")
    list_filter = ("is_active",)
    search_fields = ("name_fi", "name_sv", "name_en", "code")
