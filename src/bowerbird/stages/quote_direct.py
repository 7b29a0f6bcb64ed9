"""Direct quotations: quoted pieces grouped into quotes, their cue and their speaker.

Part of the quotes stage (:mod:`bowerbird.stages.quotes`, whose docstring gives the
conventions): pieces between quotation marks that only a short cue separates form one
quote (“A,” he said, “B”); the cue is looked for between the pieces, in the sentences where
the quote starts and ends, in a clause that introduces it with a colon, or after it; a
quoted paragraph with no cue continues the quote before it; "Headline - Name: “...”" and
quoted transcript lines ("“WALLACE: ...”") are attributed to the name.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from bowerbird.records import Quote
from bowerbird.stages import quote_content as qc
from bowerbird.stages import quote_layout as ql
from bowerbird.stages import quote_rules as qr

Piece = tuple[int, int]
#: Entity types that can name a speaker before a colon ("... pollster Daron Shaw: “...”").
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class DirectQuotes:
    """Finds direct quotes with the quotes stage's cue tests (``is_cue``: any reporting
    verb; ``is_direct_cue``: one that may introduce a quotation)."""

    def __init__(
        self, is_cue: Callable[[Token], bool], is_direct_cue: Callable[[Token], bool]
    ) -> None:
        self._is_cue = is_cue
        self._is_direct_cue = is_direct_cue

    def groups(self, doc: Doc, text: str) -> list[list[Piece]]:
        """Quoted content spans; consecutive pieces split only by a short cue are grouped."""
        pieces: list[Piece] = []
        for start, end in ql.quoted_spans(text):
            if " " not in text[start:end].strip():
                continue
            if end - start >= qr.MIN_QUOTE_CHARS or self._cue_follows(doc, end):
                pieces.append((start, end))  # short ones only as “It’s fine,” he said
        pieces = sorted(pieces + ql.open_paragraphs(text))
        groups: list[list[Piece]] = []
        for p in pieces:
            if groups:
                prev_end = groups[-1][-1][1]
                lo, hi = ql.mark_after(text, prev_end), ql.mark_before(text, p[0])
                between = text[lo:hi]
                span = doc.char_span(lo, hi, alignment_mode="contract")
                if (
                    len(between) < 80
                    and "\n" not in between
                    and between.strip()[-1:] in {",", ".", ":", "—"}
                    and span is not None
                    and sum(1 for t in span if t.pos_ in {"VERB", "AUX"}) == 1
                    and any(self._is_direct_cue(t) for t in span)
                ):
                    groups[-1].append(p)
                    continue
            groups.append([p])
        return groups

    def _cue_follows(self, doc: Doc, end: int) -> bool:
        """A reporting verb within a few words after a closing quotation mark."""
        last = doc[-1].idx + len(doc[-1]) if len(doc) else 0
        span = doc.char_span(end, min(end + 40, last), alignment_mode="contract")
        if span is None or not len(span) or span[0].text not in {",", "”", '"', "''"}:
            return False
        for tok in span[:6]:
            if tok.pos_ in {"VERB", "AUX"}:
                return self._is_direct_cue(tok)
        return False

    def quote(
        self,
        doc: Doc,
        full: str,
        group: list[Piece],
        doc_id: str,
        date: str | None,
        mentions: qr.MentionIndex,
        prev: Quote | None,
    ) -> Quote | None:
        start, end = group[0][0], group[-1][1]
        quoted = " ".join(full[a:b].strip() for a, b in group)
        span = doc.char_span(start, end, alignment_mode="expand")
        sidx = qr.sentence_index(doc, span.start if span is not None else 0)
        label = ql.transcript_label(full, start)
        if label is not None:  # "“WALLACE: If I may, sir, ...”": a quoted transcript line
            line = (label[0], label[1], start, end)
            q = self.headline(doc, full, line, doc_id, date, mentions)
            return dataclasses.replace(q, direct=True, text=quoted)
        cue = self._cue_near(doc, group)
        if cue is None:
            # a quoted paragraph right after a quote continues it, with the same speaker
            continues = (
                prev is not None
                and ql.whole_paragraph(full, start, end)
                and full[prev.end : start].count("\n") <= 8
                and prev.speaker_start >= 0
            )
            if prev is None or not continues:
                # a quoted statement with no attribution is kept without a speaker;
                # short quoted phrases (titles, scare quotes) are not statements
                if span is None or not qc.statement_like(span):
                    return None
                return Quote(
                    quote_id=qr.quote_id(doc_id, start, end),
                    doc_id=doc_id,
                    text=quoted,
                    direct=True,
                    speaker=None,
                    speaker_text=None,
                    cue=None,
                    start=start,
                    end=end,
                    date=date,
                    sentence_index=sidx,
                )
            return dataclasses.replace(
                prev,
                quote_id=qr.quote_id(doc_id, start, end),
                text=quoted,
                start=start,
                end=end,
                sentence_index=sidx,
                event_ids=(),
            )
        byline = ql.is_dash(cue)
        if cue.text != ":" and cue.lower_ != "according" and not byline:
            cue = qr.enclosing_cue(cue, self._is_cue) or cue
        if byline:
            speaker_tok = ql.byline_name(cue)
        else:
            speaker_tok = doc[cue.i - 1] if cue.text == ":" else qr.speaker_of(cue)
        if speaker_tok is None or not qr.plausible_speaker(speaker_tok, group):
            speaker_tok = qr.speaker_next_to(doc, cue, group)
        a, b = qr.speaker_bounds(speaker_tok) if speaker_tok is not None else (-1, -1)
        return Quote(
            quote_id=qr.quote_id(doc_id, start, end),
            doc_id=doc_id,
            text=quoted,
            direct=True,
            speaker=mentions.at(qr.antecedent(speaker_tok)),
            speaker_text=qr.np_text(speaker_tok),
            cue="according to" if cue.lower_ == "according" else cue.text,
            start=start,
            end=end,
            date=date,
            sentence_index=sidx,
            speaker_start=a,
            speaker_end=b,
        )

    def _cue_near(self, doc: Doc, group: list[Piece]) -> Token | None:
        """A reporting verb outside the quoted pieces, next to the quote.

        Looks in the sentences where the quote ends and starts (nearest cue first), then
        in the sentence before it when that sentence introduces it with a colon.
        """
        start, end = group[0][0], group[-1][1]
        for (_, a), (b, _) in itertools.pairwise(group):
            # “A,” said Griffin. “B”: the cue that splits the quotation is its cue
            gap = doc.char_span(a, b, alignment_mode="contract")
            cue = next((t for t in gap or () if self._is_direct_cue(t)), None)
            if cue is not None:
                return cue
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        last = doc.char_span(end - 1, end, alignment_mode="expand")
        sents: list[Span] = []
        for sp in (last, first):
            if sp is not None and sp.sent not in sents:
                sents.append(sp.sent)
        if last is not None and last.end + 1 < len(doc):
            # "“... ?” Sanders replied." split into its own short sentence by the parser
            after = doc[last.end + 1].sent if doc[last.end].is_quote else doc[last.end].sent
            if after not in sents and after.start_char - end <= 3:
                # a longer sentence counts by its opening words ("” Trump told ITV ...")
                sents.append(after if len(after) <= 8 else after[:4])
        for sent in sents:
            best: tuple[int, Token] | None = None
            for tok in sent:
                if any(a - 1 <= tok.idx < b + 1 for a, b in group):
                    continue
                if tok.lower_ == "according" and qr.next_is(tok, "to"):
                    return tok
                if self._is_direct_cue(tok):
                    dist = min(abs(tok.idx - end), abs(tok.idx - start))
                    if best is None or dist < best[0]:
                        best = (dist, tok)
            if best is not None:
                return best[1]
        if first is not None:
            intro = colon_intro(doc, first)
            if intro is not None:
                for tok in reversed(list(intro)):
                    if self._is_direct_cue(tok) or tok.lower_ == "according":
                        return tok
                # "She then addressed the supporters again: “...”": the clause's verb
                root = intro.root
                if root.pos_ in {"VERB", "AUX"} and qr.subject(root) is not None:
                    return root
                # "... Republican pollster Daron Shaw: “...”": the name before the colon
                name = intro[-2] if len(intro) > 1 else None
                if name is not None and (
                    name.ent_type_ in SPEAKER_ENTS or name.pos_ == "PROPN" or ql.from_source(name)
                ):
                    return intro[-1]
        trailing = ql.trailing_cue(doc, doc.text, end) or ql.dash_byline(doc, doc.text, end)
        if trailing is not None:
            return trailing
        return qr.governing_cue(doc, group, self._is_cue)

    def headline(
        self,
        doc: Doc,
        text: str,
        spans: tuple[int, int, int, int],
        doc_id: str,
        date: str | None,
        mentions: qr.MentionIndex,
    ) -> Quote:
        sa, sb, ca, cb = spans
        span = doc.char_span(sa, sb, alignment_mode="expand")
        head = span.root if span is not None else None
        return Quote(
            quote_id=qr.quote_id(doc_id, ca, cb),
            doc_id=doc_id,
            text=text[ca:cb],
            direct=False,
            speaker=mentions.at(head),
            speaker_text=text[sa:sb],
            cue=":",
            start=ca,
            end=cb,
            date=date,
            sentence_index=qr.sentence_index(doc, span.start if span is not None else 0),
            speaker_start=sa,
            speaker_end=sb,
        )


def colon_intro(doc: Doc, first: Span) -> Span | None:
    """The sentence ending with ":" just before a quote ("He said: “...”")."""
    i = first.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {"“", '"', "''"}):
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    sent = doc[i].sent
    # "Headline words - Mark Smith: “...”": the attribution is the part after the dash
    dashes = [t.i for t in doc[sent.start : i] if ql.is_dash(t) and t.whitespace_]
    dash = max(dashes, default=sent.start - 1)
    return doc[dash + 1 : i + 1]
