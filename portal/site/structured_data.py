"""schema.org descriptions (JSON-LD) of events, agreements, projects, places,
sources, organisations and people, for search engines and other machines that
read a page.

Built from what the detail views already fetched (no query of their own, and
only the related records readers may see: the models' `for_detail()` and
`public_*` verbs) and in the page's language. Dates say only what is known: an
event known to the month has "startDate": "2025-09", which ISO 8601 and
schema.org accept.

Events follow Google's Event guidelines
(https://developers.google.com/search/docs/appearance/structured-data/event):
its required properties are `name`, `startDate` and `location`, the location
"A nested Place" (as https://techfry.com/structured-data/event-structured-data
sums the page up: "Each event must accurately describe the event name, start
date, and location"); `eventStatus` says whether the event is "canceled,
postponed, rescheduled, or happening as planned" (Google's announcement of the
property, quoted in https://www.github.com/devopsdays/devopsdays-web/issues/9721),
its example a scheduled event: "eventStatus": "https://schema.org/EventScheduled"
(https://developers.google.cn/search/docs/appearance/structured-data/event).
schema.org lets `location` be "Place, PostalAddress, Text, VirtualLocation"
(https://www.karpi.studio/schema-glossary-terms/location, quoting
https://schema.org/location), and a VirtualLocation "should not be confused with
physical locations in the real world" (https://schema.org/VirtualLocation, as
https://metacpan.org/pod/SemanticWeb::Schema::VirtualLocation quotes it).

So an event whose sources name a place has that Place (its name, its postal
address down to the country, its coordinates) and is attended in person
(OfflineEventAttendanceMode). An event whose sources do not say where it
happened still has a `location`, since Google requires one, but never an
invented one: a Place that says, in the page's language, that the sources do
not state it, and no attendance mode (a statement whose place is unknown did
not happen online either). Such an event stays valid schema.org, and Google
leaves it out of its event results rather than showing a wrong place, which is
what the portal wants: it records what happened, it sells no tickets. Every
event is `EventScheduled`: the portal records events that took place (or are
announced), and keeps no cancelled ones. No `organizer` is given: the records
say who took part (`attendee`), not who organised, and the sources rarely say
it; guessing the host from the place or the participants would be inventing.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.models import AgreementStatus
from portal.core.dates import PartialDate
from portal.core.jsonld import SCHEMA_ORG, compact, to_json_ld
from portal.core.models import OrganizationKind, PlaceKind
from portal.core.siteurl import absolute_url
from projects.formatting import facts, measure_text
from projects.models import PartnerRole

__all__ = ["SCHEMA_ORG", "to_json_ld"]

ORGANIZATION_TYPES = {
    OrganizationKind.GOVERNMENT: "GovernmentOrganization",
    OrganizationKind.MINISTRY: "GovernmentOrganization",
    OrganizationKind.EMBASSY: "GovernmentOrganization",
    OrganizationKind.LEGISLATURE: "GovernmentOrganization",
    OrganizationKind.COMPANY: "Corporation",
    OrganizationKind.UNIVERSITY: "EducationalOrganization",
    OrganizationKind.MEDIA: "NewsMediaOrganization",
}

EVENT_SCHEDULED = f"{SCHEMA_ORG}/EventScheduled"
OFFLINE_ATTENDANCE = f"{SCHEMA_ORG}/OfflineEventAttendanceMode"

_compact = compact


def _absolute(request, record):
    return absolute_url(record.get_absolute_url(), request)


def _country(place):
    if place is None:
        return None
    return _compact({"@type": "Country", "name": place.name})


def event_data(request, event):
    place = _place(request, event.place)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": _absolute(request, event),
        "inLanguage": get_language() or "en",
        "startDate": event.partial_date("date").iso,
        # An event's end date has no precision of its own: it shares the date's.
        "endDate": PartialDate(event.end_date, event.date_precision).iso
        if event.end_date
        else None,
        "eventStatus": EVENT_SCHEDULED,
        "eventAttendanceMode": OFFLINE_ATTENDANCE if place is not None else None,
        # Always a location (Google requires one); never an invented one.
        "location": place
        if place is not None
        else {"@type": "Place", "name": _("Place not stated in the sources")},
        # Who took part: the published people and organisations it names.
        "attendee": [
            _person_ref(request, participation.person)
            for participation in event.public_participations
        ]
        + [
            _organization_ref(request, organization)
            for organization in event.public_organizations
        ],
    }
    return _compact(data)


def _place(request, place):
    """A place as an event's or a project's location: a Place with its postal
    address (as far as the place's kind and parents say it) and its point."""
    if place is None:
        return None
    data = {
        "@type": "Place",
        "name": place.name,
        "url": _absolute(request, place),
        "address": _address(place),
        "geo": _geo(place),
    }
    return _compact(data)


def _address(place):
    """The postal address a place is: a country only its country, a region
    its region, a city (or a district, a site) its locality and the region it
    lies in, when the places above it say so."""
    parent = place.parent if place.parent_id else None
    region = None
    if place.kind == PlaceKind.REGION:
        region = place.name
    elif parent is not None and parent.kind == PlaceKind.REGION:
        region = parent.name
    locality = (
        place.name if place.kind not in (PlaceKind.COUNTRY, PlaceKind.REGION) else None
    )
    address = _compact(
        {
            "@type": "PostalAddress",
            "addressLocality": locality,
            "addressRegion": region,
            "addressCountry": place.country_code,
        }
    )
    return address if len(address) > 1 else None


def _geo(place):
    if place.latitude is None or place.longitude is None:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
    }


