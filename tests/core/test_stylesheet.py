"""The app's own stylesheet stays well-formed: merges have dropped a closing brace before."""

from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "app.css"


def test_every_block_in_app_css_is_closed():
    # Without its "}" a rule swallows every later rule: browsers that support CSS nesting
    # then apply them only inside that rule's element, i.e. almost nowhere, without any error.
    depth = 0
    for number, line in enumerate(STYLESHEET.read_text().splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"app.css line {number}: '}}' without a block to close"
        if not line.startswith((" ", "\t", "}")) and line.strip() and "{" in line:
            opened_at_top = depth == 1 or line.startswith("@")
            assert opened_at_top, f"app.css line {number}: a rule opens inside an unclosed block"
    assert depth == 0, "app.css ends inside an unclosed block"
