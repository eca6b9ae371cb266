"""Trade flows a sentence states: who exports to whom ("China's exports to Russia", "Russian
imports of Chinese semiconductors", "came from China", "U.S. exports", "Turkey accounted for a
fifth of Iraq's imports")."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter
from typing import Final

from extract.context.countries import Mention
from extract.context.tokens import CLASS, LOWER, START, TEXT, Token
from extract.vocab import COMPANY_WORDS, DOMESTIC_WORDS, TRADE_FORMS, TRADE_WORDS, function_words

_FUNCTION: Final = function_words()
FLOW_CLASSES: Final = frozenset({"export", "import"})
_START_OF: Final = itemgetter(START)
# Prepositions that make the country after them an object, not the subject of a flow word
# ("sales to Japan exports" never makes Japan the exporter). Source: English prepositions.
_GOVERNING: Final = function_words("preposition", "linking") - {"of"}
# Words after which a flow word is a verb with a subject ("will export", "plans to import").
_AUXILIARIES: Final = function_words("auxiliary") | {"to", "did", "does", "do"}
# Adverbs that may stand between a conjunction and its verb ("and then exported", "and has since sold").
_ADVERBS: Final = function_words("adverb") | {"then", "since", "also", "later"}
# Copulas: a flow noun of an agent after one names the subject's role ("China is the biggest buyer").
_COPULAS: Final = frozenset({"is", "was", "are", "were", "became", "becomes", "remains", "remained", "be", "been"})
# Possessive determiners before a flow noun point back to the clause's subject ("its imports").
_POSSESSIVE_DETERMINERS: Final = frozenset({"its", "their"})
# Pronouns: a subject found beyond one belongs to another verb ("BP Australia said it had sold").
_PRONOUNS: Final = function_words("pronoun")
# Barriers to trade: a country that imposes one on imports is their importer ("the EU will impose
# tariffs on imports of Chinese cars"). Source: the wording of trade-policy news.
_BARRIERS: Final = frozenset({"tariff", "tariffs", "duty", "duties", "quota", "quotas", "levy", "levies", "ban", "curbs"})
# Forms of "sell": the place sold in is the importer ("tractors sold in Kazakhstan"), unless what is
# sold is a security ("its shares will be sold in the U.S." is no trade in goods).
_SELL: Final = frozenset({"sold", "sales", "sale", "sell", "sells", "selling"})
_SECURITIES: Final = frozenset({"shares", "stock", "stocks", "bonds", "notes", "securities", "stake", "debentures", "warrants"})
# Forms of "buy": what is bought may be a security or a company, an acquisition and no trade in goods
# ("agreed to buy 26% of an Indian firm", "to buy the Italian car maker", "a bid to buy shares").
_BUY: Final = frozenset({"buy", "buys", "bought", "buying", "purchase", "purchases", "purchased", "purchasing", "tender"})
# Nouns of a company or a part of one, bought or sold whole. Source: the wording of business news.
_COMPANIES: Final = frozenset(
    {"firm", "firms", "company", "companies", "maker", "makers", "group", "rival", "unit", "units", "subsidiary"}
    | {"subsidiaries", "operations", "business", "businesses", "assets", "chain", "stores", "bank", "banks", "carrier"}
)
# Forms of "make" that with "up" state a share ("Australia made up 40% of Japan's coal imports").
_MAKE: Final = frozenset({"make", "makes", "made", "making"})
# Words that end the object phrase of a flow verb: a country after them is another clause's
# ("Egypt bought wheat, and Algeria …"), not the origin of what was bought.
_PHRASE_ENDS: Final = frozenset({",", "and", "or", "but", "while", "whereas", ";", "."})


@dataclass(frozen=True, slots=True)
class Flow:
    position: int  # offset of the flow word
    exporter: str
    importer: str
    cue: str  # the flow word as written ("exports", "imported")
    subject_exporter: bool = False  # the exporter is the subject before the flow word ("Brazil supplied")
    coordinated: bool = False  # a verb joined by "and" to a verb before it ("produced … and exported")


def find_flows(tokens: list[Token], mentions: list[Mention], flow_words: list[int] | None = None) -> list[Flow]:
    """Stated trade flows in one sentence (or clause): who exports to whom.

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> def flows(s):
    ...     return [(f.exporter, f.importer) for f in find_flows(tokenize(s), find_countries(s))]
    >>> flows("China's exports to Russia jumped"), flows("Russian imports of Chinese semiconductors rose")
    ([('CHN', 'RUS')], [('CHN', 'RUS')])
    >>> flows("70% of Russian imports of machine tools came from China"), flows("China supplied 90% of Russia's imports")
    ([('CHN', 'RUS')], [('CHN', 'RUS')])
    >>> flows("India imported a record volume of Russian crude"), flows("Bilateral trade between the two countries grew")
    ([('RUS', 'IND')], [])
    >>> flows("U.S. exports of chips to China fell"), flows("Turkey accounted for a fifth of Iraq's imports")
    ([('USA', 'CHN')], [('TUR', 'IRQ')])
    """
    out: list[Flow] = []
    if flow_words is None:
        flow_words = [k for k in range(len(tokens)) if is_flow_word(tokens, k)]
    if not flow_words:
        return out
    mentions = [m for m in mentions if not names_a_company(tokens, m)]
    owner = _mention_tokens(tokens, mentions)
    by_start = {m.start: m for m in mentions}
    for k in flow_words:
        t = tokens[k]
        if t[CLASS] not in FLOW_CLASSES:
            flow = _barrier_flow(tokens, k, owner) if t[CLASS] == "measure" else _share_flow(tokens, k, owner)
            if flow is not None:
                out.append(flow)
            continue
        if is_domestic(tokens, k) or ((t[LOWER] in _SELL or t[LOWER] in _BUY) and _securities_object(tokens, k)):
            continue
        verb = is_verb_use(tokens, k)
        subject = _subject(tokens, k, owner, is_verb=False)
        has_agent = verb or _object_of_verb(tokens, k) or _predicate_noun(tokens, k)
        far_subject = "" if subject or not has_agent else _subject(tokens, k, owner, is_verb=True)
        from_subject = False
        if t[CLASS] == "export":
            exporter = _after(tokens, k, ("from", "by"), by_start, limit=8)
            if not exporter and subject:
                exporter, from_subject = subject, True
            exporter = exporter or _of_origin(tokens, k, owner)
            if not exporter and far_subject:
                exporter, from_subject = far_subject, True
            importer = _after(tokens, k, ("to", "into"), by_start, limit=12) or _possessed_import(tokens, k, owner)
            if not importer and t[LOWER] in _SELL and not _securities_sold(tokens, k):
                importer = _after(tokens, k, ("in",), by_start, limit=4)
        else:
            importer = (
                subject or _after(tokens, k, ("into", "by"), by_start, limit=8) or far_subject or _imposer(tokens, k, owner)
            )
            exporter = _after(tokens, k, ("from",), by_start, limit=12) or _of_origin(tokens, k, owner, bare=True)
            exporter = exporter or _came_from(tokens, k, by_start)
        if not verb and market_only(t[LOWER], exporter, importer, subject):
            continue
        joined = verb and coordinated_verb(tokens, k)
        if exporter and importer and exporter != importer:
            out.append(Flow(t[START], exporter, importer, t[TEXT], from_subject, joined))
        elif exporter or importer:
            same = exporter == importer
            out.append(
                Flow(t[START], "" if same else exporter, "" if same else importer, t[TEXT], from_subject and not same, joined)
            )
    return _merge_flows(out)


# Nouns of sale and purchase that, with only a country before them, name a market: "U.S. car
# sales", "its Canadian sales", "all US home purchases" are sales and purchases in that country.
_MARKET_NOUNS: Final = frozenset({"sales", "sale", "purchases", "purchase"})


def market_only(word: str, exporter: str, importer: str, subject: str) -> bool:
    """A noun of sale or purchase whose only country is the one before it ("U.S. car sales fell
    6 pct", "half of all US home purchases") names sales in a market, not a trade between two
    countries; with a partner ("U.S. arms sales to Iran") or an origin ("sales of French corn") it
    is a flow.

    >>> market_only("sales", "USA", "", "USA"), market_only("sales", "USA", "IRN", "USA"), market_only("sales", "FRA", "", "")
    (True, False, False)
    """
    return word in _MARKET_NOUNS and bool(subject) and (exporter, importer) in ((subject, ""), ("", subject))


def nearest_flow(flows: list[Flow], offset: int) -> Flow | None:
    """The flow nearest the figure at ``offset``; a verb joined by "and" after the figure is not
    its flow: the figure is the object of the verb before ("produced 540 mln kilos and exported")."""
    if len(flows) == 1:  # the common case: one flow in the sentence
        only = flows[0]
        return None if only.coordinated and only.position > offset else only
    usable = [f for f in flows if not (f.coordinated and f.position > offset)]
    return min(usable, key=lambda f: abs(f.position - offset)) if usable else None


def coordinated_verb(tokens: list[Token], k: int) -> bool:
    """The verb at ``k`` is joined by "and"/"but" to a verb phrase before it.

    >>> from extract.context.tokens import tokenize
    >>> coordinated_verb(tokenize("It made yarn and exported it"), 4), coordinated_verb(tokenize("It exported yarn"), 1)
    (True, False)
    >>> coordinated_verb(tokenize("made yarn and has since exported it"), 5)
    True
    """
    for j in range(k - 1, max(-1, k - 4), -1):
        word = tokens[j][LOWER]
        if word in ("and", "but"):
            return True
        if word not in _AUXILIARIES and word not in _ADVERBS:
            return False
    return False


def is_verb_use(tokens: list[Token], k: int) -> bool:
    """A flow word used as a verb: a past form, or any form after an auxiliary ("will export").

    >>> from extract.context.tokens import tokenize
    >>> is_verb_use(tokenize("Brazil will export beef"), 2), is_verb_use(tokenize("Brazil's exports"), 1)
    (True, False)
    """
    word = tokens[k][LOWER]
    if TRADE_FORMS.get(word) == "verb" or word.endswith("ed"):
        return True
    return k > 0 and tokens[k - 1][LOWER] in _AUXILIARIES


def _flow_candidates() -> frozenset[str]:
    """Words outside the export and import classes that may state a flow (see ``is_flow_word``)."""
    shares = {w for w, cls in TRADE_WORDS.items() if cls == "share"}
    return frozenset(shares | _BARRIERS | {"up"})


# Checked before ``is_flow_word`` so that the common classed words (up, down, measure) cost one lookup.
FLOW_CANDIDATES: Final = _flow_candidates()


def is_flow_word(tokens: list[Token], k: int) -> bool:
    """A word that can state a flow: an export or import word, a verb of share ("accounted"), "up"
    after a form of "make" ("made up"), the noun "share" after its owner ("Brazil's share",
    "the U.S. share"), or a barrier put on goods ("tariffs on Chinese steel").

    >>> from extract.context.tokens import tokenize
    >>> words = tokenize("Brazil's share made up 5% of all, a share sold, tariffs on steel")
    >>> [words[k][TEXT] for k in range(len(words)) if is_flow_word(words, k)]
    ['share', 'up', 'sold', 'tariffs']
    """
    t = tokens[k]
    cls = t[CLASS]
    if cls in FLOW_CLASSES:
        return True
    if cls == "share":
        if TRADE_FORMS.get(t[LOWER]) == "verb":
            return True
        if t[LOWER] != "share" or k == 0:
            return False
        before = tokens[k - 1][TEXT]
        return before.endswith(("'s", "\u2019s", ".")) or before[:1].isupper()
    if cls == "measure":
        return t[LOWER] in _BARRIERS and _barrier_on(tokens, k) > 0
    return cls == "up" and t[LOWER] == "up" and k > 0 and tokens[k - 1][LOWER] in _MAKE


def names_a_company(tokens: list[Token], mention: Mention) -> bool:
    """A country name that starts a company's or an institution's name ("Japan Airlines", "British
    Steel"): no country trades in its sentence.

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> text = "Japan Airlines and British Steel buy from Japan"
    >>> [names_a_company(tokenize(text), m) for m in find_countries(text)]
    [True, True, False]
    """
    after = bisect_left(tokens, mention.end, key=_START_OF)
    return after < len(tokens) and not mention.possessive and tokens[after][TEXT] in COMPANY_WORDS


def is_domestic(tokens: list[Token], k: int) -> bool:
    """A flow noun qualified as domestic: sales at home, no trade ("Toyota's domestic car sales").

    >>> from extract.context.tokens import tokenize
    >>> is_domestic(tokenize("its domestic car sales rose"), 3), is_domestic(tokenize("its car sales rose"), 2)
    (True, False)
    """
    return any(tokens[j][LOWER] in DOMESTIC_WORDS for j in range(max(0, k - 2), k))


def _mention_tokens(tokens: list[Token], mentions: list[Mention]) -> dict[int, tuple[Mention, int]]:
    """Token index -> (the mention it belongs to, the mention's first token index)."""
    owner: dict[int, tuple[Mention, int]] = {}
    for m in mentions:
        first = bisect_left(tokens, m.start, key=_START_OF)
        for j in range(first, bisect_left(tokens, m.end, first, key=_START_OF)):
            owner[j] = (m, first)
    return owner


def _object_of_verb(tokens: list[Token], k: int) -> bool:
    """A flow noun right after a past verb and its adjectives: "the U.S. had licensed commercial
    sales" (the verb's subject is the noun's agent).

    >>> from extract.context.tokens import tokenize
    >>> _object_of_verb(tokenize("the U.S. had licensed commercial sales"), 8)
    True
    >>> _object_of_verb(tokenize("officials said sales"), 2)
    False
    """
    for j in range(k - 1, max(-1, k - 3), -1):
        word = tokens[j][LOWER]
        if word.endswith("ed") and TRADE_WORDS.get(word) is None and word not in _FUNCTION:
            return True
        if not tokens[j][TEXT][0].islower() or word in _FUNCTION:
            return False
    return False


def _governed(tokens: list[Token], first: int) -> bool:
    """The mention starting at token ``first`` is the object of a preposition ("to Japan")."""
    j = first - 1
    if j >= 0 and tokens[j][LOWER] in ("the", "a", "an"):
        j -= 1
    return j >= 0 and tokens[j][LOWER] in _GOVERNING


def _subject(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]], *, is_verb: bool) -> str:
    """Country right before a flow word ("China's exports", "Russian crude imports", "U.S. grain
    exports"), or a verb's subject earlier in the clause ("Pakistan is reported to have bought").

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> def subject(s, k, verb=False):
    ...     tokens = tokenize(s)
    ...     return _subject(tokens, k, _mention_tokens(tokens, find_countries(s)), is_verb=verb)
    >>> subject("U.K. grain exports rose", 5), subject("Pakistan made yarn and exported it", 4, True)
    ('GBR', 'PAK')
    >>> subject("BP Australia said it sold", 4, True), subject("Japan raised its imports", 3)
    ('', 'JPN')
    >>> subject("the U.S. Group's sales", 6)
    ''
    """
    j = k - 1
    content = 0
    while j >= 0 and k - j <= 6:
        if j in owner:
            return owner[j][0].code  # the noun phrase right before the flow word: "U.S. sugar imports"
        word = tokens[j][LOWER]
        if word in _POSSESSIVE_DETERMINERS:
            is_verb = True  # "Japan raised its imports": the possessor is the clause's subject
            break
        if word in (".", ",", ";", ":") or (word in _FUNCTION and word != "'s") or word.endswith(("'s", "\u2019s")):
            break  # another possessor ("the U.S. Group's sales" are the group's)
        content += 1
        if content > 3:
            break
        j -= 1
    if is_verb:
        agent = _appositive_agent(tokens, k, owner)
        if agent:
            return agent
        for j in range(k - 1, max(-1, k - 16), -1):
            word = tokens[j][LOWER]
            if word in _PRONOUNS or word in (";", "while", "whereas") or (word in ("and", "but") and tokens[j - 1][TEXT] == ","):
                break  # another clause's subject lies beyond
            if j in owner:
                m, first = owner[j]
                # an adjective of origin names the subject only beside it ("Korean mills will buy");
                # the object of "of" is no subject ("bought 5,000 tonnes of U.S. wheat, and sold")
                if not _governed(tokens, first) and (not m.is_demonym or k - j <= 4) and tokens[first - 1][LOWER] != "of":
                    return m.code
    return ""


def _appositive_agent(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]]) -> str:
    """The country of an appositive right before a verb names its subject: "Sesam, the French unit
    of a U.S. grain house, sold" -> France (the first country of the appositive).

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> s = "Sesam, the French unit of a U.S. grain house, sold barley"
    >>> tokens = tokenize(s)
    >>> _appositive_agent(tokens, 14, _mention_tokens(tokens, find_countries(s)))
    'FRA'
    """
    if k < 3 or tokens[k - 1][TEXT] != ",":
        return ""
    for j in range(k - 2, max(0, k - 16), -1):
        if tokens[j][TEXT] == ",":
            if tokens[j + 1][LOWER] not in ("a", "an", "the"):
                return ""
            found = [i for i in range(j + 2, k - 1) if i in owner]
            return owner[found[0]][0].code if found else ""
    return ""


