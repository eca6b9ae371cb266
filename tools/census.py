"""Corpus census: what the extractor makes of a whole archive, counted.

    python -m tools.census [ARCHIVE] [--limit N]

Reads a JSON Lines archive (default ``../shared/corpora/news-dev.jsonl.gz``), extracts every
document and prints: figures per unit class; the share of unitless figures followed within two
words by a currency or unit word (a unit the extractor missed); the share of figures in sentences
with a trade verb that name both exporter and importer; and surfaces that run across a line break.

The currency and unit words it looks for are its own, not the extractor's: CLDR's English
currency names (through babel), the unit names of pint's default registry, and the abbreviations
of wire copy — so a word the extractor does not know still counts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from extract import Figure, extract_figures

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "news-dev.jsonl.gz"

# Abbreviations and spellings of wire copy that name a currency or unit after a number.
_WIRE_WORDS = [
    "dlrs",
    "dlr",
    "cts",
    "ct",
    "stg",
    "pct",
    "pc",
    "mln",
    "bln",
    "bil",
    "billion",
    "million",
    "trillion",
    "tonnes",
    "tons",
    "ton",
    "bpd",
    "barrels",
    "ounces",
    "ozs",
    "marks",
    "francs",
    "lire",
    "guilders",
    "yen",
    "yuan",
    "pesetas",
    "escudos",
    "crowns",
    "kronor",
    "kroner",
    "points",
    "pence",
]
# Verbs and nouns of trade that make a sentence about a flow.
_TRADE_VERB = regex.compile(
    r"\b(?:export|import|ship|shipped|shipment|sold|sell|sells|bought|buy|buys|purchase|supplie|supply|deliver)\w*\b",
    regex.IGNORECASE,
)
_NEXT_WORDS = regex.compile(r"\s*([A-Za-z][A-Za-z.'-]*)(?:\s+([A-Za-z][A-Za-z.'-]*))?")


@cache
def unit_words() -> frozenset[str]:
    """Lower-case words that name a currency or a unit: CLDR currency names (singular, plural),
    pint's unit names and their plurals, and wire abbreviations."""
    from babel import Locale

    from extract.figures import registry

    words: set[str] = set(_WIRE_WORDS)
    english = Locale("en")
    # the noun of each currency name ("yen", "pounds"), not its adjectives ("Japanese", "Egyptian")
    for code, name in english.currencies.items():
        words.add(name.split()[-1].lower())
        words.add(code.lower())
    for plural in english._data["currency_names_plural"].values():
        for form in plural.values():
            words.add(form.split()[-1].lower())
    for name in dir(registry()):
        if len(name) > 2 and name.isalpha():
            words.update((name.lower(), name.lower() + "s"))
    # English words that pint or CLDR use as names and news mostly does not ("they are", "the 100 mark")
    return frozenset(words - {"and", "the", "for", "per", "new", "old", "year", "years", "are", "unit", "units", "mark", "bank"})


@dataclass
class Census:
    documents: int = 0
    figures: int = 0
    by_class: Counter[str] = field(default_factory=Counter)
    unitless: int = 0
    unitless_before_unit_word: int = 0
    before_words: Counter[str] = field(default_factory=Counter)
    in_trade_sentences: int = 0
    with_flow: int = 0
    with_one_side: int = 0
    across_line_break: int = 0
    line_break_examples: list[str] = field(default_factory=list)

    def add(self, text: str, figures: list[Figure]) -> None:
        self.documents += 1
        words = unit_words()
        for f in figures:
            self.figures += 1
            self.by_class[_unit_class(f)] += 1
            if "\n" in f.surface:
                self.across_line_break += 1
                if len(self.line_break_examples) < 5:
                    self.line_break_examples.append(f.surface)
            if not f.unit:
                self.unitless += 1
                found = _NEXT_WORDS.match(text, f.end)
                following = [w.lower().strip(".") for w in found.groups() if w] if found else []
                hit = next((w for w in following if w in words), None)
                if hit is not None:
                    self.unitless_before_unit_word += 1
                    self.before_words[hit] += 1
            if _TRADE_VERB.search(f.sentence):
                self.in_trade_sentences += 1
                if f.exporter and f.importer:
                    self.with_flow += 1
                elif f.exporter or f.importer:
                    self.with_one_side += 1

    def report(self) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part:,} of {whole:,} ({100 * part / whole:.1f} %)" if whole else "0"

        lines = [f"documents                       {self.documents:,}", f"figures                         {self.figures:,}"]
        lines.append("figures per unit class          " + ", ".join(f"{k} {v:,}" for k, v in self.by_class.most_common()))
        lines.append(f"unitless figures                {share(self.unitless, self.figures)}")
        lines.append(f"  next to a currency/unit word  {share(self.unitless_before_unit_word, self.figures)} of all figures")
        lines.append("  the words most often next     " + ", ".join(f"{w} {n:,}" for w, n in self.before_words.most_common(12)))
        lines.append(f"figures in trade-verb sentences {self.in_trade_sentences:,}")
        lines.append(f"  with exporter and importer    {share(self.with_flow, self.in_trade_sentences)}")
        lines.append(f"  with one side only            {share(self.with_one_side, self.in_trade_sentences)}")
        examples = "; ".join(repr(e) for e in self.line_break_examples)
        lines.append(f"surfaces across a line break    {self.across_line_break:,}" + (f" (e.g. {examples})" if examples else ""))
        return "\n".join(lines)


def _unit_class(f: Figure) -> str:
    if f.kind == "money":
        return "money"
    if f.kind in ("percent", "percentage_point", "ratio"):
        return f.kind
    return "count" if not f.unit else "physical"


def records(path: Path, limit: int = 0) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit and number >= limit:
                return
            yield json.loads(line)


def run(path: Path, limit: int = 0) -> Census:
    census = Census()
    for record in records(path, limit):
        text = record["text"]
        census.add(text, extract_figures(text, doc_id=record["id"], date=record.get("date") or ""))
    return census


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.census", description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N records")
    args = parser.parse_args(argv)
    print(run(args.archive, args.limit).report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
