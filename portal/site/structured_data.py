"""schema.org descriptions (JSON-LD) of events, projects, organisations and people, for
search engines and other machines that read a page.

Built from what the detail views already fetched (no query of their own, and
only the related records readers may see: the models' `for_detail()` and
`public_*` verbs) and in the page's language. Dates say only what is known: an
event known to the month has "startDate": "2025-09", which ISO 8601 and
schema.org accept.
"""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.core.dates import PartialDate
from portal.core.models import OrganizationKind
from portal.core.siteurl import absolute_url
from projects.formatting import facts, measure_text
from projects.models import PartnerRole

SCHEMA_ORG = "https://schema.org"

ORGANIZATION_TYPES = {
    OrganizationKind.GOVERNMENT: "GovernmentOrganization",
    OrganizationKind.MINISTRY: "GovernmentOrganization",
    OrganizationKind.EMBASSY: "GovernmentOrganization",
    OrganizationKind.LEGISLATURE: "GovernmentOrganization",
    OrganizationKind.COMPANY: "Corporation",
    OrganizationKind.UNIVERSITY: "EducationalOrganization",
    OrganizationKind.MEDIA: "NewsMediaOrganization",
}

# What may not appear raw inside <script>: "<" and ">" could close the element
# ("</script>") or open a comment, "&" could start a character reference. As
# JSON escapes they read the same to a JSON parser. (django.utils.html's
# json_script does the same but only makes type="application/json".)
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_json_ld(data):
    """The data as JSON safe to place inside a <script> data block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


def _absolute(request, record):
    return absolute_url(record.get_absolute_url(), request)


def _compact(data):
    """Leave out empty values: schema.org has no use for "" or []."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _country(place):
    if place is None:
        return None
    return _compact({"@type": "Country", "name": place.name})


def event_data(request, event):
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
        "location": _place(event.place),
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


def _place(place):
    if place is None:
        return None
    data = {"@type": "Place", "name": place.name}
    address = _compact(
        {
            "@type": "PostalAddress",
            "addressLocality": place.name,
            "addressRegion": place.parent.name if place.parent_id else None,
            "addressCountry": place.country_code,
        }
    )
    data["address"] = address
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data


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
        "location": [_place(place) for place in project.places.all()],
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