# Words after which a country is another clause's partner, not the flow word's; so is one after
# ", including", a part's ("export 450,000 cars, including 250,000 to the U.S.": not the whole's).
_BREAKS: Final = frozenset({";", "while", "whereas"})


def _after(tokens: list[Token], k: int, preps: tuple[str, ...], by_start: dict[int, Mention], limit: int) -> str:
    """Country after a preposition following the flow word: "to Russia", "from a North Korean seller"."""
    for j in range(k + 1, min(len(tokens) - 1, k + limit)):
        word = tokens[j][LOWER]
        if word in _BREAKS or (word == "including" and tokens[j - 1][TEXT].endswith(",")):
            break
        if j > k + 1 and TRADE_WORDS.get(word) in FLOW_CLASSES:
            break
        if tokens[j][LOWER] in preps:
            nxt = j + 1
            if tokens[nxt][LOWER] in ("the", "a", "an") and nxt + 1 < len(tokens):
                nxt += 1
            m = by_start.get(tokens[nxt][START])
            if m:
                return m.code
    return ""


def _securities_sold(tokens: list[Token], k: int) -> bool:
    """What is sold, just before the verb or just after it, is a security ("shares being sold").

    >>> from extract.context.tokens import tokenize
    >>> _securities_sold(tokenize("shares are being sold in London"), 3)
    True
    >>> _securities_sold(tokenize("tractors sold in Kazakhstan"), 1)
    False
    """
    window = tokens[max(0, k - 10) : k + 4]
    return any(t[LOWER] in _SECURITIES for t in window)


