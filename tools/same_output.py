"""Every record the extractor makes on a fixed set of texts, one line each: ``python -m tools.same_output [--news N]``.

Two builds of the extractor (compiled and pure Python, or two commits) give the same output when
these lines are equal. The texts: the seeds, the sentences of the gold sets (tests/gold/*.jsonl;
the real-news set's sentences are cut from ``../shared/corpora/news-dev.jsonl.gz`` when it is
there), the dense benchmark corpus ``../shared/bench/trade-dense-1MB.txt`` (``--shared`` names
another folder than ``../shared``), and with ``--news N``
the first N articles of the news corpus. Each text is run figures-only and with context; every
field of every record is printed with ``repr`` (floats exactly). The last line is the SHA-256 of
all the lines before it, and ``--digest`` prints only that line.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tools import is_compiled

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _news(path: Path, limit: int | None) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for k, line in enumerate(lines):
            if limit is not None and k >= limit:
                return
            yield json.loads(line)


def texts(news: int, shared: Path = SHARED) -> Iterator[tuple[str, str, str]]:
    """(label, text, date) of every text the comparison runs on."""
    corpus = shared / "corpora" / "news-dev.jsonl.gz"
    dense = shared / "bench" / "trade-dense-1MB.txt"
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seed {path.name}", path.read_text(encoding="utf-8"), ""
    for path in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        cut = [row for row in rows if "text" not in row]
        for k, row in enumerate(rows):
            if "text" in row:
                yield f"{path.name} {k}", row["text"], row.get("date", "")
        if cut and corpus.exists():
            wanted = {row["doc_id"] for row in cut}
            articles = {a["id"]: a["text"] for a in _news(corpus, None) if a["id"] in wanted}
            for k, row in enumerate(cut):
                if row["doc_id"] in articles:
                    yield f"{path.name} {k}", articles[row["doc_id"]][row["start"] : row["end"]], ""
    if dense.exists():
        yield "dense corpus", dense.read_text(encoding="utf-8"), ""
    if news and corpus.exists():
        for article in _news(corpus, news):
            yield f"news {article['id']}", article["text"], article.get("date", "") or ""


def lines(news: int, shared: Path = SHARED) -> Iterator[str]:
    from extract import extract_figures

    for label, text, date in texts(news, shared):
        for context in (False, True):
            figures = extract_figures(text, label, date=date, context=context)
            yield f"# {label} context={context} figures={len(figures)}"
            for figure in figures:
                yield repr(tuple(figure))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.same_output", description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=0, metavar="N", help="also the first N articles of the news corpus")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder of the dense and news corpora (default ../shared)")
    parser.add_argument("--digest", action="store_true", help="print only the SHA-256 of the lines")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    digest = hashlib.sha256()
    for line in lines(args.news, args.shared):
        digest.update(line.encode("utf-8") + b"\n")
        if not args.digest:
            print(line)
    compiled = is_compiled()
    print(f"sha256 {digest.hexdigest()} compiled={compiled}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
