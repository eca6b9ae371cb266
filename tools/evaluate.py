"""Score the extractor: the public test sets of other extractors, the real-news gold set, the
context gold sets.

    python -m tools.evaluate [EVAL_DIR] [--errors N]       # public sets and the real-news gold set
    python -m tools.evaluate --real [--part dev|check] [--errors N]
    python -m tools.evaluate --context

EVAL_DIR defaults to ``../shared/eval`` and is only read, never copied. The rule is the one in
that folder's README: per sentence, one-to-one greedy matching of predicted to gold quantities;
a value matches within a relative tolerance of 0.5 % (a range when both ends do, as an unordered
pair); value+unit also needs the same unit class — the same currency, percent, percentage point,
a count (no unit, or a noun; "point" of an index, "section", "league", "hand" and units holding a
count word are counts), or a physical unit of the same dimension with the magnitude compared after
conversion; money or percent per time or per item is of its currency or percent class; NewsQuant's
"% thing" notation for a fraction is a percent, its value times 100.

The real-news gold set (``tests/gold/real_news.jsonl``, annotated by hand in sentences of
``../shared/corpora/news-dev.jsonl.gz``, read from there) is scored the same way, each document
extracted whole, plus the exporter/importer pair and the period of every gold figure that states one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import regex

from extract import Figure, extract_figures
from extract.figures import registry
from extract.vocab import CURRENCY_SUFFIXES, CurrencyEntry

G = TypeVar("G")  # a gold record of any test set
ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
CORPUS = ROOT.parent / "shared" / "corpora" / "news-dev.jsonl.gz"

TOLERANCE = 0.005

# Annotators' currency names (NewsQuant, Recognizers-Text, quantulum3) -> ISO 4217, for those that
# the extractor's own currency table (which knows news spellings like "dollars") does not list.
_GOLD_CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD",
    "us$": "USD",
    "$": "USD",
    "united states dollar": "USD",
    "us dollar": "USD",
    "euro": "EUR",
    "€": "EUR",
    "pound sterling": "GBP",
    "british pound": "GBP",
    "ps": "GBP",
    "japanese yen": "JPY",
    "yen": "JPY",
    "y": "JPY",
    "chinese yuan": "CNY",
    "yuan": "CNY",
    "australian dollar": "AUD",
    "$a": "AUD",
    "canadian dollar": "CAD",
    "hong kong dollar": "HKD",
    "danish krone": "DKK",
    "shekel": "ILS",
    "israeli new shekel": "ILS",
    "indian rupee": "INR",
    "russian ruble": "RUB",
    "swiss franc": "CHF",
    "south korean won": "KRW",
    "finnish markka": "FIM",
    "new zealand dollar": "NZD",
    "singapore dollar": "SGD",
    "mexican peso": "MXN",
    "brazilian real": "BRL",
    "cent": "USD-cent",
    "penny": "GBX",
    "pence": "GBX",
}
# Subunits compared in their currency (a conversion like any other): 63 "cent" is 0.63 USD.
_SUBUNITS = {"USD-cent": ("USD", 0.01)}
# Annotators' nouns that pint would misread as units ("point" is a printer's point, "hand" a length).
_COUNT_WORDS = {
    "", "-", "count", "times", "dimensionless", "number", "point", "points", "unit", "units", "hand", "hands", "section",
    "sections", "league", "leagues",
}  # fmt: skip
_PERCENT_WORDS = {"percentage", "percent", "%", "per cent", "pc", "percentage-owned"}
# "money or percent per time or per item": the part before "/" or " per " names the class.
_PER = regex.compile(r"\s*/\s*|\s+per\s+")


@dataclass(frozen=True)
class Gold:
    low: float
    high: float
    unit_class: str
    unit: str  # pint expression when unit_class is a physical dimension


@dataclass
class Score:
    name: str
    sentences: int = 0
    predicted: int = 0
    gold: int = 0
    value_matches: int = 0
    unit_matches: int = 0
    misses: list[str] = field(default_factory=list)

    def prf(self, matches: int) -> tuple[float, float, float]:
        p = matches / self.predicted if self.predicted else 0.0
        r = matches / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self) -> str:
        vp, vr, vf = self.prf(self.value_matches)
        up, ur, uf = self.prf(self.unit_matches)
        return (
            f"{self.name:<34} {self.sentences:>5} {self.gold:>5} {self.predicted:>5}  "
            f"{vp:.3f} {vr:.3f} {vf:.3f}   {up:.3f} {ur:.3f} {uf:.3f}"
        )


_RANGE = regex.compile(r"^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$")


def parse_gold_value(text: str) -> tuple[float, float]:
    """NewsQuant's value field: a number or a range "lo-hi".

    >>> parse_gold_value("252.0-287.0"), parse_gold_value("-5.0"), parse_gold_value("1.99E-29")
    ((252.0, 287.0), (-5.0, -5.0), (1.99e-29, 1.99e-29))
    """
    found = _RANGE.match(text)
    if found:
        a, b = float(found.group(1)), float(found.group(2))
        return min(a, b), max(a, b)
    value = float(text)
    return value, value


def unit_class(unit: str) -> tuple[str, str]:
    """(class, pint unit) of a unit name, gold or predicted.

    >>> unit_class("USD/oil_barrel"), unit_class("percentage"), unit_class("workers")[0]
    (('USD', ''), ('percent', ''), 'count')
    >>> unit_class("kilometre per hour")
    ('[length] / [time]', 'kilometer / hour')
    """
    name = unit.strip()
    folded = name.lower()
    base = _PER.split(folded)[0].strip()
    code = _PER.split(name)[0].strip()
    if code.isupper() and len(code) == 3:
        return code, ""
    if base in _GOLD_CURRENCY_NAMES:
        return _GOLD_CURRENCY_NAMES[base], ""
    currency = CURRENCY_SUFFIXES.get(base)
    if isinstance(currency, CurrencyEntry):
        return currency.code, ""
    if base in _PERCENT_WORDS or base.startswith("% "):
        return "percent", ""
    if base in ("percentage point", "percentage_point", "basis point", "basis_point", "basis points"):
        return "percentage_point", ""
    if folded in _COUNT_WORDS or any(word in _COUNT_WORDS - {""} for word in regex.split(r"[\s_/-]+", folded)):
        return "count", ""
    pint_name = _pint_name(name) or _pint_name(folded)
    if pint_name:
        dims = registry().get_dimensionality(pint_name)
        return (str(dims) if dims else "count"), pint_name
    return "count", ""


def _pint_name(folded: str) -> str:
    """A pint expression for an annotator's unit name, or "" when pint knows none."""
    candidates = [folded]
    spelled = folded.replace("pound-force", "force_pound").replace("pound-foot", "foot * force_pound")
    spelled = spelled.replace("brake ", "").replace("foot force_pound", "foot * force_pound")
    spelled = spelled.replace(" per ", " / ").replace("metre", "meter").replace("litre", "liter")
    spelled = spelled.replace("-mass", "").replace("of age", "").replace("of oil", "").strip()
    spelled = spelled.replace("barrel", "oil_barrel")  # news barrels are oil barrels (42 US gallons)
    # The respelled forms first: pint knows "barrel" too, as the US liquid barrel of 31.5 gallons.
    candidates = [spelled, spelled.replace(" ", "_"), spelled.replace("-", "_").replace(" ", "_"), *candidates]
    for candidate in candidates:
        try:
            registry().parse_units(candidate)
        except Exception:  # pint raises several unrelated types for unknown names
            continue
        return candidate
    return ""


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or (a == 0 == b)


