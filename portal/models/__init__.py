from .base import PartialDatesMixin, Publishable, PublishableQuerySet, Status
from .cache import ContentToken
from .corrections import Correction, CorrectionStatus
from .indicators import Currency, Indicator, Observation, Qualifier
from .reference import (
    Citation,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Source,
    SourceKind,
)

__all__ = [
    "Citation",
    "ContentToken",
    "Correction",
    "CorrectionStatus",
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
    "Source",
    "SourceKind",
    "Status",
]
