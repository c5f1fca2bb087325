"""ISO 4217 currencies and their minor units, read from a data file.

The list lives in portal/core/data/iso4217.csv (code, numeric code, minor
units, English name; the codes and names of Debian's iso-codes, the minor units
of ISO 4217's own list, empty where ISO says "N.A.", as for gold). Babel knows
currencies too, but as CLDR has them: historical codes mixed in, and the digits
a currency is usually shown with rather than ISO's minor units (CLDR gives the
Colombian peso 0, ISO 2). Editing the file is how a new code arrives.
"""

import csv
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ISO_4217 = Path(__file__).resolve().parent / "data" / "iso4217.csv"


@cache
def currencies():
    """{code: minor units (None where ISO gives none)}, in the file's order."""
    with ISO_4217.open(encoding="utf-8", newline="") as file:
        return {
            row["code"]: int(row["minor_units"]) if row["minor_units"] else None
            for row in csv.DictReader(file)
        }


def is_currency(code):
    return code in currencies()


def minor_units(code):
    """How many decimals the currency's smallest unit has (USD 2, JPY 0, KWD
    3); 0 for a code without minor units or unknown."""
    return currencies().get(code) or 0


def validate_currency(code):
    """A model field's validator: an ISO 4217 code, in capitals."""
    if code and not is_currency(code):
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code (USD, AZN, CNY…)."),
            code="invalid_currency",
            params={"value": code},
        )
