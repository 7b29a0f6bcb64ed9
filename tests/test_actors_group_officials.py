"""Actors: an unnamed official of an armed or political group is that group (own sentences).

A group may have several spokesmen or commanders at once, so "a Taliban spokesman" is not
an office holder looked up by date but the group itself, before and after it took power.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("published", ["2019-05-02", "2021-08-16", "2023-03-01"])
@pytest.mark.parametrize("noun", ["spokesman", "commander", "official"])
def test_group_official_is_the_group(analyse: Any, noun: str, published: str) -> None:
    text = f"A Taliban {noun} said on Sunday that aid workers had nothing to fear."
    art = analyse(text, published)
    mention = next(m for m in art.mentions if m.text.endswith(noun))
    assert mention.actor is not None and mention.actor.actor_id == "org:taliban"
    quote = next(q for q in art.quotes if "nothing to fear" in q.text)
    assert quote.speaker is not None and quote.speaker.actor.actor_id == "org:taliban"


def test_group_spokesman_for_another_group(analyse: Any) -> None:
    art = analyse("A Hamas spokesman said the group had rejected the proposal.", "2024-02-10")
    mention = next(m for m in art.mentions if m.text.endswith("spokesman"))
    assert mention.actor is not None and mention.actor.actor_id == "org:hamas"
