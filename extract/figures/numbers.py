"""Turning the text of a number into a float."""

from __future__ import annotations

from extract.vocab import NUMBER_WORDS, SCALES

_GROUP_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")
# Superscript digits and minus, as a power of ten is written ("10\u00b3\u2070"), to plain ones.
_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b\u2212", "0123456789--")


def parse_scientific(text: str) -> float | None:
    """The value of a number in scientific notation, or None when ``text`` is none.

    >>> parse_scientific("1.5e6"), parse_scientific("1.99\u00d710^30"), parse_scientific("2 x 10\u2212\u00b3")
    (1500000.0, 1.99e+30, 0.002)
    >>> parse_scientific("4 x 10\u207b\u2076"), parse_scientific("120")
    (4e-06, None)
    """
    plain = text.translate(_SUPERSCRIPTS).replace(" ", "")
    mantissa, times, power = plain.replace("\u00d7", "x").partition("x10")
    if times:
        return tidy_float(float(mantissa) * 10.0 ** int(power.lstrip("^*")))
    if "e" in plain:
        return tidy_float(float(plain))
    return None


def parse_digits(text: str) -> float:
    """The value of a written numeral, group separators removed.

    >>> parse_digits("1,200,000.5")
    1200000.5
    >>> parse_digits("1\\u202f200")
    1200.0
    >>> parse_digits(".001"), parse_digits("37-1/4"), parse_digits("5/8")
    (0.001, 37.25, 0.625)
    """
    if "e" in text or ("10" in text and ("x" in text or "\u00d7" in text)):  # "1.5e6", "1.99x10^30"
        scientific = parse_scientific(text)
        if scientific is not None:
            return scientific
    if "/" in text:  # a fraction, mixed ("1-3/4") or not ("5/8")
        whole, _, fraction = text.rpartition("-")
        numerator, _, denominator = fraction.partition("/")
        return tidy_float((float(whole) if whole else 0.0) + float(numerator) / float(denominator))
    return float(text.translate(_GROUP_SEPARATORS))


def parse_word_number(text: str) -> float:
    """The value of a number written in words.

    >>> parse_word_number("seventy-five")
    75.0
    >>> parse_word_number("a dozen")
    12.0
    >>> parse_word_number("Two")
    2.0
    """
    total = 0.0
    for word in text.lower().replace("-", " ").split():
        if word in ("a", "an"):
            total = total or 1.0
            continue
        value, cls = NUMBER_WORDS[word]
        total = total * value if cls == "dozen" and total else total + value
    return total


def parse_number(text: str) -> float:
    """Digits or words, whichever ``text`` is.

    >>> parse_number("64.2"), parse_number("fifteen")
    (64.2, 15.0)
    """
    first = text[0]
    if first.isdigit() or first == ".":
        return parse_digits(text)
    return parse_word_number(text)


def scale_value(text: str | None) -> float:
    """The multiplier of one or more scale words ("hundred million" = 1e8); 1 when none.

    >>> scale_value("bn"), scale_value("hundred million"), scale_value(None)
    (1000000000.0, 100000000.0, 1.0)
    """
    if not text:
        return 1.0
    factor = 1.0
    for word in text.replace("-", " ").split():
        found = SCALES.get(word)
        if found is None:
            raise ValueError(f"not a scale word: {word!r}")
        factor *= float(found)  # type: ignore[arg-type]
    return factor


def tidy_float(value: float) -> float:
    """Round away binary noise from scaling ("1.2" x 1e9 = 1199999999.9999998).

    >>> tidy_float(1.2 * 1e9)
    1200000000.0
    >>> tidy_float(0.1 + 0.2)
    0.3
    """
    return float(f"{value:.12g}")
