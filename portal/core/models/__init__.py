from portal.core.models.base import (
    PartialDatesMixin,
    Publishable,
    PublishableQuerySet,
    Status,
    WorkflowModel,
    public_or_none,
    published_q,
)
from portal.core.models.cache import ContentToken
from portal.core.models.indicators import Currency, Indicator, Observation, Qualifier
from portal.core.models.reference import (
    Citation,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Side,
    Source,
    SourceKind,
    public_citations,
)

__all__ = [
    "Citation",
    "ContentToken",
    "Currency",
    "Indicator",
    "Observation",
    "Organization",
    "OrganizationKind",
    "PartialDatesMixin",
    "Person",
    "Place",
    "PlaceKind",
    "Publishable",
    "PublishableQuerySet",
    "Qualifier",
    "Side",
    "Source",
    "SourceKind",
    "Status",
    "WorkflowModel",
    "public_citations",
    "public_or_none",
    "published_q",
]
