"""Coding conventions applied on top of trigger matching (PLOVER manual, chapter 3).

* Intentions: cooperative actions reported as future or intended ("will visit",
  "is willing to withdraw", "said they will release") are coded AGREE (3.1; CAMEO 03x
  "express intent to ..."); conflictual material actions reported as future or intended
  ("plans to impose restrictions", "will extend the curfew", "would tighten the
  blockade") are coded THREATEN with the matching THREATEN mode (3.11; CAMEO 13x).  The
  event keeps status ``planned``.
* Demands in reported speech: a clause with "must"/"should" under a reporting verb
  ("Britain reiterated that Libya must hand over the suspects") is a REQUEST by the
  speaker to the clause's subject (CAMEO 10x), whatever the clause's own verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from bowerbird.lexicons import Trigger

INTENT_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
INTENT_AS_THREAT = frozenset({"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"})
INTENT_ADJECTIVES = frozenset(
    {
        "willing",
        "prepared",
        "ready",
        "determined",
        "eager",
        "keen",
        "committed",
        "set",
        "poised",
        "likely",
        "unwilling",
    }
)
DEMAND_MODALS = frozenset({"must", "should"})
_THREAT_MODE = {
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "deport"): "expel",
    ("COERCE", "seize"): "territory",
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "withdraw"): "relations",
    ("SANCTION", "discontinue"): "relations",
    ("SANCTION", "convict"): "arrest",
}
_THREAT_DEFAULT = {
    "COERCE": "restrict",
    "SANCTION": "relations",
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
}
_DEMAND_MODE = {
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "AID": "assist",
    "COOPERATE": "assist",
    "CONSULT": "meet",
    "AGREE": "meet",
}


def intent_coding(
    event_type: str, mode: str | None, status: str
) -> tuple[str, str | None, str | None]:
    """(event_type, mode, cameo) after the intention rules; cameo None = unchanged."""
    if status != "planned":
        return event_type, mode, None
    if event_type in INTENT_AS_AGREE:
        return "AGREE", None, "03"
    if event_type in INTENT_AS_THREAT:
        return (
            "THREATEN",
            _THREAT_MODE.get((event_type, mode or ""), _THREAT_DEFAULT[event_type]),
            "13",
        )
    return event_type, mode, None


def demand_clause(tok: Token, reporting: frozenset[str] | set[str]) -> Token | None:
    """If ``tok`` heads a must/should clause under a reporting verb ("said", "declared",
    "reiterated", "insisted" ...) or a demand noun ("a reminder that"), that governor."""
    if tok.dep_ not in {"ccomp", "conj", "acl"} or tok.pos_ not in {"VERB", "AUX"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in tok.children):
        return None
    head = tok.head
    if tok.dep_ == "conj":
        return demand_clause(head, reporting)
    lemma = head.lemma_.lower()
    if head.pos_ in {"VERB", "AUX"} and (lemma in reporting or lemma in DEMAND_VERBS):
        return head
    if head.pos_ == "NOUN" and lemma in DEMAND_NOUNS:
        return head
    return None


DEMAND_VERBS = frozenset(
    {"declare", "reiterate", "insist", "stress", "warn", "tell", "write", "issue"}
)
DEMAND_NOUNS = frozenset({"reminder", "demand", "warning", "message", "statement", "call"})


def demand_trigger(clause_row: Trigger | None) -> Trigger:
    """The REQUEST row for a demand whose content is ``clause_row``'s event (if any)."""
    mode = _DEMAND_MODE.get(clause_row.event_type, "change") if clause_row else "change"
    return Trigger(
        lemma="must",
        pos="VERB",
        particle="",
        event_type="REQUEST",
        mode=mode,
        context=clause_row.context if clause_row else (),
        cameo="10",
        target_preps=(),
        objects=frozenset(),
    )
