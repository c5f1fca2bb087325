from modeltranslation.translator import TranslationOptions, register

from events.models import Agreement, Event, Participation


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "editor_note")
    required_languages = {"en": ("title", "summary")}


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("role",)


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "editor_note")
    required_languages = {"en": ("title", "summary")}