def _prediction_bounds(f: Figure) -> tuple[float, float]:
    if f.qualifier == "range" or (f.value_low is not None and f.value_high is not None and f.value_low != f.value_high):
        return f.value_low or 0.0, f.value_high or 0.0
    return f.value, f.value


def value_matches(f: Figure, g: Gold) -> bool:
    low, high = _prediction_bounds(f)
    return _close(low, g.low) and _close(high, g.high)


def unit_matches(f: Figure, g: Gold) -> bool:
    cls, pint_unit = unit_class(f.unit or "-")
    if cls != g.unit_class:
        return False
    if not pint_unit or not g.unit:
        return value_matches(f, g)
    try:
        low, high = (registry().Quantity(v, pint_unit).to(g.unit).magnitude for v in _prediction_bounds(f))
    except Exception:  # incompatible offsets or unknown names: fall back to the written value
        return value_matches(f, g)
    return _close(low, g.low) and _close(high, g.high)


def _greedy(predicted: Sequence[Figure], gold: Sequence[Gold], same: Callable[[Figure, Gold], bool]) -> int:
    return len(greedy_pairs(predicted, gold, same))


def score(name: str, cases: Iterable[tuple[str, list[Gold]]], keep_misses: int = 0) -> Score:
    result = Score(name)
    for text, gold in cases:
        predicted = extract_figures(text)
        result.sentences += 1
        result.predicted += len(predicted)
        result.gold += len(gold)
        vm = _greedy(predicted, gold, value_matches)
        um = _greedy(predicted, gold, unit_matches)
        result.value_matches += vm
        result.unit_matches += um
        if (vm < len(gold) or vm < len(predicted) or um < vm) and len(result.misses) < keep_misses:
            got = [(f.surface, f.value_low if f.qualifier == "range" else f.value, f.unit) for f in predicted]
            want = [(g.low, g.high, g.unit_class) for g in gold]
            result.misses.append(f"{text}\n    gold {want}\n    got  {got}")
    return result


