from modeltranslation.translator import TranslationOptions, register

from projects.models import (
    Measure,
    MeasureKind,
    Milestone,
    Partner,
    Project,
    Sector,
    Unit,
)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",)}


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "editor_note")
    required_languages = {"en": ("title", "summary")}


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("note",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(MeasureKind)
class MeasureKindTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name", "symbol")
    required_languages = {"en": ("name",)}


@register(Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("note",)
