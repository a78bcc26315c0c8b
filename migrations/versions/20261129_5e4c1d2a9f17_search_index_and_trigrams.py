"""search index (PostgreSQL full text and trigrams, SQLite FTS5)

Revision ID: 5e4c1d2a9f17
Revises: 2cb34beb2ae9
Create Date: 2026-11-29 15:00:00

PostgreSQL: a copy of the Dutch text search configuration that drops accents first, stored
generated tsvector columns on idea (title weight A, body B) and status_change (the official's
explanation), GIN indexes on both, and pg_trgm with a trigram index on titles for similar
ideas. SQLite: an FTS5 table (title, body, answers) whose rowid is the idea's id, filled from
the existing rows and kept in step by triggers. Neither database gets the other's objects.
"""

from alembic import op

revision = "5e4c1d2a9f17"
down_revision = "2cb34beb2ae9"
branch_labels = None
depends_on = None

ANSWERS_OF = (
    "coalesce((SELECT group_concat(replace(replace(explanation, char(2), ''), char(3), ''), ' ') "
    "FROM status_change "
    "WHERE status_change.idea_id = {idea}), '')"
)
# Search marks hits with these two control characters; stored text must not bring its own.
CLEAN = "replace(replace({}, char(2), ''), char(3), '')"
SQLITE_UP = [
    "CREATE VIRTUAL TABLE idea_search USING fts5("
    "title, body, answers, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO idea_search (rowid, title, body, answers) "
    f"SELECT id, {CLEAN.format('title')}, {CLEAN.format('body')}, "
    f"{ANSWERS_OF.format(idea='idea.id')} FROM idea",
    "CREATE TRIGGER idea_search_insert AFTER INSERT ON idea BEGIN "
    "INSERT INTO idea_search (rowid, title, body, answers) "
    f"VALUES (new.id, {CLEAN.format('new.title')}, {CLEAN.format('new.body')}, ''); END",
    "CREATE TRIGGER idea_search_update AFTER UPDATE OF title, body ON idea BEGIN "
    f"UPDATE idea_search SET title = {CLEAN.format('new.title')}, "
    f"body = {CLEAN.format('new.body')} WHERE rowid = new.id; END",
    "CREATE TRIGGER idea_search_delete AFTER DELETE ON idea BEGIN "
    "DELETE FROM idea_search WHERE rowid = old.id; END",
    "CREATE TRIGGER idea_search_answer_insert AFTER INSERT ON status_change BEGIN "
    f"UPDATE idea_search SET answers = {ANSWERS_OF.format(idea='new.idea_id')} "
    "WHERE rowid = new.idea_id; END",
    "CREATE TRIGGER idea_search_answer_update AFTER UPDATE OF explanation ON status_change "
    f"BEGIN UPDATE idea_search SET answers = {ANSWERS_OF.format(idea='new.idea_id')} "
    "WHERE rowid = new.idea_id; END",
    "CREATE TRIGGER idea_search_answer_delete AFTER DELETE ON status_change BEGIN "
    f"UPDATE idea_search SET answers = {ANSWERS_OF.format(idea='old.idea_id')} "
    "WHERE rowid = old.idea_id; END",
]
SQLITE_DOWN = [
    *(
        f"DROP TRIGGER IF EXISTS idea_search_{name}"
        for name in ("insert", "update", "delete", "answer_insert", "answer_update")
    ),
    "DROP TRIGGER IF EXISTS idea_search_answer_delete",
    "DROP TABLE IF EXISTS idea_search",
]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH CONFIGURATION inspraak_dutch (COPY = pg_catalog.dutch)",
    "ALTER TEXT SEARCH CONFIGURATION inspraak_dutch "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem",
    "ALTER TABLE idea ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('inspraak_dutch', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('inspraak_dutch', coalesce(body, '')), 'B')) STORED",
    "CREATE INDEX ix_idea_search_vector ON idea USING gin (search_vector)",
    "ALTER TABLE status_change ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector('inspraak_dutch', coalesce(explanation, ''))) STORED",
    "CREATE INDEX ix_status_change_search_vector ON status_change USING gin (search_vector)",
    "CREATE INDEX ix_idea_title_trgm ON idea USING gin (title gin_trgm_ops)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_idea_title_trgm",
    "DROP INDEX IF EXISTS ix_status_change_search_vector",
    "ALTER TABLE status_change DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS ix_idea_search_vector",
    "ALTER TABLE idea DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS inspraak_dutch",
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade():
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def downgrade():
    # The extensions stay: other database objects may use them, and they cost nothing.
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