def _gold(value: tuple[float, float], unit: str) -> Gold:
    cls, pint_unit = unit_class(unit)
    if cls in _SUBUNITS:
        cls, factor = _SUBUNITS[cls]
        value = (value[0] * factor, value[1] * factor)
    return Gold(value[0], value[1], cls, pint_unit)


def newsquant_cases(path: Path) -> list[tuple[str, list[Gold]]]:
    cases = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        gold = []
        for q in item["quantities"]:
            unit = q.get("normalized_unit") or q.get("unit") or "-"
            low, high = parse_gold_value(q["value"])
            if unit.startswith("%") and unit.strip() != "%":  # "% thing": a fraction of a whole, as a percent
                low, high, unit = low * 100, high * 100, "percent"
            gold.append(_gold((low, high), unit))
        cases.append((item["text"], gold))
    return cases


def quantulum_cases(path: Path) -> list[tuple[str, list[Gold]]]:
    cases = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        gold = [_gold((float(q["value"]), float(q["value"])), q.get("unit", "-")) for q in item["res"]]
        cases.append((item["req"], gold))
    return cases


_RT_UNITS = {"C": "degree_Celsius", "F": "degree_Fahrenheit", "Year": "year", "Month": "month", "Day": "day", "Week": "week"}


def recognizers_cases(path: Path) -> list[tuple[str, list[Gold]]]:
    cases = []
    for item in json.loads(path.read_text(encoding="utf-8-sig")):
        if item.get("NotSupported") or item.get("NotSupportedByDesign"):
            continue
        gold = []
        for r in item["Results"]:
            res = r.get("Resolution") or {}
            raw = str(res.get("value", "")).rstrip("%")
            unit = (
                "percent" if str(res.get("value", "")).endswith("%") else _RT_UNITS.get(res.get("unit", ""), res.get("unit", "-"))
            )
            if raw.startswith(("[", "(")):
                ends = [p.strip() for p in raw.strip("[]()").split(",")]
                if not all(ends):
                    continue
                gold.append(_gold((float(ends[0]), float(ends[1])), unit))
            else:
                try:
                    gold.append(_gold((float(raw), float(raw)), unit))
                except ValueError:
                    continue
        cases.append((item["Input"], gold))
    return cases


CONTEXT_COLUMNS = ("role", "direction", "measure", "exporter", "importer", "period_start", "period_end")
CONTEXT_GOLD = GOLD_DIR / "context.jsonl"


def context_accuracy(path: Path = CONTEXT_GOLD, show_errors: bool = False) -> dict[str, tuple[int, int]]:
    """Per column (and for the exporter/importer pair): (exact matches, gold figures) on the context gold set.

    A gold figure whose surface is not extracted counts as wrong in every column.
    """
    tally = {column: [0, 0] for column in (*CONTEXT_COLUMNS, "flow", "period")}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        figures = {f.surface: f for f in extract_figures(case["text"], date=case.get("date", ""))}
        for gold in case["figures"]:
            f = figures.get(gold["surface"])
            got = {c: (getattr(f, c) if f else None) for c in CONTEXT_COLUMNS}
            checks = {c: got[c] == gold[c] for c in CONTEXT_COLUMNS}
            checks["flow"] = checks["exporter"] and checks["importer"]
            checks["period"] = checks["period_start"] and checks["period_end"]
            for column, ok in checks.items():
                tally[column][0] += ok
                tally[column][1] += 1
                if show_errors and not ok and column in CONTEXT_COLUMNS:
                    print(f"{column:<12} want {gold[column]!r:<28} got {got[column]!r:<28} | {case['text'][:70]}")
    return {c: (v[0], v[1]) for c, v in tally.items()}


