"""Bytes to text: byte-order marks, UTF-8, a guessed news encoding, mojibake repaired; binary
files recognised by their signature; the article text of an HTML page.

Every function here either returns text or raises ``ValueError`` with a reason a person can read.
"""

from __future__ import annotations

import codecs
from html.parser import HTMLParser

import regex

# File signatures of formats given by mistake, from their published specifications (PNG, JPEG,
# GIF, PDF, ZIP and the office formats built on it, gzip, bzip2, xz, 7-Zip, RAR, ELF, PE, SQLite,
# Ogg, FLAC, RIFF/WebP/WAV, ISO-BMFF/MP4 at offset 4). Order does not matter: no prefix of one is another.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"BZh", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x7fELF", "executable (ELF)"),
    (0, b"MZ", "executable (Windows)"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg audio/video"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (0, b"PAR1", "Parquet file without the .parquet suffix"),
)

# Byte-order marks, UTF-32 first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# When charset-normalizer finds several encodings equally plausible (short texts often are), the
# first of these wins: the legacy encodings of news sites by how common they are on the web
# (W3Techs), Windows-1252 first as WHATWG reads "latin-1" labels as Windows-1252.
_PREFERRED = ("cp1252", "gb18030", "cp932", "cp949", "cp1251", "cp1250", "cp1253", "cp1254", "cp1256", "cp1255")

# The encodings a guess may pick: the above plus the ISO and national standards still served by
# news sites. DOS and Mac code pages are left out: on a short sample they often fit best by chance.
_CANDIDATES = (
    *_PREFERRED,
    "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9",
    "iso8859_15", "koi8_r", "koi8_u", "euc_jp", "euc_kr", "big5", "shift_jis", "cp1257", "cp874", "tis_620",
)  # fmt: skip

_SAMPLE = 1 << 18  # bytes charset-normalizer looks at; enough for a verdict, fast on a 100 MB file

# Characters a text may hold; a decoded text where others pass 1 % is not text (random bytes).
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")

# Windows-1252 read as UTF-8 ("â€™", "Ã©"): only a text with one of these is handed to ftfy.
_MOJIBAKE = regex.compile(r"[ÂÃâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\xa0-\xbf]")


def binary_kind(data: bytes) -> str:
    """The kind of binary file ``data`` starts like, or "" for what may be text.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"Exports rose 5%.")
    ('PDF document', '')
    """
    for offset, magic, kind in _SIGNATURES:
        if data.startswith(magic, offset):
            return kind
    return ""


def decode(data: bytes) -> tuple[str, str]:
    """Text of ``data`` and how it was read; ``ValueError`` for bytes that are not text.

    A byte-order mark wins, then strict UTF-8, then charset-normalizer's guess. Mojibake
    (UTF-8 that went through Windows-1252) is repaired with ftfy, and said in the name.

    >>> decode("caf\u00e9".encode("utf-8-sig")), decode("caf\u00e9 cr\u00e8me".encode("cp1252"))
    (('café', 'utf-8-sig'), ('café crème', 'cp1252'))
    >>> decode("The ministry\u00e2\u20ac\u2122s \u00e2\u201a\u00ac3m".encode("utf-8"))
    ('The ministry’s €3m', 'utf-8, mojibake repaired (ftfy)')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(name, errors="replace"), name)
    kind = binary_kind(data)
    if kind:
        raise ValueError(f"binary file ({kind}), not text")
    try:
        if b"\x00" in data[:_SAMPLE]:  # NUL is valid UTF-8, but in a text it means UTF-16/32 without a mark
            raise UnicodeDecodeError("utf-8", data[:1], 0, 1, "NUL byte")
        text, name = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        name = _guess_encoding(data[:_SAMPLE])
        text = data.decode(name, errors="replace")
    text, name = _checked(text, name)
    if _MOJIBAKE.search(text):
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            return fixed, f"{name}, mojibake repaired (ftfy)"
    return text, name


def _guess_encoding(sample: bytes) -> str:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(sample, cp_isolation=list(_CANDIDATES)))
    if not matches:
        raise ValueError("binary file (no text encoding fits), not text")
    best = min(m.chaos for m in matches)
    plausible = {name for m in matches if m.chaos <= best + 0.05 for name in m.could_be_from_charset}
    return next((name for name in _PREFERRED if name in plausible), matches[0].encoding)


def _checked(text: str, name: str) -> tuple[str, str]:
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > len(sample) / 100:
        raise ValueError(f"binary file (control characters when read as {name}), not text")
    return text, name


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page; scripts, styles and templates are dropped."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "title"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The article text of an HTML page: trafilatura finds the main content (navigation, comments,
    scripts and styles dropped); a fragment it finds no article in is read with the plain parser.

    >>> html_to_text("<p>Exports rose <b>5%</b>.</p><script>var x = 10;</script><p>Next</p>")
    'Exports rose 5%.\\nNext'
    """
    import trafilatura

    try:
        article = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True)
    except Exception:  # trafilatura promises not to fail, but a document must never stop the batch
        article = None
    return article if article else visible_text(markup)


def visible_text(markup: str) -> str:
    """Every visible text of ``markup``, one block per line; scripts and styles dropped.

    >>> visible_text("<p>Exports rose <b>5%</b>.</p><style>p {margin: 10px}</style><p>Next</p>")
    'Exports rose 5%.\\nNext'
    """
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