def _came_from(tokens: list[Token], k: int, by_start: dict[int, Mention]) -> str:
    """The origin named by "came from" / "come from" later in the sentence, however far."""
    for j in range(k + 1, len(tokens) - 2):
        if tokens[j][LOWER] in ("came", "come", "comes", "coming") and tokens[j + 1][LOWER] == "from":
            m = by_start.get(tokens[j + 2][START])
            return m.code if m else ""
    return ""


def _of_origin(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]], *, bare: bool = False) -> str:
    """A country used as an adjective after "of" names the origin: "imports of Chinese
    semiconductors", "a cargo of U.S. soybeans" (but "the imports of China" is China's imports).

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> def origin(s):
    ...     tokens = tokenize(s)
    ...     return _of_origin(tokens, 0, _mention_tokens(tokens, find_countries(s)), bare=True)
    >>> origin("supply a cargo of U.S. soybeans"), origin("imports of China rose"), origin("bought 5% more Thai rice")
    ('USA', '', 'THA')
    >>> origin("sold rice to Turkish buyers"), origin("buys 5,000 tonnes U.S. wheat"), origin("buyers at 250 U.S. firms")
    ('', 'USA', '')
    """
    in_phrase = True  # still in the flow word's object phrase: no comma or conjunction passed
    for j in range(k + 1, min(len(tokens) - 1, k + 12)):
        if tokens[j][LOWER] == "of" and j + 1 in owner:
            m, first = owner[j + 1]
            if m.is_demonym or _attributive(tokens, owner, first):
                return m.code
        elif bare and j in owner and owner[j][1] == j and not _governed(tokens, j):
            m = owner[j][0]
            # what is bought, by its adjective of origin ("bought Thai rice") or, in its object
            # phrase, by a country name before the goods ("buys 50,000 tonnes U.S. wheat")
            if m.is_demonym or (in_phrase and not m.possessive and _attributive(tokens, owner, j)):
                return m.code
        if (tokens[j][LOWER] in _PHRASE_ENDS and tokens[j][TEXT] != ".") or tokens[j][LOWER] in _GOVERNING:
            in_phrase = False  # past the object phrase, or into a prepositional one ("managers at 250 U.S. firms")
        if tokens[j][LOWER] in (".", ";") and j + 1 not in owner:
            break
    return ""


