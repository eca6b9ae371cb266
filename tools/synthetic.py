"""Generated news archives for tests and benchmarks: varied trade sentences, never one paragraph
repeated, reproducible from a seed.

Each article mixes sentence patterns (flows, shares, changes, prices, tonnages, restatements,
plain narrative without figures) filled from small word lists with random numbers, countries,
goods and periods, so the extractor meets a realistic spread of its grammar.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

# Filling words; any real-world names will do, the extractor's own vocabulary is not reused.
_COUNTRIES = (
    "China", "Russia", "India", "Brazil", "Germany", "France", "Japan", "Turkey", "Vietnam", "Mexico",
    "Canada", "the United States", "South Korea", "Indonesia", "Kazakhstan", "Egypt", "Nigeria", "Chile",
)  # fmt: skip
_GOODS = (
    "machine tools", "soybeans", "crude oil", "liquefied natural gas", "semiconductors", "steel", "wheat",
    "copper ore", "cars", "fertiliser", "coal", "aluminium", "coffee", "textiles", "pharmaceuticals",
)  # fmt: skip
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_VERBS_UP = ("rose", "jumped", "climbed", "increased", "surged")
_VERBS_DOWN = ("fell", "dropped", "declined", "slumped", "slipped")
_SOURCES = ("customs data showed", "the ministry said", "according to official figures", "analysts estimated")
_NARRATIVE = (
    "Officials in {a} declined to comment on the talks with {b}.",
    "The agreement between {a} and {b} still needs approval from parliament.",
    "Traders in {a} said demand from {b} remained uncertain ahead of the holidays.",
    "The sanctions on {a} have reshaped shipping routes to {b}.",
    "Ports in {a} reported congestion after a week of storms, delaying cargo for {b}.",
    "Economists in {a} warned that the recovery in {b} could stall.",
)


def _sentence(rng: random.Random) -> str:
    a, b = rng.sample(_COUNTRIES, 2)
    good = rng.choice(_GOODS)
    year = rng.randint(2015, 2024)
    pick = rng.randrange(9)
    if pick == 0:
        up, share, source = rng.choice(_VERBS_UP), rng.uniform(1, 90), rng.choice(_SOURCES)
        return f"{a}'s exports of {good} to {b} {up} {share:.1f}% in {year}, {source}."
    if pick == 1:
        down, amount, month = rng.choice(_VERBS_DOWN), rng.uniform(1, 900), rng.choice(_MONTHS)
        return f"Imports of {good} from {a} {down} to ${amount:.1f} billion in {month} {year}."
    if pick == 2:
        return f"{a} accounted for {rng.randint(5, 80)}% of {b}'s {good} purchases between {year - 2} and {year}."
    if pick == 3:
        usd = rng.randint(100, 990)
        return f"The deal is worth around {usd} million dollars ({int(usd * 0.92)} million euros), {rng.choice(_SOURCES)}."
    if pick == 4:
        return f"Shipments reached {rng.randint(2, 40)} million tonnes of {good} in the first half of {year}."
    if pick == 5:
        return f"Prices of {good} {rng.choice(_VERBS_UP)} to {rng.uniform(50, 900):.2f} dollars a tonne last year."
    if pick == 6:
        return f"Trade between {a} and {b} totalled {rng.uniform(1, 300):.1f} billion euros in Q{rng.randint(1, 4)} {year}."
    return rng.choice(_NARRATIVE).format(a=a, b=b)


def article(rng: random.Random, sentences: int) -> str:
    """One article of ``sentences`` sentences in paragraphs of two to four."""
    paragraphs: list[str] = []
    left = sentences
    while left > 0:
        size = min(left, rng.randint(2, 4))
        paragraphs.append(" ".join(_sentence(rng) for _ in range(size)))
        left -= size
    return "\n\n".join(paragraphs)


def records(count: int, *, seed: int = 0, sentences: tuple[int, int] = (6, 30)) -> Iterator[dict[str, str]]:
    """``count`` archive records (id, date, url, title, text), the same for the same seed.

    >>> [r["id"] for r in records(2)], next(records(1))["date"]
    (['a000000000', 'a000000001'], '2022-07-02')
    """
    rng = random.Random(seed)
    for number in range(count):
        year = rng.randint(2016, 2025)
        yield {
            "id": f"a{number:09d}",
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "url": f"https://news.example/{year}/{number}",
            "title": f"{rng.choice(_COUNTRIES)} and {rng.choice(_GOODS)}",
            "text": article(rng, rng.randint(*sentences)),
        }


def write_jsonl(path: Path, *, size_bytes: int = 0, count: int = 0, seed: int = 0) -> int:
    """Write records to ``path`` (gzip when it ends in .gz) until ``count`` records or ``size_bytes``
    of text are written; returns the number of records."""
    opener = gzip.open if path.suffix == ".gz" else open
    written = size = 0
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records(count or 10**12, seed=seed):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            written += 1
            size += len(line)
            if size_bytes and size >= size_bytes:
                break
    return written
