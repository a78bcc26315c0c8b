"""Setting up rounds (staff) and telling participants when a phase opens."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask import current_app, has_request_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, select, union
from sqlalchemy.exc import IntegrityError

from participation.auth import tokens
from participation.auth.models import User
from participation.comments.models import Comment
from participation.core import clock
from participation.core.locks import begin_writing, decide_again, locked
from participation.core.mail import queue_mail
from participation.core.urls import external_url
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.log import record_action
from participation.rounds.models import Phase, Round, RoundMailOptOut
from participation.rounds.phases import PhaseKind
from participation.voting.models import Vote

UNSUBSCRIBE = "round-mail-unsubscribe"
UNSUBSCRIBE_MAX_AGE = 3 * 365 * 24 * 3600  # the link in an old mail keeps working


class RoundError(Exception):
    """Input the service refuses; `field` names the form field, `message` says why."""

    def __init__(self, field: str, message):
        super().__init__(field)
        self.field, self.message = field, message


@dataclass(frozen=True)
class PhaseInput:
    """A phase as staff enter it: whole local days, the end day included."""

    kind: str
    first_day: date
    last_day: date
    vote_budget: int | None = None

    @property
    def starts_at(self) -> datetime:
        return clock.from_local(datetime.combine(self.first_day, time()))

    @property
    def ends_at(self) -> datetime:
        return clock.from_local(datetime.combine(self.last_day + timedelta(days=1), time()))


def check_phases(phases: list[PhaseInput], allow_gaps: bool) -> list[tuple[int, str]]:
    """Problems as (index of the phase, message): ordered, no overlap, no gap unless
    intended, each ending on or after its first day; at least one phase."""
    if not phases:
        return [(0, _l("Add at least one phase."))]
    problems = []
    for index, phase in enumerate(phases):
        if phase.kind not in PhaseKind.ALL:
            problems.append((index, _l("Choose what residents can do in this phase.")))
        if phase.last_day < phase.first_day:
            problems.append((index, _l("The last day must be on or after the first day.")))
        if phase.vote_budget is not None and phase.kind != PhaseKind.SUPPORT:
            problems.append((index, _l("Only a support phase can limit the votes.")))
        if index == 0:
            continue
        before = phases[index - 1]
        if phase.first_day <= before.last_day:
            problems.append((index, _l("This phase starts before the previous one ends.")))
        elif phase.first_day > before.last_day + timedelta(days=1) and not allow_gaps:
            problems.append(
                (index, _l("There is a gap before this phase. Close it, or allow gaps."))
            )
    return problems


def _apply(round_: Round, title, slug, question, introduction, themes, phases) -> list[str]:
    """Set the round's fields and phases; what changed in the phases, in words for the log."""
    round_.title, round_.slug = title.strip(), slug
    round_.question, round_.introduction = question.strip(), introduction.strip()
    round_.themes = list(themes)
    moment = clock.now()
    changed = []
    kept = list(round_.phases)
    for index, wanted in enumerate(phases):
        if index < len(kept):
            phase = kept[index]
            old = (phase.kind, phase.starts_at, phase.ends_at)
            new = (wanted.kind, wanted.starts_at, wanted.ends_at)
            if old != new:
                changed.append(_describe(old) + " -> " + _describe(new))
            if phase.kind != wanted.kind or wanted.starts_at > moment:
                phase.notified_at = None  # a new phase, or one that has not opened yet
        else:
            phase = Phase()
            round_.phases.append(phase)
            changed.append("+ " + _describe((wanted.kind, wanted.starts_at, wanted.ends_at)))
        phase.kind, phase.vote_budget = wanted.kind, wanted.vote_budget
        phase.starts_at, phase.ends_at = wanted.starts_at, wanted.ends_at
    for phase in kept[len(phases) :]:
        changed.append("- " + _describe((phase.kind, phase.starts_at, phase.ends_at)))
        round_.phases.remove(phase)
    return changed


def _describe(phase: tuple) -> str:
    kind, starts_at, ends_at = phase
    first = clock.to_local(starts_at).date()
    last = clock.to_local(ends_at - timedelta(seconds=1)).date()
    return f"{kind} {first.isoformat()}..{last.isoformat()}"


def _running(round_: Round) -> bool:
    moment = clock.now()
    return bool(round_.phases) and round_.starts_at <= moment < round_.ends_at


def _flush_unique_slug() -> None:
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise RoundError("slug", _l("Another round already uses this address.")) from None


