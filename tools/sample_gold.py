"""Draw the sentences of the real-news gold set from the news corpus, once, with a fixed seed.

    python -m tools.sample_gold [CORPUS] [-n 450] [--flows 150] [--seed 20261123] [-o FILE]
    python -m tools.sample_gold --extend tests/gold/real_news.jsonl [--flows 90] [--trade 20,10] [--seed 20261124]

Writes one JSON line per sentence: document id, the sentence's character span in the document's
text, the part it belongs to (``dev`` or ``check``, by document) and the stratum it was drawn
from. Only ids and offsets: the text stays in the corpus and is read from there at test time.

Self-contained on purpose: it splits sentences and spots figures with its own simple patterns,
not the extractor's, so the sample does not lean towards what the extractor already finds.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "news-dev.jsonl.gz"

# A sentence ends at . ! or ? before a space and a capital, digit or opening quote, unless the
# word before the stop is an abbreviation of wire copy ("Mr.", "U.S.", "Corp.", "Jan.").
_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"""(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Co|Corp|Inc|Ltd|Jr|Sr|Gen|Gov|Sen|Rep|Prof|vs|approx|est
             |Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Dlrs|dlrs)
        | \b(?:[A-Z]\.)+[A-Z]?                 # U.S., U.K., H.K.
        )\.?$""",
    re.VERBOSE,
)
# Something a figure can be made of: a digit, or an English number or fraction word.
_FIGURE_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|third|quarter|fifth"
    r"|doubled|tripled|trebled|fold)\b",
    re.IGNORECASE,
)
# Trade cues: the words of trade flows, their policy and their balance.
_TRADE_CUE = re.compile(
    r"\b(?:export|import|re-export|trade|tariff|duty|duties|quota|embargo|sanction|customs|shipment|shipped|ships"
    r"|shipping|cargo|surplus|deficit|supplie[sd]|supply|purchase[sd]?|bought|sold|sales? to|deliver|freight"
    r"|commodit|crude|wheat|grain|soybean|sugar|coffee|cocoa|copper|steel|oil)\w*",
    re.IGNORECASE,
)
# A stated flow: a word of trade in goods, then "to", "from" or "into" before a capitalised word
# ("exports to Japan", "bought from Brazil", "shipments into the EEC").
_FLOW_CUE = re.compile(
    r"\b(?:export|import|re-export|ship|shipment|shipped|sold|sale|bought|purchase|supplie|supply|deliver|sent|sells|buys)\w*"
    r"\b[^.;]{0,80}?\b(?:to|from|into)\s+(?:the\s+)?[A-Z]",
)
MIN_CHARS, MAX_CHARS = 15, 400
# Shares of the sample: at least half with trade cues, wire copy and BBC business both present.
STRATA = {("reuters", True): 0.42, ("reuters", False): 0.36, ("bbc", True): 0.14, ("bbc", False): 0.08}


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of ``text``: its lines, cut at sentence ends that follow no abbreviation.

    >>> t = "Exports rose 5 pct, the U.S. Commerce Dept. said. Imports fell.\\nShr 35 cts vs 13 cts"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Exports rose 5 pct, the U.S. Commerce Dept. said.', 'Imports fell.', 'Shr 35 cts vs 13 cts']
    """
    offset = 0
    for line in text.split("\n"):
        start = 0
        for brk in _BREAK.finditer(line):
            head = line[start : brk.start()]
            if _ABBREVIATION.search(head.rstrip("\"')]")) and not head.endswith(("..", "?", "!")):
                continue
            yield from _trimmed(line, start, brk.start(), offset)
            start = brk.end()
        yield from _trimmed(line, start, len(line), offset)
        offset += len(line) + 1


