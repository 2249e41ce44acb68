from modeltranslation.translator import TranslationOptions, register

from .models import Method


@register(Method)
class MethodTranslation(TranslationOptions):
    fields = ("name", "description")
