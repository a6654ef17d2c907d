"""Full-text search in every language, on the database's own index: SQLite's FTS5 and
PostgreSQL's text search. Capabilities register what they index (a *kind*: services, guides...)
and search it; the index keeps up by itself when their rows are committed.

Words are folded the same way on both sides, here in Python, so that both databases match
alike: case, accents and Arabic-script variants fold away ("Szkoła" finds "szkola", "اسکول"
finds "اسكول"), and a word matches the start of a longer one ("mieszkani" finds "mieszkanie").

An entry has three weighted parts: ``name`` (what a thing is called, in every language),
``tags`` (the names of its topics and languages, in every language) and ``body`` (what it says).
A search is a list of *groups*, one per word the parent typed: an entry matches a group when it
has any of the group's alternatives (the word itself, or phrases that mean the same, like a
glossary term's translations). ``search`` tries the strict reading first and relaxes it only
when nothing matches: every word as typed, then every word's stem, then any of the words.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from portal.extensions import db

# --- folding and words -----------------------------------------------------------------------

_FOLD = str.maketrans({
    # Latin letters with no decomposition, as people type them without the right keyboard.
    "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss",
    # Arabic script: Arabic and Urdu keyboards give different letters for the same sound.
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه",
    "ـ": None,  # tatweel, a stretching stroke
    "\u200c": " ", "\u200d": None,  # (non-)joiners
    # Eastern Arabic and Persian digits.
    **{chr(0x0660 + n): str(n) for n in range(10)},
    **{chr(0x06F0 + n): str(n) for n in range(10)},
})
ARABIC_ARTICLE = "ال"
MAX_WORDS = 8  # of a query: more adds nothing a parent needs and costs the database
MAX_TOKENS = 4000  # of one part of an entry (PostgreSQL keeps positions up to 16,383)


def fold(text: str | None) -> str:
    """Case, accents and marks folded away, Arabic-script variants made one."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped.translate(_FOLD))


def _is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LNM"


def words(text: str | None) -> list[str]:
    """The folded words of a text. Arabic's article is not part of a word ("المدرسة" is found
    by "مدرسة"); everything that is not a letter, digit or mark separates words."""
    result, current = [], []
    for character in fold(text) + " ":
        if _is_word_character(character):
            current.append(character)
        elif current:
            result.append("".join(current))
            current = []
    return [w[2:] if w.startswith(ARABIC_ARTICLE) and len(w) > 3 else w for w in result]


def stem(word: str) -> str:
    """A crude, language-blind stem: long words lose the endings that inflect them, so that
    "szkoła" also finds "szkole" and "instanța" finds "instanță". Used only when the words as
    typed find nothing."""
    if word.isdigit() or len(word) < 5:
        return word
    return word[:-2] if len(word) >= 7 else word[:-1]


# --- the index -------------------------------------------------------------------------------