def _attributive(tokens: list[Token], owner: dict[int, tuple[Mention, int]], first: int) -> bool:
    """A country name directly followed by the noun it qualifies ("U.S. soybeans")."""
    j = first
    while j in owner and owner[j][1] == first:
        j += 1
    if j >= len(tokens):
        return False
    nxt = tokens[j]
    word = nxt[LOWER]
    if not nxt[TEXT][0].isalpha() or word in _FUNCTION or word.endswith("ed"):
        return False
    return TRADE_WORDS.get(word) not in ("up", "down", "level")


def _possessed_import(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]]) -> str:
    """The owner of a later "imports": "supplied 90% of Russia's imports" -> Russia."""
    return _possessor_of(tokens, k, owner, "import")


def _possessor_of(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]], cls: str) -> str:
    """The country that owns the next flow noun of class ``cls`` within a few words: a possessive
    ("Russia's imports"), an adjective ("Russian imports") or a name that qualifies the noun phrase
    ("U.S. lumber imports"), not one governed by a preposition ("to Japan imports").

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> def owner_of(s):
    ...     tokens = tokenize(s)
    ...     return _possessor_of(tokens, 0, _mention_tokens(tokens, find_countries(s)), "import")
    >>> owner_of("made up a third of U.S. lumber imports"), owner_of("made 5% of Russia's imports")
    ('USA', 'RUS')
    """
    for j in range(k + 1, min(len(tokens), k + 12)):
        if TRADE_WORDS.get(tokens[j][LOWER]) == cls:
            for i in range(j - 1, max(k, j - 6), -1):
                if i in owner:
                    m, first = owner[i]
                    if m.possessive or m.is_demonym or not _governed(tokens, first):
                        return m.code
                    break
                if j - i > 2 and tokens[i][TEXT] != ".":
                    break  # more than two words of the noun phrase between: another noun's owner
    return ""


