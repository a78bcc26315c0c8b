"""The demo municipality's texts, kept as data in demo_texts.json.

Everything in it is fictional: "Gemeente Voorbeeld", its streets, schools and residents do not
exist, and links point to the placeholder domain voorbeeld.nl. An idea's "popularity" is a
relative weight (0-100) for how many demo votes it gets; its "explanation" is the municipality's
official answer, null while the status is "submitted".
"""

import json
from functools import cache
from pathlib import Path

TEXTS = Path(__file__).with_name("demo_texts.json")


@cache
def demo_texts() -> dict:
    return json.loads(TEXTS.read_text(encoding="utf-8"))
