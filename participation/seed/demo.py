"""The demo municipality: loaded by `make run` into an empty database, for development only."""

import random
from datetime import timedelta

from sqlalchemy import func, select

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.moderation.models import Report, StatusChange
from participation.seed.texts import demo_texts
from participation.voting.models import Vote

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


# Every demo date lies in the past of the moment the demo is loaded; the ideas of a closed
# theme are older than those of the open ones.
CLOSED_ROUND_EARLIER = timedelta(days=240)


def _in_the_past(moment, now):
    """`moment`, or a little before `now` when the random delay would reach past it."""
    return min(moment, now - timedelta(minutes=5))


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
        idea = Idea(
            theme=themes[data["theme"]],
            author_id=rng.choice(residents).id,
            title=data["title"],
            body=data["body"],
            status=data["status"],
            created_at=created,
            moderation_state=ModerationState.PUBLISHED,
        )
        db.session.add(idea)
        db.session.flush()
        supporters = rng.sample(
            residents, k=min(len(residents), round(data["popularity"] * len(residents) / 100))
        )
        for supporter in supporters:
            db.session.add(
                Vote(
                    user_id=supporter.id,
                    idea_id=idea.id,
                    created_at=_in_the_past(created + timedelta(hours=rng.randint(1, 48)), now),
                )
            )
        idea.vote_count = len(supporters)
        counts["votes"] += len(supporters)
        comment_count = 0
        for position, comment_data in enumerate(data["comments"]):
            written = created + timedelta(hours=2 + position * 7, minutes=rng.randint(0, 59))
            comment = Comment(
                idea_id=idea.id,
                author_id=rng.choice(residents).id,
                body=comment_data["body"],
                created_at=_in_the_past(written, now),
            )
            db.session.add(comment)
            db.session.flush()
            comment_count += 1
            for offset, reply in enumerate(comment_data.get("replies", [])):
                db.session.add(
                    Comment(
                        idea_id=idea.id,
                        parent_id=comment.id,
                        author_id=rng.choice(residents).id,
                        body=reply,
                        created_at=_in_the_past(written + timedelta(hours=offset + 1), now),
                    )
                )
                comment_count += 1
        idea.comment_count = comment_count
        if data["status"] != IdeaStatus.SUBMITTED:
            db.session.add(
                StatusChange(
                    idea_id=idea.id,
                    official_id=official.id,
                    old_status=IdeaStatus.SUBMITTED,
                    new_status=data["status"],
                    explanation=data["explanation"],
                    created_at=_in_the_past(created + timedelta(days=rng.randint(2, 40)), now),
                )
            )
        counts["comments"] += comment_count
    _moderation_examples(themes, residents)
    db.session.commit()
    return {
        "themes": len(themes),
        "ideas": len(demo_texts()["ideas"]),
        "votes": counts["votes"],
        "comments": counts["comments"],
        "users": len(residents) + len(STAFF_ACCOUNTS),
    }