def _share_flow(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]]) -> Flow | None:
    """ "Turkey accounted for a fifth of Iraq's imports": the subject sends, the possessor of the
    imports receives (and the other way round for "of Germany's exports"); the owner of the noun
    "share" sends ("Brazil's share in China's soybean purchases")."""
    subject = _subject(tokens, k, owner, is_verb=tokens[k][LOWER] != "share")
    if not subject:
        return None
    t = tokens[k]
    importer = _possessor_of(tokens, k, owner, "import")
    if importer and importer != subject:
        return Flow(t[START], subject, importer, t[TEXT], True)
    exporter = _possessor_of(tokens, k, owner, "export")
    if exporter and exporter != subject:
        return Flow(t[START], exporter, subject, t[TEXT])
    return None


def _barrier_flow(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]]) -> Flow | None:
    """A barrier put on goods: the country that puts it imports them, their origin exports them
    ("The U.S. raised tariffs on $200bn of Chinese goods": China -> U.S.).

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> s = "Canada put duties of 15% on Chinese steel"
    >>> tokens = tokenize(s)
    >>> flow = _barrier_flow(tokens, 2, _mention_tokens(tokens, find_countries(s)))
    >>> (flow.exporter, flow.importer) if flow else None
    ('CHN', 'CAN')
    """
    importer = _subject(tokens, k, owner, is_verb=True)
    exporter = _of_origin(tokens, k, owner, bare=True)
    on = _barrier_on(tokens, k) + 1
    if not exporter and on in owner and owner[on][1] == on and owner[on][0].is_demonym:
        exporter = owner[on][0].code  # "tariffs on Chinese steel"
    if exporter == importer or not (exporter or importer):
        return None
    t = tokens[k]
    return Flow(t[START], exporter, importer, t[TEXT])


