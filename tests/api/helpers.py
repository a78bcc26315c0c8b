"""The API tests' world: public things beside hidden, waiting, withdrawn and internal ones."""

from dataclasses import dataclass
from datetime import timedelta

from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.moderation.content import hide_item
from participation.moderation.status import set_idea_status
from tests import factories

# Texts that must never leave the API; each test searches every answer for them.
SECRETS = (
    "geheim.adres@example.org",
    "Verborgen idee",
    "Wachtend idee",
    "Ingetrokken idee",
    "Wachtende reactie",
    "Verborgen reactie",
    "Interne notitie van de moderator",
    "ambtenaar.geheim@example.org",
    # A draft round (issue 14): staff prepare it, nobody else may learn of it.
    "concept-stationsplein",
    "Conceptronde Stationsplein",
    "Geheime vraag over het stationsplein",
    "Concepttekst over het stationsplein",
)
ROUND_SLUG = "marktplein"
DRAFT_SLUG = "concept-stationsplein"


@dataclass
class World:
    theme_slug: str
    public_id: int
    hidden_id: int
    pending_id: int
    withdrawn_id: int
    round_slug: str
    draft_slug: str


def build_world(app) -> World:
    with app.test_request_context():  # the services write mail with links
        theme = factories.theme(slug="groen", name="Groen")
        author = factories.user(email="geheim.adres@example.org", display_name="Zichtbare Bewoner")
        official = factories.user(
            email="ambtenaar.geheim@example.org", display_name="Ambtenaar", is_official=True
        )
        moderator = factories.user(is_moderator=True)
        now = utcnow()
        phases = [
            ("ideas", now - timedelta(days=1), now + timedelta(days=13)),
            ("support", now + timedelta(days=13), now + timedelta(days=27), 3),
        ]
        market = factories.participation_round(
            slug=ROUND_SLUG, title="Een groener Marktplein", phases=phases, themes=[theme]
        )
        factories.participation_round(
            slug=DRAFT_SLUG,
            title="Conceptronde Stationsplein",
            question="Geheime vraag over het stationsplein",
            introduction="Concepttekst over het stationsplein",
            phases=phases,
            themes=[theme],
            published=False,
        )
        public = factories.idea(theme, author, title="Meer bomen in het park")
        hidden = factories.idea(theme, author, title="Verborgen idee")
        pending = factories.idea(
            theme, author, title="Wachtend idee", moderation_state=ModerationState.PENDING
        )
        withdrawn = factories.idea(theme, author, title="Ingetrokken idee", withdrawn_at=utcnow())
        db.session.add_all(
            [
                Comment(idea_id=public.id, author_id=author.id, body="Goed plan, doen!"),
                Comment(
                    idea_id=public.id,
                    author_id=author.id,
                    body="Wachtende reactie",
                    moderation_state=ModerationState.PENDING,
                ),
                Comment(idea_id=hidden.id, author_id=author.id, body="Reactie bij verborgen idee"),
            ]
        )
        hidden_comment = Comment(idea_id=public.id, author_id=author.id, body="Verborgen reactie")
        db.session.add(hidden_comment)
        db.session.commit()
        public.comment_count = 2  # the published and the soon hidden one
        db.session.commit()
        hide_item(moderator, hidden, "spam", "Interne notitie van de moderator")
        hide_item(moderator, hidden_comment, "spam", "Interne notitie van de moderator")
        set_idea_status(official, public, "accepted", "We planten dit najaar twintig bomen.")
        public.round_id = market.id  # answered before the round (its phase allows no answer)
        db.session.commit()
        ids = World("groen", public.id, hidden.id, pending.id, withdrawn.id, ROUND_SLUG, DRAFT_SLUG)
        db.session.remove()
    return ids
