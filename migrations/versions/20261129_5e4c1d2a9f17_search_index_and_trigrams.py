"""search index (PostgreSQL full text and trigrams, SQLite FTS5)

Revision ID: 5e4c1d2a9f17
Revises: 2cb34beb2ae9
Create Date: 2026-11-29 15:00:00

PostgreSQL: a copy of the Dutch text search configuration that drops accents first, a stored
generated tsvector column on idea (title weight A, body B, official answers C) with a GIN
index, and pg_trgm with a trigram index on titles for similar ideas. An index on
(created_at, id) lets "newest" walk ideas in order on both databases. SQLite: an FTS5 table (title, body, answers) whose rowid is the idea's id, filled from
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
# The extensions live in schema public, named with it, so a database whose search_path is
# another schema (the bench keeps each size in its own) finds them too.
# The official answers are copied into the idea's own row (search_answers, kept by a trigger),
# so one GIN index answers a search: the planner then chooses per query between that index
# (rare words) and walking ideas in sort order until a page is full (common words).
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public",
    "CREATE TEXT SEARCH CONFIGURATION inspraak_dutch (COPY = pg_catalog.dutch)",
    "ALTER TEXT SEARCH CONFIGURATION inspraak_dutch "
    "ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, dutch_stem",
    "ALTER TABLE idea ADD COLUMN search_answers text NOT NULL DEFAULT ''",
    "UPDATE idea SET search_answers = answers.text FROM (SELECT idea_id, "
    "string_agg(explanation, ' ' ORDER BY id) AS text FROM status_change GROUP BY idea_id) "
    "AS answers WHERE answers.idea_id = idea.id",
    "ALTER TABLE idea ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('inspraak_dutch', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('inspraak_dutch', coalesce(body, '')), 'B') || "
    "setweight(to_tsvector('inspraak_dutch', search_answers), 'C')) STORED",
    "CREATE INDEX ix_idea_search_vector ON idea USING gin (search_vector)",
    """CREATE FUNCTION idea_search_answers() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE idea SET search_answers = coalesce((
            SELECT string_agg(explanation, ' ' ORDER BY id) FROM status_change
            WHERE status_change.idea_id = idea.id), '')
        WHERE idea.id IN (
            SELECT (CASE WHEN TG_OP = 'DELETE' THEN OLD.idea_id ELSE NEW.idea_id END)
            UNION SELECT (CASE WHEN TG_OP = 'UPDATE' THEN OLD.idea_id END));
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER idea_search_answers AFTER INSERT OR DELETE OR UPDATE OF explanation, "
    "idea_id ON status_change FOR EACH ROW EXECUTE FUNCTION idea_search_answers()",
    "CREATE INDEX ix_idea_title_trgm ON idea USING gin (title public.gin_trgm_ops)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_idea_title_trgm",
    "DROP TRIGGER IF EXISTS idea_search_answers ON status_change",
    "DROP FUNCTION IF EXISTS idea_search_answers()",
    "DROP INDEX IF EXISTS ix_idea_search_vector",
    "ALTER TABLE idea DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE idea DROP COLUMN IF EXISTS search_answers",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS inspraak_dutch",
]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade():
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})
    with op.batch_alter_table("idea", schema=None) as batch_op:
        batch_op.create_index("ix_idea_newest", ["created_at", "id"], unique=False)


def downgrade():
    with op.batch_alter_table("idea", schema=None) as batch_op:
        batch_op.drop_index("ix_idea_newest")
    # The extensions stay: other database objects may use them, and they cost nothing.
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