def _barrier_on(tokens: list[Token], k: int) -> int:
    """Index of the "on" that puts the barrier at ``k`` on goods, right after it or after its
    rate ("duties of 15% on"); -1 when there is none.

    >>> from extract.context.tokens import tokenize
    >>> _barrier_on(tokenize("tariffs on steel"), 0), _barrier_on(tokenize("duties of up to 15% on steel"), 0)
    (1, 6)
    >>> _barrier_on(tokenize("tariffs rose"), 0)
    -1
    """
    if k + 1 < len(tokens) and tokens[k + 1][LOWER] == "on":
        return k + 1
    if k + 1 < len(tokens) and tokens[k + 1][LOWER] == "of":
        for j in range(k + 2, min(len(tokens), k + 8)):
            if tokens[j][LOWER] == "on":
                return j
    return -1


def _predicate_noun(tokens: list[Token], k: int) -> bool:
    """A flow noun of an agent after a copula: "China is the biggest buyer of Australian ore" (the
    copula's subject is the buyer).

    >>> from extract.context.tokens import tokenize
    >>> _predicate_noun(tokenize("China is the biggest buyer of ore"), 4), _predicate_noun(tokenize("the buyer said"), 1)
    (True, False)
    """
    if not tokens[k][LOWER].endswith(("er", "ers")):
        return False
    for j in range(k - 1, max(-1, k - 5), -1):
        word = tokens[j][LOWER]
        if word in _COPULAS:
            return True
        if word in _FUNCTION and word not in ("a", "an", "the"):
            return False
    return False


