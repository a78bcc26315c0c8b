"""The query plans behind the busiest pages, taken from the statements a real request sends.

python -m bench.explain sqlite:///instance/bench-100000.db
python -m bench.explain postgresql+psycopg://postgres@127.0.0.1:5432/inspraak_bench
"""

import sys

from sqlalchemy import event, text

from participation import create_app
from participation.extensions import db

PAGES = (
    "/",
    "/ideas",
    "/themes/verkeer?sort=votes",
    "/themes/verkeer?sort=votes&page=50",
    "/themes/verkeer?sort=newest&page=50",
    "/themes/verkeer?sort=discussed",
    "/ideas/1",
)


def statements_of(app, path: str) -> list[tuple[str, object]]:
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, parameters))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        app.test_client().get(path)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def plan(app, statement: str, parameters) -> str:
    with app.app_context(), db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        if db.engine.dialect.name == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + statement, parameters)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        return "\n".join(row[-1] for row in cursor.fetchall())


def main(database_url: str) -> None:
    app = create_app("development", SQLALCHEMY_DATABASE_URI=database_url, DEBUG=False)
    with app.app_context():
        db.session.execute(text("SELECT 1"))
    for path in PAGES:
        print(f"\n## GET {path}")
        for statement, parameters in statements_of(app, path):
            if "mail_outbox" in statement:
                continue  # development delivers mail after each request; production does not
            print("\n" + " ".join(statement.split())[:160] + " ...")
            print("    " + plan(app, statement, parameters).replace("\n", "\n    "))


if __name__ == "__main__":
    main(sys.argv[1])