def create_round(admin, title, slug, question, introduction, themes, phases) -> Round:
    """A new round, as a draft: residents see it once it is published."""
    locked(admin, shared=True)
    decide_again(admin, "admin.rounds")
    round_ = Round(is_published=False)
    db.session.add(round_)
    _apply(round_, title, slug, question, introduction, themes, phases)
    _flush_unique_slug()
    record_action(admin, "round.create", "round", round_.id, note=round_.slug)
    db.session.commit()
    return round_


def update_round(admin, round_: Round, title, slug, question, introduction, themes, phases):
    """Change a round; new dates of a running round are logged with the old ones."""
    locked(admin, shared=True)
    round_ = locked(round_)
    decide_again(admin, "admin.rounds")
    was_running = _running(round_)
    changed = _apply(round_, title, slug, question, introduction, themes, phases)
    _flush_unique_slug()
    action = "round.change_dates" if changed and was_running else "round.update"
    record_action(admin, action, "round", round_.id, note="; ".join(changed) or round_.slug)
    db.session.commit()


def publish_round(admin, round_: Round, published: bool = True) -> None:
    locked(admin, shared=True)
    round_ = locked(round_)
    decide_again(admin, "admin.rounds")
    if not round_.phases and published:
        raise RoundError("phases", _l("Add at least one phase."))
    # Residents' ideas are public once placed: their round cannot disappear behind them.
    has_ideas = db.session.scalar(select(exists().where(Idea.round_id == round_.id)))
    if not published and has_ideas:
        raise RoundError("publish", _l("A round with ideas cannot become a draft again."))
    round_.is_published = published
    action = "round.publish" if published else "round.unpublish"
    record_action(admin, action, "round", round_.id, note=round_.slug)
    db.session.commit()


def themes_by_ids(ids) -> list[Theme]:
    return list(db.session.scalars(select(Theme).where(Theme.id.in_(list(ids)))))


# --- Telling participants that a phase opened (`flask rounds notify`, from cron) ---------


def participants(round_: Round) -> list[User]:
    """Everyone who took part so far (ideas, comments, support), who wants mail from us."""
    idea_ids = select(Idea.id).where(Idea.round_id == round_.id)
    people = union(
        select(Idea.author_id.label("user_id")).where(Idea.round_id == round_.id),
        select(Vote.user_id).where(Vote.idea_id.in_(idea_ids)),
        select(Comment.author_id).where(Comment.idea_id.in_(idea_ids)),
    ).subquery()
    opted_out = exists().where(RoundMailOptOut.user_id == User.id)
    statement = (
        select(User)
        .where(User.id.in_(select(people.c.user_id)), User.confirmed_at.is_not(None))
        .where(User.notify_by_email.is_(True), ~opted_out)
        .order_by(User.id)
    )
    return list(db.session.scalars(statement))


def notify_opened_phases() -> int:
    """Queue one mail per participant for every phase that opened since the last run.

    Idempotent: a phase is marked in the same transaction as its mails, and its row is
    locked, so two runs at once mail nobody twice. Phases that opened and already ended
    before any run (a round set up in the past) are marked without mail.
    """
    if not has_request_context():
        # From cron there is no request; url_for needs one (links still use BASE_URL).
        with current_app.test_request_context():
            return notify_opened_phases()
    begin_writing()
    moment = clock.now()
    statement = (
        select(Phase)
        .join(Round)
        .where(Round.is_published.is_(True), Phase.notified_at.is_(None))
        .where(Phase.starts_at <= moment)
        .order_by(Phase.starts_at)
        .with_for_update(skip_locked=True, of=Phase)
    )
    queued = 0
    for phase in db.session.scalars(statement).all():
        phase.notified_at = moment
        if phase.ends_at <= moment:
            continue
        for user in participants(phase.round):
            _queue_phase_mail(user, phase)
            queued += 1
    db.session.commit()
    return queued


def _queue_phase_mail(user: User, phase: Phase) -> None:
    token = tokens.make_token(UNSUBSCRIBE, {"uid": user.id})
    queue_mail(
        user.email,
        "rounds/phase_opened",
        _l("A new phase has started in “%(title)s”", title=phase.round.title),
        locale=user.preferred_locale,
        user=user,
        phase=phase,
        round_url=external_url("rounds.show", slug=phase.round.slug),
        unsubscribe_url=external_url("rounds.unsubscribe", token=token),
    )


def user_for_unsubscribe(token: str) -> User | None:
    payload = tokens.read_token(UNSUBSCRIBE, token, UNSUBSCRIBE_MAX_AGE)
    if payload is None:
        return None
    return db.session.get(User, payload.get("uid"))


def stop_round_mail(user: User) -> None:
    """Switch off round mails for the account; doing it twice changes nothing."""
    begin_writing()
    if db.session.get(RoundMailOptOut, user.id) is None:
        db.session.add(RoundMailOptOut(user_id=user.id))
    db.session.commit()