def _securities_object(tokens: list[Token], k: int) -> bool:
    """What a verb of sale or purchase deals in, right after it and before any "from" or "to", is
    a security, a stake or a company: no trade in goods ("Britain sold its 20% stake to a French
    group", "agreed to buy 31% of a Kenyan firm", "to buy 45 pct of the group's shares").

    >>> from extract.context.tokens import tokenize
    >>> _securities_object(tokenize("Britain sold its 20% stake"), 1), _securities_object(tokenize("Peru sold 5% more tin"), 1)
    (True, False)
    >>> _securities_object(tokenize("to buy 31% of a Kenyan firm"), 1)
    True
    >>> _securities_object(tokenize("Egypt will buy 100 jets from the U.S. company"), 2)
    False
    """
    for t in tokens[k + 1 : k + 8]:
        word = t[LOWER].removesuffix("'s").removesuffix("\u2019s")
        if word in ("from", "to"):
            return False
        if word in _SECURITIES or word in _COMPANIES:
            return True
    return False


def _imposer(tokens: list[Token], k: int, owner: dict[int, tuple[Mention, int]]) -> str:
    """A country that puts a barrier on imports receives them: "the EU will impose tariffs of up
    to 38% on imports of Chinese cars" -> EU.

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> s = "The EU will impose tariffs on imports of Chinese cars"
    >>> tokens = tokenize(s)
    >>> _imposer(tokens, 6, _mention_tokens(tokens, find_countries(s)))
    'EUU'
    """
    barrier = False
    for j in range(k - 1, max(-1, k - 16), -1):
        word = tokens[j][LOWER]
        if word in (";", "while", "whereas") or word in _PRONOUNS:
            break
        if word in _BARRIERS:
            barrier = True
        elif j in owner and barrier:
            m, first = owner[j]
            if not _governed(tokens, first) and not m.is_demonym:
                return m.code
    return ""


def listed_partner(tokens: list[Token], index: int, mentions: list[Mention], flow: Flow) -> tuple[str, str]:
    """In a list after a flow, the country right before a figure is its partner: after a verb of
    supply the supplier ("Brazil supplied 31%, the United States 24%" -> USA for 24%), after "to"
    the importer and after "from" the exporter ("Exports to Japan rose 5%, to China 8%" -> China).
    The (exporter, importer) it gives, "" for a side it does not name.

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> s = "Brazil supplied 31%, the United States 24% and Argentina 9%"
    >>> listed_partner(tokenize(s), 8, find_countries(s), Flow(7, "BRA", "", "supplied", True))
    ('USA', '')
    >>> s = "Exports to Japan rose 5%, to China 8%"
    >>> listed_partner(tokenize(s), 9, find_countries(s), Flow(0, "", "JPN", "Exports"))
    ('', 'CHN')
    """
    if index == 0:
        return "", ""
    before = tokens[index - 1]
    if not (before[TEXT][0].isupper() or before[TEXT] == "."):
        return "", ""  # no name ends right before the figure
    ends = (before[START] + len(before[TEXT]), before[START] + len(before[TEXT].rstrip(".")))
    for m in mentions:
        if flow.position < m.start and m.end in ends and not m.possessive:
            lead = bisect_left(tokens, m.start, key=_START_OF) - 1
            word = tokens[lead][LOWER] if lead >= 0 else ""
            if word == "the" and lead > 0:
                word = tokens[lead - 1][LOWER]
            if word in ("to", "into") and flow.importer and m.code != flow.importer:
                return "", m.code
            if word == "from" and flow.exporter and m.code != flow.exporter:
                return m.code, ""
            if flow.subject_exporter and m.code != flow.exporter:
                return m.code, ""
    return "", ""


