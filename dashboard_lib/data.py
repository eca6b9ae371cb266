"""Data for the dashboard: the default table, uploads, filters and their URL form.

Plain functions of DataFrames, tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from extract import Document, DocumentError, figures_frame, read_documents, read_table
from extract.table import frames_bytes
from extract.text import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TABLE = ROOT / "data" / "figures.csv"
SEEDS = ROOT / "seeds"

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 5_000_000  # per file
MAX_PASTE_CHARS = 200_000


def default_table(table: Path = DEFAULT_TABLE, seeds: Path = SEEDS) -> pd.DataFrame:
    """The figures of the seed articles: the committed table, or extracted now when it is missing."""
    if table.is_file():
        return read_table(table)
    return figures_frame(d for d in read_documents([seeds]) if isinstance(d, Document))


def table_argument(argv: Sequence[str]) -> str | None:
    """The table named after ``--`` on the command line: ``streamlit run dashboard.py -- --table figures.parquet``.

    >>> table_argument(["--table", "x.parquet"]), table_argument([])
    ('x.parquet', None)
    """
    for i, arg in enumerate(argv):
        if arg == "--table" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--table="):
            return arg.split("=", 1)[1]
    return None


def seed_texts(seeds: Path = SEEDS) -> dict[str, str]:
    """Document id -> text of the seed articles (for the Documents view)."""
    return {d.doc_id: d.text for d in read_documents([seeds]) if isinstance(d, Document)}


@dataclass(frozen=True)
class UploadResult:
    frame: pd.DataFrame
    texts: dict[str, str]
    errors: list[str]


def check_upload_limits(files: Sequence[tuple[str, bytes]]) -> list[str]:
    """Readable messages for uploads over the limits; empty when all is well.

    >>> check_upload_limits([("a.txt", b"x" * 6_000_000)])
    ['a.txt is 6.0 MB; the limit is 5.0 MB per file.']
    """
    messages = []
    if len(files) > MAX_UPLOAD_FILES:
        messages.append(f"{len(files)} files uploaded; the limit is {MAX_UPLOAD_FILES} at a time.")
    for name, data in files:
        if len(data) > MAX_UPLOAD_BYTES:
            messages.append(f"{name} is {len(data) / 1e6:.1f} MB; the limit is {MAX_UPLOAD_BYTES / 1e6:.1f} MB per file.")
        if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
            messages.append(f"{name}: only {', '.join(UPLOAD_SUFFIXES)} files can be read.")
    return messages


def extract_uploads(
    files: Sequence[tuple[str, bytes]],
    pasted: str = "",
    taken_ids: Iterable[str] = (),
    progress: object = None,
) -> UploadResult:
    """Figures of uploaded files and pasted text; a file that cannot be read is reported, the rest kept.

    ``progress``, if given, is called with (done, total) after each document.
    """
    documents: list[Document] = []
    errors: list[str] = []
    refused = {m.split(" ", 1)[0].rstrip(":") for m in check_upload_limits(files)}
    for number, (name, data) in enumerate(files, start=1):
        if name in refused or number > MAX_UPLOAD_FILES:
            errors.append(f"{name}: skipped (over the limits)")
            continue
        for item in read_bytes(Path(name), data):
            if isinstance(item, DocumentError):
                errors.append(f"{Path(item.source).name}: {item.reason}")
            else:
                documents.append(item)
    if pasted.strip():
        documents.append(Document(doc_id="pasted", text=pasted[:MAX_PASTE_CHARS]))
        if len(pasted) > MAX_PASTE_CHARS:
            errors.append(f"pasted text cut to its first {MAX_PASTE_CHARS:,} characters")
    documents = _unique_ids(documents, set(taken_ids))
    frames, texts = [], {}
    for done, doc in enumerate(documents, start=1):
        try:
            frames.append(figures_frame([doc]))
            texts[doc.doc_id] = doc.text
        except Exception as exc:  # one document that breaks the extractor must not lose the others
            errors.append(f"{doc.doc_id}: extraction failed ({exc!r})")
        if callable(progress):
            progress(done, len(documents))
    frame = pd.concat(frames, ignore_index=True) if frames else figures_frame([])
    return UploadResult(frame, texts, errors)


def _unique_ids(documents: list[Document], taken: set[str]) -> list[Document]:
    """Rename documents whose id is already in the table ("a" -> "a (2)")."""
    out = []
    for doc in documents:
        doc_id, n = doc.doc_id, 2
        while doc_id in taken:
            doc_id, n = f"{doc.doc_id} ({n})", n + 1
        taken.add(doc_id)
        out.append(doc if doc_id == doc.doc_id else Document(doc_id, doc.text, doc.date, doc.url, doc.title, doc.source))
    return out


# --- filters ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects; empty means no restriction."""

    docs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    exporters: tuple[str, ...] = ()
    importers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    period_from: str = ""  # ISO year or date: figures whose period ends before are left out
    period_to: str = ""
    precision: str = "all"  # all | exact | approx
    search: str = ""


_NO_FILTERS = Filters()


