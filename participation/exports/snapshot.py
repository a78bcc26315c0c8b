"""One consistent snapshot of the database per export, even while votes arrive."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection

from participation.core.models import utcnow
from participation.exports.columns import RankedIdea
from participation.exports.options import ExportOptions
from participation.exports.ranking import ThemeSummary, Wording, ranked_ideas, theme_summaries
from participation.extensions import db


@dataclass
class Snapshot:
    connection: Connection
    options: ExportOptions
    generated_at: datetime
    wording: Wording
    themes: list[ThemeSummary] = field(default_factory=list)

    def ideas(self, theme: ThemeSummary) -> Iterator[RankedIdea]:
        return ranked_ideas(self.connection, self.options, self.wording, theme)

    def release(self) -> None:
        """All reads are done: end the transaction and give the connection back before a
        slow download keeps them open."""
        self.connection.close()


@contextmanager
def open_snapshot(options: ExportOptions) -> Iterator[Snapshot]:
    """Every count and row of one export comes from the same moment."""
    engine = db.engine
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with connection.begin():
            if engine.dialect.name == "sqlite":
                # pysqlite opens no transaction for SELECTs; without one every query would
                # see the latest commit instead of one snapshot.
                connection.exec_driver_sql("BEGIN")
            snapshot = Snapshot(connection, options, utcnow(), Wording.current())
            snapshot.themes = theme_summaries(connection, options)
            yield snapshot