# Words that may stand between a figure and the "to"/"from" of its own partner: its unit and goods
# ("240,000 tonnes of whites to Iran"), at most this many.
_PARTNER_AFTER_REACH: Final = 4


def partner_after(tokens: list[Token], after: int, mentions: list[Mention], flow: Flow) -> tuple[str, str]:
    """In a list of figures each followed by its own partner ("exported 240,000 tonnes to Iran and
    62,000 tonnes to Iraq", "export 450,000 cars, including 250,000 to the U.S."), the country
    after "to"/"into" (importer) or "from" (exporter) within a few words after the figure, when the
    flow does not name it already: (exporter, importer), "" for a side it does not name. ``after``
    is the index of the token after the figure.

    >>> from extract.context.countries import find_countries
    >>> from extract.context.tokens import tokenize
    >>> s = "Turkey exported 240,000 tonnes to Iran and 62,000 tonnes to Iraq"
    >>> partner_after(tokenize(s), 9, find_countries(s), Flow(7, "TUR", "IRN", "exported"))
    ('', 'IRQ')
    >>> s = "Imports of 3 mln tonnes from Cuba and 2 mln from Thailand"
    >>> partner_after(tokenize(s), 10, find_countries(s), Flow(0, "CUB", "", "Imports"))
    ('THA', '')
    """
    by_start = {m.start: m for m in mentions}
    for j in range(after, min(len(tokens) - 1, after + _PARTNER_AFTER_REACH + 1)):
        word = tokens[j][LOWER]
        if word in _PHRASE_ENDS or word[:1].isdigit():
            break
        if word not in ("to", "into", "from"):
            continue
        nxt = j + 1 if tokens[j + 1][LOWER] != "the" or j + 2 >= len(tokens) else j + 2
        m = by_start.get(tokens[nxt][START])
        if m is None or m.possessive:
            return "", ""
        if word == "from" and m.code not in (flow.exporter, flow.importer):
            return m.code, ""
        if word != "from" and m.code not in (flow.exporter, flow.importer):
            return "", m.code
        return "", ""
    return "", ""


def reporter_side(flow: Flow, earlier: Flow) -> Flow:
    """A half-stated flow in a later clause takes its missing side from a complete flow of an
    earlier clause, the country whose trade the sentence reports ("Kenyan exports to Pakistan were
    62 mln, while imports from Pakistan were 3.9 mln": Pakistan -> Kenya): the other side of the
    earlier flow when this one names one of its sides, else the earlier flow's own country (the
    exporter of "exports", the importer of "imports").

    >>> kenya = Flow(0, "KEN", "PAK", "exports")
    >>> [(f.exporter, f.importer) for f in (reporter_side(Flow(40, "PAK", "", "imports"), kenya),
    ...  reporter_side(Flow(40, "", "IND", "exports"), kenya), reporter_side(Flow(40, "", "PAK", "exports"), kenya))]
    [('PAK', 'KEN'), ('KEN', 'IND'), ('KEN', 'PAK')]
    """
    named = flow.exporter or flow.importer
    if (flow.exporter and flow.importer) or not named or not (earlier.exporter and earlier.importer):
        return flow
    if named in (earlier.exporter, earlier.importer):
        other = earlier.importer if named == earlier.exporter else earlier.exporter
    else:
        other = earlier.exporter if TRADE_WORDS.get(earlier.cue.lower()) == "export" else earlier.importer
    if other == named:
        return flow
    cue = f"{flow.cue}; the other side from {earlier.cue!r}"
    if flow.exporter:
        return Flow(flow.position, flow.exporter, other, cue, flow.subject_exporter, flow.coordinated)
    return Flow(flow.position, other, flow.importer, cue, flow.subject_exporter, flow.coordinated)


def _merge_flows(flows: list[Flow]) -> list[Flow]:
    """Join half-stated flows of one sentence that do not contradict each other."""
    complete = [f for f in flows if f.exporter and f.importer]
    if complete:
        return complete
    exporters = {f.exporter for f in flows if f.exporter}
    importers = {f.importer for f in flows if f.importer}
    if len(exporters) <= 1 and len(importers) <= 1 and exporters != importers:  # one side may be unnamed
        first = flows[0]
        subject = any(f.subject_exporter for f in flows)
        return [
            Flow(
                first.position,
                exporters.pop() if exporters else "",
                importers.pop() if importers else "",
                first.cue,
                subject,
                first.coordinated,
            )
        ]
    return []
