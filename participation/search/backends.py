"""The two databases' own ways of matching, ranking, marking hits and finding similar titles.

Both answer the same questions, so the service and the tests do not care which one runs:
`match` narrows a select of ideas to those the terms find, `by_relevance` orders them,
`marked` returns title and body with the hits between START and STOP, and `similar_titles`
the ids of ideas whose title resembles a draft, best first.
"""

import re
import unicodedata

from sqlalchemy import Select, cast, column, func, literal, literal_column, select, table
from sqlalchemy.dialects.postgresql import REGCONFIG

from participation.extensions import db
from participation.ideas.models import Idea
from participation.ideas.queries import SORTS
from participation.search.schema import FTS_TABLE, PG_CONFIG
from participation.search.terms import START, STOP, Terms, fts5_query

# pg_trgm similarity of two titles from which an idea counts as "similar" (0..1); chosen on
# the labelled set in tests/search/similar_titles.tsv, where it gives the printed figures.
TRIGRAM_FLOOR = 0.4
# SQLite: the `resemblance` of two titles' meaningful words from which an idea is "similar".
RESEMBLANCE_FLOOR = 0.6
CANDIDATES = 25
RANK_WINDOW = 1000
# Words that say nothing about what an idea is about.
_STOPWORDS_TEXT = (
    "aan al alle als beter betere bij dan dat de der des die dit door een en er extra geen "
    "graag het hij hoe ik in is je jij kan maar meer met mij minder na naar niet nieuw "
    "nieuwe nog of om onder ons onze ook op over per te tegen ten ter tot u uit van veel "
    "voor want wat we wij worden zijn zo zoals"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORDS = re.compile(r"\w+", re.UNICODE)


def plain(text: str) -> str:
    """Lower case without accents, as both indexes see words."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The meaningful words of a title, lower case without accents, each once."""
    found = []
    for word in _WORDS.findall(plain(text)):
        if word not in STOPWORDS and len(word) >= 3 and word not in found:
            found.append(word)
    return found


def stem(word: str) -> str:
    """A crude stem: "fietsenstallingen" and "fietsenstalling" meet at "fiets"."""
    return word[:5]


def resemblance(draft: list[str], other: list[str]) -> float:
    """Dice's coefficient over words, a word matching when one's stem is inside the other
    ("drempels" in "verkeersdrempels")."""
    if not draft or not other:
        return 0.0
    shared = sum(
        1 for word in draft if any(stem(word) in theirs or stem(theirs) in word for theirs in other)
    )
    return 2 * shared / (len(draft) + len(other))


def websearch_text(terms: Terms) -> str:
    """The parsed terms again, quoted, so PostgreSQL reads exactly what SQLite reads."""
    quoted = [f'"{term}"' for term in terms.wanted] + [f'-"{term}"' for term in terms.excluded]
    return " ".join(quoted)


class Postgres:
    name = "postgresql"

    @staticmethod
    def _tsquery(terms: Terms):
        return func.websearch_to_tsquery(cast(literal(PG_CONFIG), REGCONFIG), websearch_text(terms))

    def match(self, query: Select, terms: Terms) -> Select:
        return query.where(literal_column("idea.search_vector").op("@@")(self._tsquery(terms)))

    def by_relevance(self, query: Select, terms: Terms) -> Select:
        """Ranked among the RANK_WINDOW newest matches: a word in most ideas would otherwise
        rank every one of them for each page. Below that many matches the order is exact."""
        rank = func.ts_rank(literal_column("idea.search_vector"), self._tsquery(terms))
        window = (
            query.with_only_columns(Idea.id, rank.label("rank"))
            .order_by(*SORTS["newest"])
            .limit(RANK_WINDOW)
            .subquery()
        )
        # Ranked inside the window, from the rows it read: 2 ms for 1,000 matches, where
        # ranking after a second lookup per idea took 60 ms.
        return (
            select(Idea)
            .join(window, window.c.id == Idea.id)
            .order_by(window.c.rank.desc(), Idea.id)
        )

    def marked(self, terms: Terms, ids: list[int]) -> dict[int, tuple[str, str]]:
        tsquery = self._tsquery(terms)
        config = cast(literal(PG_CONFIG), REGCONFIG)
        options = f'StartSel="{START}", StopSel="{STOP}"'

        def headline(text, extra: str):
            return func.ts_headline(config, func.translate(text, START + STOP, ""), tsquery, extra)

        rows = db.session.execute(
            select(
                Idea.id,
                headline(Idea.title, options + ", HighlightAll=true"),
                headline(Idea.body, options + ", MaxWords=35, MinWords=15"),
            ).where(Idea.id.in_(ids))
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def similar_titles(self, listed: Select, title: str, limit: int) -> list[int]:
        # The index's own cut-off (`%`), for this transaction only: fewer rows to recheck.
        db.session.execute(
            select(func.set_config("pg_trgm.similarity_threshold", str(TRIGRAM_FLOOR), True))
        )
        score = func.public.similarity(Idea.title, title)
        return list(
            db.session.scalars(
                listed.with_only_columns(Idea.id)
                .where(Idea.title.op("OPERATOR(public.%)")(title), score >= TRIGRAM_FLOOR)
                .order_by(score.desc(), Idea.id)
                .limit(limit)
            )
        )


_FTS = literal_column(FTS_TABLE)
_fts = table(FTS_TABLE, column("rowid"), column("title"), column("body"), column("answers"))


class Sqlite:
    name = "sqlite"

    def match(self, query: Select, terms: Terms) -> Select:
        return query.join(_fts, _fts.c.rowid == Idea.id).where(_FTS.op("MATCH")(fts5_query(terms)))

    def by_relevance(self, query: Select, terms: Terms) -> Select:
        # bm25 is lower for better matches; a word in the title weighs most.
        return query.order_by(func.bm25(_FTS, 10.0, 3.0, 2.0).asc(), Idea.id)

    def marked(self, terms: Terms, ids: list[int]) -> dict[int, tuple[str, str]]:
        rows = db.session.execute(
            select(
                _fts.c.rowid,
                func.highlight(_FTS, 0, START, STOP),
                func.snippet(_FTS, 1, START, STOP, "…", 30),
            ).where(_FTS.op("MATCH")(fts5_query(terms)), _fts.c.rowid.in_(ids))
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def similar_titles(self, listed: Select, title: str, limit: int) -> list[int]:
        wanted = words(title)
        if not wanted:
            return []
        query = "title : (" + " OR ".join(f'"{stem(word)}" *' for word in wanted) + ")"
        candidates = db.session.execute(
            listed.with_only_columns(Idea.id, Idea.title)
            .join(_fts, _fts.c.rowid == Idea.id)
            .where(_FTS.op("MATCH")(query))
            .order_by(func.bm25(_FTS, 1.0, 0.0, 0.0), Idea.id)
            .limit(CANDIDATES)
        )
        scored = []
        for idea_id, other in candidates:
            score = resemblance(wanted, words(other))
            if score >= RESEMBLANCE_FLOOR:
                scored.append((-score, idea_id))
        return [idea_id for _, idea_id in sorted(scored)[:limit]]


def backend():
    return Postgres() if db.engine.dialect.name == "postgresql" else Sqlite()
