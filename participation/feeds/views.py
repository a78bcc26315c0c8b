"""Atom feeds (RFC 4287) of ideas, for feed readers and for neighbourhood websites."""

from flask import Blueprint, abort, current_app, render_template, request

from participation.feeds import service

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
ATOM = "application/atom+xml; charset=utf-8"


def _answer(feed: service.Feed):
    body = render_template(
        "feeds/atom.xml", feed=feed, municipality=current_app.config["MUNICIPALITY_NAME"]
    )
    return body, 200, {"Content-Type": ATOM}


@bp.route("/ideas.atom")
def all_ideas():
    return _answer(service.all_ideas())


@bp.route("/search.atom")
def search():
    return _answer(service.search(request.args.get("q", "")[:200]))


@bp.route("/<kind>/<slug>.atom")
def scoped(kind, slug):
    build = service.SCOPED.get(kind)
    feed = build(slug) if build is not None else None
    if feed is None:
        abort(404)
    return _answer(feed)