# --- the real-news gold set ------------------------------------------------------------------------

REAL_GOLD = GOLD_DIR / "real_news.jsonl"


@dataclass(frozen=True)
class RealGold:
    """A hand-annotated figure of the real-news gold set."""

    gold: Gold
    exporter: str
    importer: str
    period_start: str
    period_end: str

    @property
    def states_flow(self) -> bool:
        return bool(self.exporter or self.importer)

    @property
    def states_period(self) -> bool:
        return bool(self.period_start)


@dataclass(frozen=True)
class RealCase:
    doc_id: str
    start: int
    end: int
    part: str
    figures: tuple[RealGold, ...]


@dataclass
class RealScore(Score):
    """Score plus the context columns: right / gold figures that state one, and spurious ones
    (a flow or period given to a matched figure whose gold states none)."""

    flow_gold: int = 0
    flow_right: int = 0
    flow_spurious: int = 0
    period_gold: int = 0
    period_right: int = 0
    period_spurious: int = 0

    def context_line(self) -> str:
        flow = self.flow_right / self.flow_gold if self.flow_gold else 0.0
        period = self.period_right / self.period_gold if self.period_gold else 0.0
        return (
            f"{self.name:<34} flow {flow:.3f} ({self.flow_right}/{self.flow_gold}, {self.flow_spurious} spurious)   "
            f"period {period:.3f} ({self.period_right}/{self.period_gold}, {self.period_spurious} spurious)"
        )


