"""The demo municipality: loaded by `make run` into an empty database, for development only."""

import random
from datetime import timedelta

from sqlalchemy import func, select

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Report
from participation.seed.placing import place_idea
from participation.seed.rounds import load_demo_rounds
from participation.seed.texts import demo_texts

DEMO_PASSWORD = "inspraak-demo-2026"
STAFF_ACCOUNTS = (
    ("admin@example.org", "Beheerder Voorbeeld", {"is_admin": True}),
    ("moderator@example.org", "Moderator Voorbeeld", {"is_moderator": True}),
    ("official@example.org", "Ambtenaar Voorbeeld", {"is_official": True}),
    ("policy@example.org", "Beleidsmedewerker Voorbeeld", {"is_policy_staff": True}),
)
RESIDENT_EMAIL = "resident@example.org"


def has_data() -> bool:
    return bool(db.session.scalar(select(func.count(Theme.id))))


def _accounts(password_hash: str, now) -> tuple[list[User], list[User]]:
    staff = [
        User(
            email=email,
            display_name=name,
            password_hash=password_hash,
            confirmed_at=now,
            privacy_consent_at=now,
            **roles,
        )
        for email, name, roles in STAFF_ACCOUNTS
    ]
    residents = [
        User(
            email=RESIDENT_EMAIL,
            display_name="Sanne de Vries",
            password_hash=password_hash,
            confirmed_at=now,
            privacy_consent_at=now,
        )
    ]
    for number, name in enumerate(demo_texts()["residents"], start=1):
        residents.append(
            User(
                email=f"bewoner{number}@example.org",
                display_name=name,
                password_hash=password_hash,
                confirmed_at=now,
                privacy_consent_at=now,
                created_at=now - timedelta(days=200),
            )
        )
    db.session.add_all(staff + residents)
    db.session.flush()
    return staff, residents


def _moderation_examples(themes: dict, residents: list[User]) -> None:
    """Something for the demo moderator: an idea waiting for review and a reported comment."""
    db.session.add(
        Idea(
            theme=themes["veiligheid-en-leefbaarheid"],
            author_id=residents[0].id,
            title="Meer verlichting in het fietstunneltje bij het station",
            body=(
                "In het tunneltje onder het spoor is het 's avonds erg donker. Veel mensen "
                "fietsen er liever niet meer door. Betere lampen maken het veiliger."
            ),
            moderation_state=ModerationState.PENDING,
        )
    )
    comment = db.session.scalar(select(Comment).where(Comment.parent_id.is_(None)).limit(1))
    if comment is None:
        return
    reporters = [user for user in residents if user.id != comment.author_id][:2]
    for reporter, reason in zip(reporters, ("offensive", "off_topic"), strict=False):
        db.session.add(Report(reporter_id=reporter.id, comment_id=comment.id, reason=reason))


# The ideas of a closed theme are older than those of the open ones (placing.place_idea keeps
# every moment in the past).
CLOSED_ROUND_EARLIER = timedelta(days=240)


def load_demo(seed: int = 2026) -> dict[str, int]:
    rng = random.Random(seed)
    now = utcnow()
    staff, residents = _accounts(hash_password(DEMO_PASSWORD), now)
    official = next(user for user in staff if user.is_official)

    themes = {}
    for position, data in enumerate(demo_texts()["themes"]):
        theme = Theme(
            slug=data["slug"],
            name=data["name"],
            description=data["description"],
            is_open=data["is_open"],
            moderation_mode=data["moderation_mode"],
            position=position,
        )
        themes[theme.slug] = theme
    db.session.add_all(themes.values())
    db.session.flush()

    counts = {"votes": 0, "comments": 0}
    for data in demo_texts()["ideas"]:
        created = now - timedelta(days=rng.randint(3, 150), minutes=rng.randint(0, 1440))
        if not themes[data["theme"]].is_open:
            created -= CLOSED_ROUND_EARLIER  # a finished round took place before the open ones
        place_idea(rng, data, themes[data["theme"]], created, residents, official, counts)
    rounds = load_demo_rounds(rng, now, themes, residents, official, counts)
    _moderation_examples(themes, residents)
    db.session.commit()
    return {
        "themes": len(themes),
        "ideas": len(demo_texts()["ideas"]) + counts.get("round_ideas", 0),
        "votes": counts["votes"],
        "comments": counts["comments"],
        "users": len(residents) + len(STAFF_ACCOUNTS),
        "rounds": rounds,
    }