def _person_ref(request, person):
    return {"@type": "Person", "name": person.name, "url": _absolute(request, person)}


def _organization_ref(request, organization):
    return {
        "@type": ORGANIZATION_TYPES.get(organization.kind, "Organization"),
        "name": organization.name,
        "url": _absolute(request, organization),
    }


def organization_data(request, organization):
    parent = organization.public_parent
    data = {
        "@context": SCHEMA_ORG,
        "@type": ORGANIZATION_TYPES.get(organization.kind, "Organization"),
        "name": organization.name,
        "alternateName": organization.acronym,
        "description": organization.description,
        "url": _absolute(request, organization),
        "sameAs": organization.website,
        "parentOrganization": _organization_ref(request, parent)
        if parent is not None
        else None,
        "address": _compact(
            {
                "@type": "PostalAddress",
                "addressCountry": organization.country.country_code,
            }
        )
        if organization.country is not None and organization.country.country_code
        else None,
    }
    return _compact(data)


def person_data(request, person):
    # Only an office held now is a job title: a past one ("then Chairman")
    # would tell machines the person holds it today.
    current = person.current_offices
    titles = [office.title for office in current]
    employers = []
    for office in current:
        organization = office.public_organization
        if organization is not None and organization not in employers:
            employers.append(organization)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Person",
        "name": person.name,
        "jobTitle": titles[0] if len(titles) == 1 else titles,
        "worksFor": [_organization_ref(request, org) for org in employers],
        "description": person.bio,
        "url": _absolute(request, person),
        "nationality": _country(person.country),
    }
    return _compact(data)


# Who pays for a project, in schema.org's words; every other partner is a member.
FUNDING_ROLES = {PartnerRole.INVESTOR, PartnerRole.LENDER, PartnerRole.DONOR}


def project_data(request, project):
    """A project as a schema.org Project: its places, its published partners
    (those who fund it as funders) and each fact it has a value for, the
    value the page shows first, as a PropertyValue."""
    partners = project.public_partners
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Project",
        "name": project.title,
        "description": project.summary,
        "url": _absolute(request, project),
        "inLanguage": get_language() or "en",
        "foundingDate": project.partial_date("start_date").iso
        if project.start_date
        else None,
        "location": [_place(request, place) for place in project.places.all()],
        "funder": [
            _organization_ref(request, partner.organization)
            for partner in partners
            if partner.role in FUNDING_ROLES
        ],
        "member": [
            _organization_ref(request, partner.organization)
            for partner in partners
            if partner.role not in FUNDING_ROLES
        ],
        "additionalProperty": [
            _measure(fact.kind, fact.shown[0]) for fact in facts(project.measures.all())
        ],
    }
    return _compact(data)


