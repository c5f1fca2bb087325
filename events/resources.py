"""Import and export of events and agreements (see portal/core/resources.py for the
rules every resource shares, docs/import-format.md for the columns)."""

from events.models import Agreement, Event
from portal.core.models import Organization, Place
from portal.core.resources import (
    FollowingDateField,
    PartialDateField,
    PortalResource,
    in_every_language,
    related,
    related_list,
    status_column,
)


class EventResource(PortalResource):
    """Participants (person, role, side) are added in the admin, not imported."""

    date = PartialDateField("date")
    end_date = FollowingDateField(
        "end_date", follows="date", precision="date_precision"
    )
    place = related("place", Place)
    organizations = related_list("organizations", Organization)
    status = status_column()

    export_select_related = ("place",)
    export_prefetch_related = ("organizations",)

    class Meta(PortalResource.Meta):
        model = Event
        fields = (
            "slug",
            *in_every_language("title", "summary", "body", "editor_note"),
            "kind",
            "date",
            "end_date",
            "place",
            "organizations",
            "status",
        )


class AgreementResource(PortalResource):
    signed_on = PartialDateField("signed_on")
    event = related("event", Event, name_field="title_en")
    parties = related_list("parties", Organization)
    status = status_column()

    export_select_related = ("event",)
    export_prefetch_related = ("parties",)

    class Meta(PortalResource.Meta):
        model = Agreement
        fields = (
            "slug",
            *in_every_language("title", "summary", "body", "editor_note"),
            "kind",
            "signed_on",
            "event",
            "parties",
            "agreement_status",
            "status",
        )
