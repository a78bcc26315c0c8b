"""A city-sized data set for `make bench`: skewed popularity, counters equal to the rows.

Rows go in with Core bulk inserts (executemany in batches) and explicit ids, so replies can
point at their parents without a round trip; PostgreSQL's sequences are moved past them.
"""

import random
from datetime import timedelta

from sqlalchemy import func, insert, select, text

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.moderation.models import StatusChange
from participation.rounds.models import Phase, Round, round_theme
from participation.seed.bench_rounds import round_id_for, round_rows
from participation.voting.models import Vote

BENCH_PASSWORD = "bench-password-2026"
POLICY_EMAIL = "bench-policy@example.org"
BATCH = 20_000
THEMES = (
    ("verkeer", "Verkeer en parkeren"),
    ("groen", "Groen en natuur"),
    ("wonen", "Wonen"),
    ("jeugd", "Jeugd en onderwijs"),
    ("zorg", "Zorg en welzijn"),
    ("cultuur", "Cultuur en sport"),
    ("veiligheid", "Veiligheid"),
    ("klimaat", "Klimaat en energie"),
)
# fmt: off
WORDS = [
    "fietspad", "speeltuin", "bomen", "bankjes", "parkeren", "wijk", "buurt", "school", "bus",
    "plein", "water", "licht", "afval", "container", "markt", "bibliotheek", "sport", "zwembad",
    "straat", "stoep", "veilig", "groen", "zonnepanelen", "warmte", "jongeren", "ouderen",
    "zorg", "huis", "huur", "park", "hond", "kinderen", "verkeer", "snelheid", "drempel",
]
# fmt: on
# Most ideas are just submitted; a few are answered.
STATUS_WEIGHTS = {
    IdeaStatus.SUBMITTED: 70,
    IdeaStatus.UNDER_CONSIDERATION: 12,
    IdeaStatus.ACCEPTED: 6,
    IdeaStatus.REJECTED: 6,
    IdeaStatus.ALREADY_PLANNED: 3,
    IdeaStatus.IMPLEMENTED: 3,
}
THE_50_COMMENT_IDEA = 1  # the idea page the bench reads has exactly 50 comments
# Every idea holds most of WORDS; this one is in one title in RARE_EVERY, for a rare search.
RARE_WORD = "waterspeelplaats"
RARE_EVERY = 1000


def has_data() -> bool:
    return bool(db.session.scalar(select(func.count(Theme.id))))


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _title(rng: random.Random, number: int) -> str:
    title = _sentence(rng, rng.randint(4, 9))
    return (f"{title} {RARE_WORD}" if number % RARE_EVERY == 0 else title)[:120]


def _skewed_counts(rng: random.Random, total: int, size: int, cap: int) -> list[int]:
    """Split `total` over `size` items the way popularity goes: a few get most of it."""
    weights = [1.0 / (rank + 10) ** 1.1 for rank in range(size)]
    rng.shuffle(weights)
    scale = total / sum(weights)
    counts = [min(cap, int(weight * scale)) for weight in weights]
    shortfall = total - sum(counts)
    while shortfall > 0:
        item = rng.randrange(size)
        if counts[item] < cap:
            counts[item] += 1
            shortfall -= 1
    return counts


