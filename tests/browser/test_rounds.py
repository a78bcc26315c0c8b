"""A round page as assistive technology reads it: the timeline is an ordered list named
"Tijdlijn" whose running phase is the current step; what you can do now is a heading."""

import pytest

pytestmark = pytest.mark.browser

KINDS_NL = ["Informatie", "Ideeën", "Discussie", "Steunen", "Antwoord", "Resultaat"]


def test_timeline_is_an_ordered_list_with_the_current_step(new_context, live):
    page = new_context().new_page()
    page.goto(live.path("/rondes/groener-marktplein"))
    timeline = page.get_by_role("list", name="Tijdlijn")
    assert timeline.evaluate("(list) => list.tagName") == "OL"
    steps = timeline.get_by_role("listitem")
    assert steps.count() == len(KINDS_NL)
    for step, kind in zip(steps.all(), KINDS_NL, strict=True):
        assert step.inner_text().startswith(kind)
    current = timeline.locator("[aria-current=step]")
    assert current.count() == 1
    assert current.inner_text().startswith("Ideeën")
    assert "(nu)" in current.inner_text()
    assert page.get_by_role("heading", name="Wat je nu kunt doen").is_visible()
    assert page.get_by_role("link", name="Dien een idee in voor deze ronde").is_visible()


def test_finished_round_shows_its_result(new_context, live):
    page = new_context().new_page()
    page.goto(live.path("/rondes/fietsroutes-centrum"))
    assert page.get_by_role("list", name="Tijdlijn").locator("[aria-current=step]").count() == 0
    result = page.get_by_role("region", name="Resultaat")
    assert result.get_by_role("heading", name="De antwoorden van de gemeente").is_visible()
    assert result.get_by_role("link", name="Vrijliggend fietspad op de Stationsweg").count() == 2
