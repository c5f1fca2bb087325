from modeltranslation.translator import TranslationOptions, register

from projects.models import Milestone, Project, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",)}


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "editor_note")
    required_languages = {"en": ("title", "summary")}


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)
