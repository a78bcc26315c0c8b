"""The search index lives beside the models, made by hand in a migration, per database.

PostgreSQL: the answers copied into the idea row by a trigger, a generated tsvector column
with a GIN index, and a trigram index on titles.
SQLite: an FTS5 table kept in step by triggers. Alembic's comparison skips these objects.
"""

# A copy of PostgreSQL's Dutch configuration that first drops accents ("ideeën" = "ideeen").
PG_CONFIG = "inspraak_dutch"
FTS_TABLE = "idea_search"
HAND_MADE_COLUMNS = {"search_vector", "search_answers"}
HAND_MADE_INDEXES = {"ix_idea_search_vector", "ix_idea_title_trgm"}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: leave the hand-made search objects out of `flask db check`."""
    if type_ == "table" and reflected and compare_to is None:
        return not (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))
    if type_ == "column" and reflected and compare_to is None:
        return name not in HAND_MADE_COLUMNS
    if type_ == "index" and reflected and compare_to is None:
        return name not in HAND_MADE_INDEXES
    return True