# Filter field -> the column it selects on; "countries" matches a code inside the column's
# ;-separated list, the others whole values (WHOLE_VALUE_FILTERS).
FILTER_FIELDS = (
    ("docs", "doc_id"),
    ("kinds", "kind"),
    ("units", "unit"),
    ("roles", "role"),
    ("exporters", "exporter"),
    ("importers", "importer"),
    ("countries", "countries"),
)
WHOLE_VALUE_FILTERS = FILTER_FIELDS[:-1]
_LIST_FIELDS = tuple(name for name, _ in FILTER_FIELDS)
FILTER_COLUMNS = tuple(column for _, column in FILTER_FIELDS)
_TEXT_FIELDS = ("period_from", "period_to", "precision", "search")


def apply_filters(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of ``frame`` that ``f`` keeps.

    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["money", "percent"], "unit": ["USD", "percent"],
    ...     "role": ["level", "change"], "exporter": ["CHN", ""], "importer": ["RUS", ""], "countries": ["CHN;RUS", ""],
    ...     "period_start": ["2023-01-01", ""], "period_end": ["2023-12-31", ""], "qualifier": ["approx", "exact"],
    ...     "sentence": ["Exports rose", "Imports fell"]})
    >>> apply_filters(t, Filters(countries=("RUS",)))["doc_id"].tolist()
    ['a']
    >>> apply_filters(t, Filters(search="imports"))["doc_id"].tolist()
    ['b']
    """
    keep = pd.Series(True, index=frame.index)
    for name, column in WHOLE_VALUE_FILTERS:
        chosen = getattr(f, name)
        if chosen:
            keep &= frame[column].isin(chosen)
    if f.countries:
        pattern = "|".join(f"(?:^|;){c}(?:;|$)" for c in f.countries)
        keep &= frame["countries"].str.contains(pattern, regex=True, na=False)
    if f.period_from:
        keep &= frame["period_end"].fillna("").ge(period_bound(f.period_from, end=False))
    if f.period_to:
        starts = frame["period_start"].fillna("")
        keep &= starts.ne("") & starts.le(period_bound(f.period_to, end=True))
    if f.precision == "exact":
        keep &= frame["qualifier"].isin(["exact", "range"])
    elif f.precision == "approx":
        keep &= ~frame["qualifier"].isin(["exact", "range"])
    if f.search.strip():
        keep &= frame["sentence"].str.contains(f.search.strip(), case=False, regex=False, na=False)
    return frame[keep]


def period_bound(value: str, *, end: bool) -> str:
    """A year or date as an ISO date bound: "2023" -> 2023-01-01 (from) or 2023-12-31 (to)."""
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31" if end else f"{value}-01-01"
    return value


def filters_to_query(f: Filters) -> dict[str, str | list[str]]:
    """URL query parameters for ``f``; defaults are left out so that URLs stay short.

    >>> filters_to_query(Filters(countries=("CHN", "RUS"), search="oil"))
    {'countries': ['CHN', 'RUS'], 'search': 'oil'}
    """
    out: dict[str, str | list[str]] = {}
    for name in _LIST_FIELDS:
        if getattr(f, name):
            out[name] = list(getattr(f, name))
    for name in _TEXT_FIELDS:
        value = getattr(f, name)
        if value and value != getattr(_NO_FILTERS, name):
            out[name] = value
    return out


def filters_from_query(params: Mapping[str, str | list[str]]) -> Filters:
    """The filters a URL names; unknown parameters are ignored.

    >>> f = filters_from_query({"countries": ["CHN", "RUS"], "precision": "approx", "bogus": "1"})
    >>> f.countries, f.precision, f.docs
    (('CHN', 'RUS'), 'approx', ())
    """
    values: dict[str, object] = {}
    known = {f.name for f in fields(Filters)}
    for name, raw in params.items():
        if name not in known:
            continue
        if name in _LIST_FIELDS:
            values[name] = tuple(raw) if isinstance(raw, list) else tuple(v for v in str(raw).split(",") if v)
        else:
            values[name] = raw[-1] if isinstance(raw, list) else str(raw)
    if values.get("precision") not in (None, "all", "exact", "approx"):
        values["precision"] = "all"
    return Filters(**values)  # type: ignore[arg-type]


def downloads(view: pd.DataFrame) -> tuple[Callable[[], bytes], Callable[[], bytes], Callable[[], bytes]]:
    """Builders of the CSV (spreadsheet-safe), Parquet and JSON Lines files of ``view``, called
    only when their button is clicked."""
    return tuple(lambda s=suffix: frames_bytes([view], s) for suffix in (".csv", ".parquet", ".jsonl"))  # type: ignore[return-value]


def options(frame: pd.DataFrame, column: str) -> list[str]:
    """Distinct non-empty values of a column, sorted; for ``countries`` the codes inside the lists."""
    values = frame[column].dropna().astype(str)
    if column == "countries":
        values = values.str.split(";").explode()
    return sorted(v for v in values.unique() if v)


def describe(f: Filters) -> str:
    """A one-line description of the filters, for chart source lines and reports.

    >>> describe(Filters(countries=("CHN",), precision="exact"))
    'countries: CHN; precision: exact'
    >>> describe(Filters())
    'all figures'
    """
    parts = [f"{name}: {', '.join(getattr(f, name))}" for name in _LIST_FIELDS if getattr(f, name)]
    parts += [f"{name}: {getattr(f, name)}" for name in _TEXT_FIELDS if getattr(f, name) and getattr(f, name) != "all"]
    return "; ".join(parts) or "all figures"
