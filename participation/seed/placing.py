"""Placing one demo idea with its votes, comments and answer; shared by themes and rounds."""

from datetime import timedelta

from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus
from participation.moderation.models import StatusChange
from participation.voting.models import Vote


def place_idea(rng, data, theme, created, residents, official, counts, round_id=None) -> Idea:
    """One demo idea with its votes, comments and answer; nothing dated after now."""
    now = utcnow()

    def past(moment):
        return min(moment, now - timedelta(minutes=1))

    idea = Idea(
        theme=theme,
        round_id=round_id,
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
        voted = past(created + timedelta(hours=rng.randint(1, 48)))
        db.session.add(Vote(user_id=supporter.id, idea_id=idea.id, created_at=voted))
    idea.vote_count = len(supporters)
    counts["votes"] += len(supporters)
    comment_count = 0
    for position, comment_data in enumerate(data["comments"]):
        written = past(created + timedelta(hours=2 + position * 7, minutes=rng.randint(0, 59)))
        comment = Comment(
            idea_id=idea.id,
            author_id=rng.choice(residents).id,
            body=comment_data["body"],
            created_at=written,
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
                    created_at=past(written + timedelta(hours=offset + 1)),
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
                created_at=past(created + timedelta(days=rng.randint(2, 40))),
            )
        )
    counts["comments"] += comment_count
    return idea
