"""Which fields of the shared records are written in each language
(django-modeltranslation adds `<field>_en`, `<field>_az`, `<field>_zh_hans`)."""

from modeltranslation.translator import TranslationOptions, register

from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
    Place,
    Source,
)


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "honorific", "bio", "editor_note")
    required_languages = {"en": ("name",)}


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",)}


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "acronym", "description", "editor_note")
    required_languages = {"en": ("name",)}


@register(Source)
class SourceTranslation(TranslationOptions):
    # Quotes stay in the source's own language; titles and notes are ours.
    fields = ("title", "notes", "editor_note")
    required_languages = {"en": ("title",)}


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit", "description", "editor_note")
    required_languages = {"en": ("name",)}


@register(Observation)
class ObservationTranslation(TranslationOptions):
    fields = ("note",)


@register(Citation)
class CitationTranslation(TranslationOptions):
    # The quote stays verbatim in the source's language; the locator is ours.
    fields = ("locator",)