def _trimmed(line: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start < end:
        yield offset + start, offset + end


def part_of(doc_id: str) -> str:
    """The gold set's part for a document: a third of documents, by a hash of the id, are ``check``.

    >>> part_of("reuters-4911"), part_of("bbc-business-001")
    ('dev', 'check')
    """
    return "check" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def candidates(corpus: Path) -> tuple[dict[tuple[str, bool], list[dict[str, object]]], list[dict[str, object]]]:
    """Every usable sentence of the corpus, by stratum (source, has a trade cue), and those that
    state a flow (the flow stratum, drawn after the others)."""
    strata: dict[tuple[str, bool], list[dict[str, object]]] = {key: [] for key in STRATA}
    flows: list[dict[str, object]] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text, doc_id = record["text"], record["id"]
            source = "bbc" if doc_id.startswith("bbc") else "reuters"
            for start, end in sentence_spans(text):
                sentence = text[start:end]
                if MIN_CHARS <= len(sentence) <= MAX_CHARS and _FIGURE_HINT.search(sentence):
                    cue = _TRADE_CUE.search(sentence) is not None
                    item: dict[str, object] = {"doc_id": doc_id, "start": start, "end": end}
                    strata[(source, cue)].append(item)
                    if _FLOW_CUE.search(sentence):
                        flows.append({**item, "source": source})
    return strata, flows


def sample(corpus: Path, size: int, seed: int, flows: int = 0) -> list[dict[str, object]]:
    """``size`` sentences, at most one per document, drawn per stratum in the shares of STRATA;
    then ``flows`` more that state a flow, from documents not drawn yet (the base sample does not
    change with ``flows``)."""
    rng = random.Random(seed)
    strata, flow_pool = candidates(corpus)
    chosen: list[dict[str, object]] = []
    used_docs: set[str] = set()
    for (source, cue), share in STRATA.items():
        pool = strata[(source, cue)]
        rng.shuffle(pool)
        want = round(size * share)
        for item in pool:
            if want == 0:
                break
            if item["doc_id"] in used_docs:
                continue
            used_docs.add(str(item["doc_id"]))
            chosen.append({**item, "part": part_of(str(item["doc_id"])), "stratum": f"{source}{'-trade' if cue else ''}"})
            want -= 1
    rng.shuffle(flow_pool)
    for item in flow_pool:
        if flows == 0:
            break
        if item["doc_id"] in used_docs:
            continue
        used_docs.add(str(item["doc_id"]))
        row = {k: item[k] for k in ("doc_id", "start", "end")}
        chosen.append({**row, "part": part_of(str(item["doc_id"])), "stratum": f"{item['source']}-flow"})
        flows -= 1
    chosen.sort(key=lambda c: (str(c["doc_id"]), int(c["start"])))  # type: ignore[call-overload]
    return chosen


def extend(corpus: Path, existing: set[str], seed: int, flows: int, trade: tuple[int, int]) -> list[dict[str, object]]:
    """More development sentences, from documents the gold set does not hold and on the ``dev``
    side of the hash only (the check part stays as it was split): ``flows`` that state a flow,
    then ``trade`` = (Reuters, BBC) sentences with a trade cue; at most one per document."""
    rng = random.Random(seed)
    strata, flow_pool = candidates(corpus)
    chosen: list[dict[str, object]] = []
    used = set(existing)

    def take(pool: list[dict[str, object]], want: int, stratum: str) -> None:
        for item in pool:
            if want == 0:
                return
            doc_id = str(item["doc_id"])
            if doc_id in used or part_of(doc_id) != "dev":
                continue
            used.add(doc_id)
            source = stratum or str(item["source"]) + "-flow"
            chosen.append({**{k: item[k] for k in ("doc_id", "start", "end")}, "part": "dev", "stratum": f"round2-{source}"})
            want -= 1

    rng.shuffle(flow_pool)
    take(flow_pool, flows, "")
    for (source, cue), want in zip((("reuters", True), ("bbc", True)), trade, strict=True):
        pool = strata[(source, cue)]
        rng.shuffle(pool)
        take(pool, want, f"{source}-trade")
    chosen.sort(key=lambda c: (str(c["doc_id"]), int(c["start"])))  # type: ignore[call-overload]
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.sample_gold", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("-n", type=int, default=450, help="sentences to draw")
    parser.add_argument("--flows", type=int, default=150, help="sentences that state a flow, drawn after the others")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("-o", "--output", type=Path, default=None, help="JSON Lines file (default: stdout)")
    parser.add_argument("--extend", type=Path, default=None, help="gold set to extend: more dev sentences from other documents")
    parser.add_argument("--trade", default="20,10", help="with --extend: Reuters,BBC sentences with a trade cue")
    args = parser.parse_args(argv)
    if args.extend is not None:
        existing = {json.loads(line)["doc_id"] for line in args.extend.read_text(encoding="utf-8").splitlines() if line}
        reuters, bbc = (int(n) for n in args.trade.split(","))
        rows = extend(args.corpus, existing, args.seed, args.flows, (reuters, bbc))
    else:
        rows = sample(args.corpus, args.n, args.seed, args.flows)
    lines = "".join(json.dumps(row) + "\n" for row in rows)
    if args.output is None:
        sys.stdout.write(lines)
    else:
        args.output.write_text(lines, encoding="utf-8")
    parts = {p: sum(r["part"] == p for r in rows) for p in ("dev", "check")}
    print(f"{len(rows)} sentences: {parts['dev']} dev, {parts['check']} check", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
