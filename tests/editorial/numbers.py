"""The numbers a quote says, as values: "$2.15 billion" is 2150000000,
"13亿" 1300000000, "6억 4,139만" 641390000, "two flights" 2. Written by hand
for the research check (tests/editorial/test_research.py): number parsers
(babel's parse_decimal) read one number in one locale, not the mixed
languages, scale words and CJK myriads of news quotes."""

import re
from decimal import Decimal, InvalidOperation

SCALES = {
    "trillion": 10**12,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "milyard": 10**9,
    "mlrd": 10**9,
    "milliard": 10**9,
    "млрд": 10**9,
    "миллиард": 10**9,
    "million": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "milyon": 10**6,
    "млн": 10**6,
    "миллион": 10**6,
    "thousand": 10**3,
    "min": 10**3,  # Azerbaijani "min" is a thousand
    "тыс": 10**3,
    "тысяч": 10**3,
    "k": 10**3,
}
CJK = {
    "亿": 10**8,
    "億": 10**8,
    "억": 10**8,
    "万": 10**4,
    "萬": 10**4,
    "만": 10**4,
    "千": 10**3,
}
WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twice": 2,
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dörd": 4,
    "beş": 5,
    "altı": 6,
    "yeddi": 7,
    "один": 1,
    "одна": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
NUMBER = re.compile(r"\d[\d,.\u00a0\u202f ]*\d|\d")
SCALE_AFTER = re.compile(
    r"\s*("
    + "|".join(sorted(map(re.escape, [*SCALES, *CJK]), key=len, reverse=True))
    + r")",
    re.IGNORECASE,
)
WORD = re.compile(
    r"(?<![\w])("
    + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True))
    + r")(?![a-zа-яəğıöüçş])",
    re.IGNORECASE,
)


def readings(text):
    """The values a written number may stand for: "1,500" is 1500 (or 1.5
    where a comma is the decimal mark), "748,8" is 748.8, "2.440" 2440 or 2.44."""
    text = re.sub(r"[\u00a0\u202f ]", "", text)
    found = set()
    for thousands, decimal in ((",", "."), (".", ","), ("", ".")):
        candidate = text.replace(thousands, "") if thousands else text
        if thousands and decimal in candidate and candidate.count(decimal) > 1:
            continue
        candidate = candidate.replace(decimal, ".")
        try:
            found.add(Decimal(candidate))
        except InvalidOperation:
            continue
    return found


def numbers_in(quote):
    """Every value the quote states, scale words applied; consecutive CJK
    myriad groups add up ("6억 4,139만")."""
    values = set()
    matches = list(NUMBER.finditer(quote))
    compound = []
    for match in matches:
        plain = readings(match.group())
        scale = SCALE_AFTER.match(quote, match.end())
        factor = 1
        if scale:
            word = scale.group(1)
            factor = SCALES.get(word.lower()) or CJK.get(word, 1)
        scaled = {value * factor for value in plain}
        values |= plain | scaled
        if scale and scale.group(1) in CJK:
            if (
                compound
                and compound[-1][0] > factor
                and quote[compound[-1][1] : match.start()].strip() == ""
            ):
                values |= {prev + value for prev in compound[-1][2] for value in scaled}
            compound.append((factor, scale.end(), scaled))
    for word in WORD.finditer(quote):
        values.add(Decimal(WORDS[word.group(1).lower()]))
    return values


def says(quote, value):
    """Whether `quote` states `value` (a decimal string or Decimal)."""
    value = Decimal(str(value))
    return any(found == value for found in numbers_in(quote))