def _measure(kind, measure):
    value = {
        "@type": "PropertyValue",
        "propertyID": kind.slug,
        "name": kind.name,
        "description": measure_text(measure),
        "unitText": measure.currency if measure.unit.is_money else measure.unit.label,
    }
    if measure.value_high is None:
        value["value"] = float(measure.value)
    else:
        value["minValue"] = float(measure.value)
        value["maxValue"] = float(measure.value_high)
    return _compact(value)


def place_data(request, place):
    """A place's page: the Place with its coordinates (`geo`), its address and
    the place it lies in (`containedInPlace`, the place above it)."""
    parent = place.parent if place.parent_id else None
    data = _place(request, place)
    data = {
        "@context": SCHEMA_ORG,
        **data,
        "containedInPlace": _compact(
            {
                "@type": "Place",
                "name": parent.name,
                "url": _absolute(request, parent),
            }
        )
        if parent is not None
        else None,
    }
    return _compact(data)


# An agreement is a CreativeWork, not a Legislation. schema.org's Legislation
# is "A legal document such as an act, decree, bill, etc. (enforceable or
# not) or a component of a legal act (like an article)"
# (https://schema.org/Legislation), its properties those of a state's law
# (legislationPassedBy, jurisdiction, legislationLegalForce). The portal's
# agreements are joint declarations, memoranda, contracts and protocols
# between governments, ministries and companies: a company's contract or a
# memorandum of understanding is no act of any legislature, and calling it
# one would tell machines it is law somewhere. CreativeWork (a written work,
# of which Legislation is itself a kind) is true of every one of them; its
# kind goes in `genre`, its legal status in `creativeWorkStatus`, the parties
# that concluded it are its `creator`s, and where it was signed (the event's
# place) its `locationCreated`.
def agreement_data(request, agreement):
    event = agreement.public_event
    status = (
        agreement.get_agreement_status_display()
        if agreement.agreement_status != AgreementStatus.NOT_STATED
        else None
    )
    data = {
        "@context": SCHEMA_ORG,
        "@type": "CreativeWork",
        "name": agreement.title,
        "description": agreement.summary,
        "url": _absolute(request, agreement),
        "inLanguage": get_language() or "en",
        "genre": agreement.get_kind_display(),
        "dateCreated": agreement.partial_date("signed_on").iso
        if agreement.signed_on
        else None,
        "creativeWorkStatus": status,
        "creator": [
            _organization_ref(request, party) for party in agreement.public_parties
        ],
        "locationCreated": _place(request, event.place) if event is not None else None,
    }
    return _compact(data)


def source_data(request, source):
    """A source's page: the work (an interview, a report, a statement…) as a
    CreativeWork, its original address as `sameAs`, its publisher if readers
    may see it (or the name the editors gave) and the language of its text."""
    publisher = source.public_publisher
    if publisher is not None:
        publisher_ref = _organization_ref(request, publisher)
    elif source.publisher_name:
        publisher_ref = {"@type": "Organization", "name": source.publisher_name}
    else:
        publisher_ref = None
    data = {
        "@context": SCHEMA_ORG,
        "@type": "CreativeWork",
        "name": source.title,
        "url": _absolute(request, source),
        "sameAs": source.url
        if source.url.startswith(("https://", "http://"))
        else None,
        "genre": source.get_kind_display(),
        "datePublished": source.partial_date("published_on").iso
        if source.published_on
        else None,
        "publisher": publisher_ref,
        "inLanguage": source.language,
    }
    return _compact(data)