def _copy(model, rows) -> None:
    """PostgreSQL's COPY: several times faster than batched INSERTs for a million rows."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    columns = list(first)
    names = ", ".join(f'"{name}"' for name in columns)
    table = getattr(model, "__table__", model)  # a model, or a plain table (round_theme)
    cursor = db.session.connection().connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        copy.write_row([first[name] for name in columns])
        for row in rows:
            copy.write_row([row[name] for name in columns])


def _bulk(model, rows) -> None:
    """Insert rows that all have the same keys."""
    if db.engine.dialect.name == "postgresql":
        _copy(model, rows)
        return
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            db.session.execute(insert(model), batch)
            batch = []
    if batch:
        db.session.execute(insert(model), batch)


def _users(count: int, now) -> None:
    password_hash = hash_password(BENCH_PASSWORD)
    # The one member of staff exports and, as an official, gave the answers.
    staff = {
        "email": POLICY_EMAIL,
        "display_name": "Beleid Bench",
        "is_policy_staff": True,
        "is_official": True,
    }
    rows = [staff] + [
        {
            "email": f"bench{number}@example.org",
            "display_name": f"Bewoner {number}",
            "is_policy_staff": False,
            "is_official": False,
        }
        for number in range(1, count)
    ]
    common = {
        "password_hash": password_hash,
        "confirmed_at": now,
        "privacy_consent_at": now,
        "created_at": now - timedelta(days=400),
    }
    _bulk(User, ({"id": number, **common, **row} for number, row in enumerate(rows, start=1)))


def _themes(now) -> None:
    _bulk(
        Theme,
        (
            {
                "id": number,
                "slug": slug,
                "name": name,
                "description": f"Ideeën over {name.lower()}.",
                "position": number,
                "is_open": number != len(THEMES),  # one closed theme, as in real life
                "created_at": now - timedelta(days=800),
            }
            for number, (slug, name) in enumerate(THEMES, start=1)
        ),
    )


def _idea_state(rng: random.Random, number: int) -> tuple[str, bool]:
    if number == THE_50_COMMENT_IDEA:
        return ModerationState.PUBLISHED, False
    roll = rng.random()
    if roll < 0.03:
        return ModerationState.HIDDEN, False
    if roll < 0.05:
        return ModerationState.PENDING, False
    return ModerationState.PUBLISHED, roll < 0.07


def _ideas(rng, count, users, votes, comments, now) -> None:
    theme_weights = [8, 6, 5, 4, 3, 2, 2, 1]
    statuses, status_weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    rows = []
    for number in range(1, count + 1):
        state, withdrawn = _idea_state(rng, number)
        created = now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
        theme_id = 1 if number == 1 else rng.choices(range(1, 9), theme_weights)[0]
        rows.append(
            {
                "id": number,
                "theme_id": theme_id,
                "round_id": round_id_for(number, theme_id),
                "author_id": rng.randrange(2, users + 1),
                "title": _title(rng, number),
                "body": ". ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(5)) + ".",
                "status": rng.choices(statuses, status_weights)[0],
                "moderation_state": state,
                "withdrawn_at": created + timedelta(days=3) if withdrawn else None,
                "created_at": created,
                "vote_count": votes[number - 1],
                "comment_count": comments[number - 1],
            }
        )
    _bulk(Idea, rows)
    _bulk(StatusChange, _status_rows(rng, rows, now))


def _status_rows(rng, ideas, now):
    """Every answered idea has its answer in the history, as an official's answer leaves it:
    the answers page and insight read the date and the explanation from there."""
    for idea in ideas:
        if idea["status"] == IdeaStatus.SUBMITTED:
            continue
        answered = min(now, idea["created_at"] + timedelta(days=rng.randint(1, 60)))
        yield {
            "idea_id": idea["id"],
            "official_id": 1,
            "old_status": IdeaStatus.SUBMITTED,
            "new_status": idea["status"],
            "explanation": _sentence(rng, rng.randint(12, 30)) + ".",
            "created_at": answered,
        }


def _vote_rows(rng, votes, users, now):
    voter_ids = range(2, users + 1)
    for idea_id, count in enumerate(votes, start=1):
        for user_id in rng.sample(voter_ids, count):
            yield {"user_id": user_id, "idea_id": idea_id, "created_at": now}


def _comment_rows(rng, comments, users, now):
    """Comment rows; the counts given are the published ones, so hidden ones come on top."""
    next_id = 1
    for idea_id, count in enumerate(comments, start=1):
        top_level = []
        for place in range(count):
            parent = rng.choice(top_level) if top_level and rng.random() < 0.3 else None
            row = {
                "id": next_id,
                "idea_id": idea_id,
                "author_id": rng.randrange(2, users + 1),
                "parent_id": parent,
                "body": _sentence(rng, rng.randint(10, 40)) + ".",
                "moderation_state": ModerationState.PUBLISHED,
                "created_at": now - timedelta(minutes=(count - place) * 7),
            }
            if parent is None:
                top_level.append(next_id)
            next_id += 1
            yield row
        if count and idea_id != THE_50_COMMENT_IDEA and rng.random() < 0.05:
            yield {
                "id": next_id,
                "idea_id": idea_id,
                "author_id": rng.randrange(2, users + 1),
                "parent_id": None,
                "body": "Verborgen reactie.",
                "moderation_state": ModerationState.HIDDEN,
                "created_at": now,
            }
            next_id += 1


def _move_sequences_past_ids() -> None:
    if db.engine.dialect.name != "postgresql":
        return
    for table in ("user", "theme", "idea", "comment", "vote", "round", "round_phase"):
        db.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'(SELECT COALESCE(MAX(id), 1) FROM "{table}"))'
            )
        )


def load_bench(ideas: int, votes: int, comments: int, users: int, seed: int = 7) -> None:
    """Fill an empty, migrated database; sizes are the totals asked for."""
    rng = random.Random(seed)
    now = utcnow()
    users = max(users, 2)
    vote_counts = _skewed_counts(rng, votes, ideas, cap=users - 1)
    comment_counts = _skewed_counts(rng, comments, ideas, cap=500)
    # Move comments so that the idea the bench reads has exactly 50.
    if ideas > 1:
        extra = comment_counts[0] - 50
        comment_counts[0] = 50
        comment_counts[1] = max(0, comment_counts[1] + extra)
    _users(users, now)
    _themes(now)
    rounds, phases, links = round_rows(THEMES, now)
    _bulk(Round, rounds)
    _bulk(Phase, phases)
    _bulk(round_theme, links)
    _ideas(rng, ideas, users, vote_counts, comment_counts, now)
    _bulk(Vote, _vote_rows(rng, vote_counts, users, now))
    _bulk(Comment, _comment_rows(rng, comment_counts, users, now))
    _move_sequences_past_ids()
    db.session.commit()
    # Fresh statistics (and on PostgreSQL a visibility map, for index-only scans).
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text("VACUUM ANALYZE" if connection.dialect.name == "postgresql" else "ANALYZE")
        )
