"""Sectors of generic actor nouns for the actors stage ("army", "police station", "Muslim
leaders", "Burkina Faso's displaced"), read from ``sectors.tsv`` (no document state)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bowerbird.stages.actor_phrases import GENERIC_PERSON_HEADS, STATE_MODIFIERS

SectorTable = dict[str, tuple[str, str]]

#: Nouns for organisations and units whose sector is their modifier's ("paramilitary
#: organization", "Islamist movement", "rebel faction"); alone they name no sector.
COLLECTIVE_HEADS = frozenset(
    {"organization", "organisation", "movement", "outfit", "unit", "faction", "wing", "body"}
)
#: Nouns for the office of a post-holder: "the ombudsman's office" is what the ombudsman is.
OFFICE_HEADS = frozenset({"office", "department", "bureau", "secretariat", "headquarters", "staff"})
#: The least specific sector: a modifier naming another sector is preferred over it
#: ("Jewish community leader" is religious, "tribal police" police).
CIVILIAN = "CVL"


def lemma_of(tok: Token) -> str:
    """Lower-case lemma; plural proper nouns ("Forces") are not lemmatised by the tagger."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_ and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def _hit(sectors: SectorTable, tok: Token) -> tuple[str, str] | None:
    return sectors.get(lemma_of(tok)) or sectors.get(tok.lower_)


def sector_of(sectors: SectorTable, head: Token) -> str | None:
    """The sector a head noun names: a lexicon phrase ending at the head ("central bank",
    "self defense force"), the head ("army"), or a modifier ("police station", "army
    officers"); a place noun ("market", "village") gives its sector only as the head."""
    mods = [c for c in head.lefts if c.dep_ in {"compound", "amod"}]
    head_lemma = lemma_of(head)
    state_owned = any(m.lower_ in STATE_MODIFIERS for m in mods)
    phrase_hit = _phrase_hit(sectors, mods, head)
    if phrase_hit is not None:
        return "GOV" if state_owned and phrase_hit in {"MED", "BUS"} else phrase_hit
    head_hit = sectors.get(head_lemma) or sectors.get(head.lower_)
    if head_hit is not None and head_hit[0] in {"MED", "BUS"} and state_owned:
        return "GOV"  # "state news agency", "state-owned company"
    generic = head_lemma in GENERIC_PERSON_HEADS or head_lemma in COLLECTIVE_HEADS
    if head_hit is not None and not generic:
        return head_hit[0]
    # "opposition leader", "Muslim leaders", "army officers", "paramilitary organization"
    found = [
        hit[0]
        for m in _modifier_words(mods, generic)
        if (hit := _hit(sectors, m)) is not None and hit[1] != "place"
    ]
    if head_lemma in OFFICE_HEADS:  # "the ombudsman's office", "the office of the mayor"
        found += [h[0] for t in _office_holders(head) if (h := _hit(sectors, t)) is not None]
    if found:
        return next((s for s in found if s != CIVILIAN), found[0])
    return head_hit[0] if head_hit is not None else None


def _modifier_words(mods: list[Token], generic: bool) -> list[Token]:
    """Modifiers that can give a head its sector, nearest first: compounds ("army
    officers"), any modifier of a generic head ("Muslim leaders"), and the modifiers of a
    compound of a generic head ("Muslim" in "Muslim community leader")."""
    out: list[Token] = []
    for m in reversed(mods):
        if generic or m.dep_ == "compound":
            out.append(m)
        if generic and m.dep_ == "compound":
            out += [c for c in reversed(list(m.lefts)) if c.dep_ in {"amod", "compound"}]
    return out


def _phrase_hit(sectors: SectorTable, mods: list[Token], head: Token) -> str | None:
    """A multi-word lexicon entry ending at the head: the two or three words before it
    ("self-defense force", "self defense force"), then one modifier and the head."""
    doc = head.doc
    head_lemma = lemma_of(head)
    for k in (4, 3, 2):  # up to three words (a hyphen is a token of its own)
        start = head.i - k
        if start < head.left_edge.i or doc[start].text == "-":
            continue
        words = "".join(lemma_of(t) + t.whitespace_ for t in doc[start : head.i])
        # modifiers keep their number ("human rights group", not "human right group")
        as_written = "".join(t.lower_ + t.whitespace_ for t in doc[start : head.i])
        for key in (
            words + head_lemma,
            words.replace("-", " ") + head_lemma,
            as_written + head_lemma,
        ):
            hit = sectors.get(key)
            if hit is not None:
                return hit[0]
    for m in reversed(mods):
        hit = sectors.get(f"{lemma_of(m)} {head_lemma}")
        if hit is not None:
            return hit[0]
    return None


def _office_holders(head: Token) -> list[Token]:
    out = [c for c in head.lefts if c.dep_ == "poss"]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out += [p for p in prep.children if p.dep_ == "pobj"]
    return out


def nominal_adjective_span(sectors: SectorTable, tok: Token) -> Span | None:
    """An adjective or participle used as a noun for a group of people ("the displaced",
    "Burkina Faso's displaced"): its phrase, from the determiner or possessor, or None."""
    if tok.pos_ not in {"ADJ", "VERB"} or tok.i == 0 or tok.lower_ not in sectors:
        return None
    if tok.dep_ in {"amod", "compound", "acomp"}:  # "the public prosecutor": a modifier
        return None
    if any(c.dep_ in {"dobj", "pobj", "attr", "acomp"} for c in tok.children):
        return None
    doc: Doc = tok.doc
    before = doc[tok.i - 1]
    if before.tag_ == "POS":  # "X's displaced": the possessor starts the phrase
        return doc[before.head.left_edge.i : tok.i + 1]
    if before.lower_ in {"the", "these", "those"}:
        return doc[tok.i - 1 : tok.i + 1]
    return None


def propn_ngrams(span: Span, longest: int = 3) -> list[str]:
    """Texts of proper-noun sequences in ``span`` (not people's names or demonyms), up to
    ``longest`` words, longer ones first: the candidate place names inside a name."""
    ok = [t.pos_ == "PROPN" and t.ent_type_ not in {"PERSON", "NORP"} for t in span]
    found: list[tuple[int, int, str]] = []
    for i in range(len(span)):
        for n in range(1, longest + 1):
            if i + n > len(span) or not all(ok[i : i + n]):
                break
            found.append((-n, i, span[i : i + n].text))
    return [text for _, _, text in sorted(found)]


#: Nouns for a number or a band of people: "thousands of students", "a group of
#: tourists", "dozens of ethnic Albanians" name the people they count.
QUANTITY_HEADS = frozenset(
    {"ten", "hundred", "thousand", "million", "dozen", "score", "handful", "number"}
    | {"group", "band", "crowd"}
)


def collective_member(head: Token) -> Token | None:
    """The people a quantity or collective noun counts ("thousands of [students]")."""
    if head.lemma_.lower() not in QUANTITY_HEADS and head.lower_ not in QUANTITY_HEADS:
        return None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN"}:
                    return pobj
    return None


def counted_by(tok: Token) -> Token | None:
    """The quantity noun counting ``tok`` ("thousands" for "nurses" in "thousands of
    nurses"), or None."""
    if tok.dep_ != "pobj":
        return None
    outer = tok.head.head
    member = collective_member(outer)
    return outer if member is not None and member.i == tok.i else None