def real_news_cases(path: Path = REAL_GOLD) -> list[RealCase]:
    """The gold sentences and their figures (ids and offsets only: the text is in the corpus)."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        figures = []
        for f in raw["figures"]:
            ranged = f["low"] is not None and f["high"] is not None and f["low"] != f["high"]
            bounds = (min(f["low"], f["high"]), max(f["low"], f["high"])) if ranged else (f["value"], f["value"])
            period = (f["period_start"], f["period_end"])
            figures.append(RealGold(_gold(bounds, f["unit"] or "-"), f["exporter"], f["importer"], *period))
        cases.append(RealCase(raw["doc_id"], raw["start"], raw["end"], raw["part"], tuple(figures)))
    return cases


def corpus_documents(ids: set[str], corpus: Path = CORPUS) -> dict[str, tuple[str, str]]:
    """doc_id -> (text, date) of the corpus records named in ``ids``, read in one pass."""
    found: dict[str, tuple[str, str]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = (record["text"], record.get("date") or "")
    return found


def score_real(name: str, cases: Iterable[RealCase], documents: dict[str, tuple[str, str]], keep_misses: int = 0) -> RealScore:
    """The real-news score of ``cases``: every document extracted whole (with its date), the
    figures that overlap each gold sentence matched to its gold figures."""
    result = RealScore(name)
    extracted: dict[str, list[Figure]] = {}
    for case in cases:
        text, date = documents[case.doc_id]
        if case.doc_id not in extracted:
            extracted[case.doc_id] = extract_figures(text, doc_id=case.doc_id, date=date)
        predicted = [f for f in extracted[case.doc_id] if f.start < case.end and f.end > case.start]
        gold = [g.gold for g in case.figures]
        result.sentences += 1
        result.predicted += len(predicted)
        result.gold += len(gold)
        pairs = greedy_pairs(predicted, gold, value_matches)
        result.value_matches += len(pairs)
        units_right = _greedy(predicted, gold, unit_matches)
        result.unit_matches += units_right
        by_gold = dict(pairs)
        for k, g in enumerate(case.figures):
            f = predicted[by_gold[k]] if k in by_gold else None
            if g.states_flow:
                result.flow_gold += 1
                result.flow_right += f is not None and (f.exporter, f.importer) == (g.exporter, g.importer)
            elif f is not None and (f.exporter or f.importer):
                result.flow_spurious += 1
            if g.states_period:
                result.period_gold += 1
                result.period_right += f is not None and (f.period_start, f.period_end) == (g.period_start, g.period_end)
            elif f is not None and f.period_start:
                result.period_spurious += 1
        wrong = len(pairs) < len(gold) or len(pairs) < len(predicted) or units_right < len(pairs)
        if wrong and len(result.misses) < keep_misses:
            got = [(f.surface, f.value_low if f.qualifier == "range" else f.value, f.unit) for f in predicted]
            want = [(g.low, g.high, g.unit_class) for g in gold]
            sentence = text[case.start : case.end]
            result.misses.append(f"{case.doc_id}: {sentence}\n    gold {want}\n    got  {got}")
    return result


def greedy_pairs(predicted: Sequence[Figure], gold: Sequence[G], same: Callable[[Figure, G], bool]) -> list[tuple[int, int]]:
    """(gold index, predicted index) of the one-to-one greedy matching, gold in order."""
    used: set[int] = set()
    pairs = []
    for k, g in enumerate(gold):
        for i, f in enumerate(predicted):
            if i not in used and same(f, g):
                used.add(i)
                pairs.append((k, i))
                break
    return pairs


def real_news_scores(parts: Sequence[str] = ("dev", "check"), keep_misses: int = 0) -> list[RealScore]:
    """The real-news score of each part (the corpus must be present)."""
    cases = real_news_cases()
    documents = corpus_documents({c.doc_id for c in cases})
    return [
        score_real(f"real news ({part} part)", [c for c in cases if c.part == part], documents, keep_misses) for part in parts
    ]


def run(eval_dir: Path, show_errors: int) -> list[Score]:
    scores = [score("NewsQuant (dev half)", newsquant_cases(eval_dir / "newsquant-dev.json"), show_errors)]
    scores.append(score("quantulum3 quantities", quantulum_cases(eval_dir / "quantulum3" / "quantities.json")))
    scores.append(score("quantulum3 ambiguity", quantulum_cases(eval_dir / "quantulum3" / "quantities.ambiguity.json")))
    for spec in sorted((eval_dir / "recognizers-text").glob("*.json")):
        cases = recognizers_cases(spec)
        if cases:  # the range spec marks every case NotSupported
            scores.append(score(f"RT {spec.stem.replace('_English_', ' ')}", cases))
    errors = json.loads((eval_dir / "quantulum3" / "errors.json").read_text(encoding="utf-8"))
    for text in errors:
        extract_figures(text)  # must not raise
    return scores


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "eval_dir", nargs="?", type=Path, default=Path("../shared/eval"), help="folder of the test sets (read only)"
    )
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N sentences that differ")
    parser.add_argument("--context", action="store_true", help="score the trade context on tests/gold/context*.jsonl instead")
    parser.add_argument("--real", action="store_true", help="score only the real-news gold set")
    parser.add_argument("--part", choices=("dev", "check"), action="append", help="with --real: the part(s) to score")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.context:
        holdout = CONTEXT_GOLD.with_name("context-holdout.jsonl")
        development = context_accuracy(show_errors=args.errors > 0)
        held = context_accuracy(holdout, show_errors=args.errors > 0)
        print(f"{'column':<14} {'development set':>18} {'hold-out set':>16}")
        for column, (ok, total) in development.items():
            h_ok, h_total = held[column]
            print(f"{column:<14} {ok / total:>8.3f} {ok:>4}/{total:<4} {h_ok / h_total:>7.3f} {h_ok:>3}/{h_total}")
        return 0
    header = f"{'test set':<34} {'sent':>5} {'gold':>5} {'pred':>5}  value P/R/F1          value+unit P/R/F1"
    real: list[RealScore] = []
    if CORPUS.is_file():
        real = real_news_scores(args.part or ("dev", "check"), args.errors if args.real else 0)
    elif args.real:
        print(f"error: no corpus at {CORPUS}", file=sys.stderr)
        return 2
    if args.real:
        for r in real:
            for miss in r.misses:
                print(miss)
        print(header)
        for r in real:
            print(r.line())
        for r in real:
            print(r.context_line())
        return 0
    if not (args.eval_dir / "newsquant-dev.json").is_file():
        print(f"error: no newsquant-dev.json in {args.eval_dir}", file=sys.stderr)
        return 2
    scores = run(args.eval_dir, args.errors)
    for miss in scores[0].misses:
        print(miss)
    print(header)
    for r in real:
        print(r.line())
    for sc in scores:
        print(sc.line())
    for r in real:
        print(r.context_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