search_entries = sa.Table(
    "search_entries", db.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("tags", sa.Text, nullable=False, default=""),
    sa.Column("body", sa.Text, nullable=False, default=""),
    # PostgreSQL's index of the three parts; SQLite keeps its own in search_fts (below).
    sa.Column("document", sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql")),
    sa.UniqueConstraint("kind", "key"),
    sa.Index("ix_search_entries_document", "document", postgresql_using="gin"),
)

# SQLite: an FTS5 index over search_entries' words, kept in step by triggers (the pattern of
# SQLite's FTS5 documentation for an "external content" table). Words are already folded, so
# the tokenizer only splits them; marks are part of words (Gurmukhi's vowel signs).
FTS_TABLE = "search_fts"
SQLITE_DDL = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(name, tags, body, content='search_entries', "
    "content_rowid='id', tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
    "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
    "INSERT INTO search_fts(rowid, name, tags, body) VALUES (new.id, new.name, new.tags, "
    "new.body); END",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, name, tags, body) "
    "VALUES ('delete', old.id, old.name, old.tags, old.body); END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, name, tags, body) "
    "VALUES ('delete', old.id, old.name, old.tags, old.body); "
    "INSERT INTO search_fts(rowid, name, tags, body) VALUES (new.id, new.name, new.tags, "
    "new.body); END",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS search_fts"]

for _statement in SQLITE_DDL:
    sa.event.listen(search_entries, "after_create",
                    sa.DDL(_statement).execute_if(dialect="sqlite"))
for _statement in SQLITE_DROP:
    sa.event.listen(search_entries, "before_drop",
                    sa.DDL(_statement).execute_if(dialect="sqlite"))


def include_name(name: str | None, type_: str, _parent_names) -> bool:
    """For Alembic: FTS5's own tables are not in the models (they cannot be)."""
    return not (type_ == "table" and name and name.startswith(FTS_TABLE))


WEIGHTS = {"name": 10.0, "tags": 4.0, "body": 1.0}


def _postgresql_document(name: str, tags: str, body: str):
    parts = [sa.func.setweight(sa.func.to_tsvector("simple", value),
                               sa.literal_column(f"'{letter}'"))
             for value, letter in ((name, "A"), (tags, "B"), (body, "C"))]
    return parts[0].op("||")(parts[1]).op("||")(parts[2])


@dataclass
class Document:
    """What an entry is found by, as texts in any languages (folded and split on store)."""

    name: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    def folded(self) -> dict[str, str]:
        return {part: " ".join([w for text in getattr(self, part) for w in words(text)]
                               [:MAX_TOKENS]) for part in WEIGHTS}


def store(connection, kind: str, documents: dict[str, Document | None]) -> None:
    """Write these entries (None removes one) in the connection's transaction."""
    if not documents:
        return
    keys = list(documents)
    for start in range(0, len(keys), 500):
        connection.execute(sa.delete(search_entries).where(
            search_entries.c.kind == kind, search_entries.c.key.in_(keys[start:start + 500])))
    postgres = connection.dialect.name == "postgresql"
    for key, document in documents.items():
        if document is None:
            continue
        values = {"kind": kind, "key": key, **document.folded()}
        if postgres:
            values["document"] = _postgresql_document(values["name"], values["tags"],
                                                      values["body"])
        connection.execute(sa.insert(search_entries).values(**values))


# --- what capabilities index -----------------------------------------------------------------

@dataclass
class Indexer:
    """``watches``: the models whose changes may change an entry; ``stale``: from the changed
    rows of those models ({model: [instances]}), the keys to rebuild; ``documents``: the
    entries for those keys (None for a key that no longer exists); ``every_key``: all keys,
    for a rebuild."""

    kind: str
    watches: tuple[type, ...]
    stale: Callable[[dict[type, list]], set[str]]
    documents: Callable[[set[str]], dict[str, Document | None]]
    every_key: Callable[[], set[str]]


INDEXERS: dict[str, Indexer] = {}


def register(indexer: Indexer) -> None:
    INDEXERS[indexer.kind] = indexer


def rebuild(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Every entry of these kinds (all by default) built again, in the session's transaction;
    the caller commits. For after an import that bypassed the ORM, or a change to folding."""
    counts = {}
    for kind in kinds or INDEXERS:
        indexer = INDEXERS[kind]
        db.session.execute(sa.delete(search_entries).where(search_entries.c.kind == kind))
        keys = indexer.every_key()
        store(db.session.connection(), kind, indexer.documents(keys))
        counts[kind] = len(keys)
    return counts


_CHANGED = "search_changed"


@sa.event.listens_for(Session, "after_flush")
def _note_changes(session, _flush_context) -> None:
    watched = {model for indexer in INDEXERS.values() for model in indexer.watches}
    if not watched:
        return
    changed = session.info.setdefault(_CHANGED, defaultdict(list))
    for instance in (*session.new, *session.dirty, *session.deleted):
        for model in watched:
            if isinstance(instance, model):
                changed[model].append(instance)


@sa.event.listens_for(Session, "before_commit")
def _update_index(session) -> None:
    """The entries of what changed are rewritten in the same transaction as the change: a
    search never sees a service that is not there, nor misses one that is."""
    session.flush()
    changed = session.info.pop(_CHANGED, None)
    if not changed:
        return
    for indexer in INDEXERS.values():
        relevant = {model: changed[model] for model in indexer.watches if changed.get(model)}
        if relevant:
            keys = indexer.stale(relevant)
            if keys:
                store(session.connection(), indexer.kind, indexer.documents(keys))


@sa.event.listens_for(Session, "after_rollback")
def _forget_changes(session) -> None:
    session.info.pop(_CHANGED, None)


# --- searching -------------------------------------------------------------------------------

class Reading(IntEnum):
    """How a search was read, strictest first."""

    EVERY_WORD = 1
    EVERY_STEM = 2
    ANY_WORD = 3


@dataclass
class Query:
    """The parent's words, each with alternatives that mean the same (phrases, as word lists)."""

    groups: list[list[tuple[str, ...]]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, expand: Callable[[str], Iterable[tuple[str, ...]]] | None = None,
              ) -> Query:
        found = list(dict.fromkeys(words(text)))
        # Little words ("of", "دی", "ze") only narrow a search by accident; keep them only when
        # there is nothing else.
        meaningful = [w for w in found if len(w) > 2 or w.isdigit()] or found
        groups = []
        for word in meaningful[:MAX_WORDS]:
            alternatives = [(word,)]
            if expand:
                alternatives += [phrase for phrase in expand(word) if phrase != (word,)]
            groups.append(list(dict.fromkeys(alternatives)))
        return cls(groups)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def readings(self) -> list[Reading]:
        found = [Reading.EVERY_WORD]
        if any(stem(group[0][0]) != group[0][0] for group in self.groups):
            found.append(Reading.EVERY_STEM)
        if len(self.groups) > 1:
            found.append(Reading.ANY_WORD)
        return found

    def _alternatives(self, group, reading: Reading) -> list[tuple[tuple[str, ...], bool]]:
        """(phrase, prefix?) pairs: the typed word matches the start of longer words."""
        typed = group[0][0]
        first = stem(typed) if reading is Reading.EVERY_STEM else typed
        return [((first,), True)] + [(phrase, False) for phrase in group[1:]]

    def fts5(self, reading: Reading) -> str:
        def alternative(phrase, prefix):
            return '"' + " ".join(phrase) + '"' + ("*" if prefix else "")
        joiner = " OR " if reading is Reading.ANY_WORD else " AND "
        return joiner.join(
            "(" + " OR ".join(alternative(p, x) for p, x in self._alternatives(g, reading)) + ")"
            for g in self.groups)

    def tsquery(self, reading: Reading) -> str:
        def alternative(phrase, prefix):
            text = " <-> ".join(f"'{w}'" for w in phrase)
            return text + (":*" if prefix else "")
        joiner = " | " if reading is Reading.ANY_WORD else " & "
        return joiner.join(
            "(" + " | ".join(alternative(p, x) for p, x in self._alternatives(g, reading)) + ")"
            for g in self.groups)


def matches(kind: str, query: Query, reading: Reading):
    """A subquery of (key, score) for the entries of ``kind`` the query matches on this
    reading: join it to the things searched, order by score, highest first."""
    if db.session.get_bind().dialect.name == "postgresql":
        tsquery = sa.func.to_tsquery("simple", query.tsquery(reading))
        # ts_rank's weights are for D, C, B, A, at most 1.
        top = max(WEIGHTS.values())
        weights = sa.literal([0.0] + [WEIGHTS[part] / top for part in ("body", "tags", "name")],
                             postgresql.ARRAY(sa.REAL))
        score = sa.func.ts_rank(weights, search_entries.c.document, tsquery)
        return (sa.select(search_entries.c.key, score.label("score"))
                .where(search_entries.c.kind == kind,
                       search_entries.c.document.op("@@")(tsquery))
                .subquery())
    fts = sa.table(FTS_TABLE, sa.column("rowid"))
    score = -sa.func.bm25(sa.literal_column(FTS_TABLE), *WEIGHTS.values())
    return (sa.select(search_entries.c.key, score.label("score"))
            .select_from(fts.join(search_entries, search_entries.c.id == fts.c.rowid))
            .where(sa.literal_column(FTS_TABLE).op("MATCH")(query.fts5(reading)),
                   search_entries.c.kind == kind)
            .subquery())
