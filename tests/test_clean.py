"""Tests for the clean stage and its furniture filter (all inputs written by hand)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowerbird.errors import REJECTION_CODES, RejectedDocument
from bowerbird.records import Article, Document, RawDocument
from bowerbird.settings import Settings
from bowerbird.stages.clean import CleanStage, english_ratio, iso_day, looks_truncated
from bowerbird.stages.furniture import RULES, FilterResult, filter_furniture

SETTINGS = Settings()
STAGE = CleanStage()

# Article paragraphs of our own (each at least 25 words, so no rule can take them).
PARAGRAPHS = (
    "Dock workers at the port of Mombasa walked off the job on Monday, halting the unloading "
    "of several container ships as a long dispute over wages deepened.",
    "The union representing the workers said its members had not received a promised salary "
    "increase for two years and would stay away until the port authority returned to talks.",
    "A spokesman for the port authority said the strike was illegal and urged employees to "
    "return to work, adding that the government would not be held to ransom by a small group.",
    "Shipping agents warned that a long stoppage could delay fuel deliveries to Uganda and "
    "Rwanda, which rely on the port for most of their imports, and push up prices.",
    '"We have waited long enough for the money we were promised," a crane operator who gave '
    "only his first name told reporters outside the main gate on Tuesday morning.",
    "Police were deployed around the harbour on Tuesday but there were no reports of clashes, "
    "and the interior ministry said it was monitoring the situation closely.",
)

FURNITURE = {
    "icon_nav": (
        "Menu",
        "Search",
        "Home",
        "Sign in",
        "Log in",
        "Subscribe",
        "☰",
        "×",
        "▶",
        "🔥🔥🔥",
        "Skip to content",
        "World > Asia > Afghanistan",
        "Home | World | Business | Sport",
        "☰ Menu",
    ),
    "paywall": (
        "You have 3 free articles left this month.",
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
        "This article is for subscribers only.",
        "Register for free to read more",
        "Support our journalism",
    ),
    "template_placeholder": (
        "{{ article.headline }}",
        "{% include 'ad-slot.html' %}",
        "${user.displayName}",
        "[[Category:Africa]]",
        "Posted by {{ author }}",
    ),
    "share_widget": (
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Email",
        "Print",
        "Copy link",
        "WhatsApp",
        "Save article",
        "Listen to this article",
        "Reading time: 4 min",
        "Comments (12)",
        "Facebook Twitter Email",
    ),
    "advertisement": (
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored content",
        "Story continues below advertisement",
        "- Advertisement -",
    ),
    "cookie_notice": (
        "We use cookies to give you the best experience on our website.",
        "Accept all cookies",
        "By continuing to use this site you agree to our use of cookies.",
    ),
    "newsletter": (
        "Sign up for our newsletter",
        "Sign up for our morning briefing newsletter",
        "Get the best of the Ledger delivered to your inbox",
    ),
    "copyright": (
        "© 2021 The Coastal Ledger",
        "Copyright 2021 Coastal Media Group. All rights reserved.",
        "All rights reserved.",
    ),
}
ALL_FURNITURE = tuple(line for lines in FURNITURE.values() for line in lines)


def _raw(content: str, fmt: str = "text", **fields: object) -> RawDocument:
    values: dict[str, object] = {
        "doc_id": "doc-1",
        "origin": "test",
        "content": content,
        "fmt": fmt,
        "content_hash": "hash-1",
    }
    values.update(fields)
    return RawDocument(**values)  # type: ignore[arg-type]


def _clean(content: str, fmt: str = "text", **fields: object) -> Document:
    article = STAGE(Article(raw=_raw(content, fmt, **fields)), SETTINGS)
    assert article.document is not None
    return article.document


def _reject_code(content: str, fmt: str = "text", settings: Settings = SETTINGS) -> str:
    with pytest.raises(RejectedDocument) as info:
        STAGE(Article(raw=_raw(content, fmt)), settings)
    assert info.value.reason in REJECTION_CODES
    return info.value.reason


def _with(line: str) -> str:
    """A furniture line between two article paragraphs."""
    return f"{PARAGRAPHS[0]}\n\n{line}\n\n{PARAGRAPHS[1]}"


def _assert_spans(result: FilterResult, text: str) -> None:
    last_end = 0
    for span in result.dropped:
        assert text[span.start : span.end] == span.text
        assert span.start >= last_end
        assert span.rule in RULES
        last_end = span.end


# --- one test per rule ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "line"), [(rule, line) for rule, lines in FURNITURE.items() for line in lines]
)
def test_clean_drops_furniture_line_by_rule(rule: str, line: str) -> None:
    text = _with(line)
    result = filter_furniture(text)
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [(d.rule, d.text) for d in result.dropped] == [(rule, line)]
    _assert_spans(result, text)


def test_clean_template_placeholder_inside_sentence_is_cut_alone() -> None:
    text = "The minister {{ minister_name }} said the talks would resume next week in Nairobi."
    result = filter_furniture(text)
    assert result.text == "The minister said the talks would resume next week in Nairobi."
    assert [(d.rule, d.text) for d in result.dropped] == [
        ("template_placeholder", "{{ minister_name }}")
    ]
    _assert_spans(result, text)


def test_clean_repeated_caption_drops_later_copies_only() -> None:
    line = "Workers gather outside the port gate"
    text = f"{line}\n\n{PARAGRAPHS[0]}\n\n{line}\n\n{PARAGRAPHS[1]}\n\n{line}"
    result = filter_furniture(text)
    assert result.paragraphs == (line, *PARAGRAPHS[:2])
    assert [d.rule for d in result.dropped] == ["repeated_caption", "repeated_caption"]
    assert result.dropped[0].start == text.index(line, 1)
    _assert_spans(result, text)


def test_clean_caption_printed_twice_in_a_row_drops_both_copies() -> None:
    line = "The skyline of Riyadh at dusk. Harbour Post archive."
    text = f"{PARAGRAPHS[0]}\n\n{line}\n{line}\n\n{PARAGRAPHS[1]}"
    result = filter_furniture(text)
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [(d.rule, d.start) for d in result.dropped] == [
        ("repeated_caption", text.index(line)),
        ("repeated_caption", text.rindex(line)),
    ]
    _assert_spans(result, text)


def test_clean_repeated_caption_with_credit_drops_all_copies() -> None:
    line = "Workers gather outside the port gate on Monday. AFP"
    text = f"{PARAGRAPHS[0]}\n\n{line}\n\n{PARAGRAPHS[1]}\n\n{line}"
    result = filter_furniture(text)
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [(d.rule, d.start) for d in result.dropped] == [
        ("repeated_caption", text.index(line)),
        ("repeated_caption", text.rindex(line)),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Workers gather outside the port gate on Monday. (Photo: Ledger/Staff)",
        "Photo: Dock workers block the main gate",
        "Riot police stand guard near the harbour. REUTERS/Jane Roe",
        "A crane stands idle in Mombasa. File photo",
    ],
)
def test_clean_caption_credit_line_is_dropped(line: str) -> None:
    result = filter_furniture(_with(line))
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [d.rule for d in result.dropped] == ["caption_credit"]


def test_clean_related_tail_runs_to_end_of_document() -> None:
    text = "\n\n".join(
        [
            *PARAGRAPHS[:3],
            "Related articles",
            "Kenya raises fuel prices again",
            "Traders protest new taxes in Kampala",
            "The finance ministry says the rise is needed.",
        ]
    )
    result = filter_furniture(text)
    assert result.paragraphs == PARAGRAPHS[:3]
    assert {d.rule for d in result.dropped} == {"related_tail"}
    assert len(result.dropped) == 4
    _assert_spans(result, text)


@pytest.mark.parametrize(
    "heading",
    ["Read more", "More on this story", "Most popular", "Editor’s picks", "You may also like"],
)
def test_clean_related_tail_stops_at_article_paragraph(heading: str) -> None:
    text = "\n".join([PARAGRAPHS[0], heading, "Envoy visits Islamabad", PARAGRAPHS[1]])
    result = filter_furniture(text)
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [d.text for d in result.dropped] == [heading, "Envoy visits Islamabad"]


def test_clean_related_inline_link_line_is_dropped() -> None:
    result = filter_furniture(_with("Read more: Kenya raises fuel prices again"))
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [d.rule for d in result.dropped] == ["related_tail"]


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Roe is a correspondent for the Coastal Ledger based in Nairobi.",
        "About the author: Jane Roe covers East Africa.",
        "Follow her on Twitter @janeroe",
        "Contact the author at jane.roe@example.org",
        "Reporting by Jane Roe; Editing by John Doe",
    ],
)
def test_clean_author_bio_at_end_is_dropped(bio: str) -> None:
    text = f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{bio}"
    result = filter_furniture(text)
    assert result.paragraphs == PARAGRAPHS[:2]
    assert [(d.rule, d.text) for d in result.dropped] == [("author_bio", bio)]


def test_clean_bio_like_sentence_inside_article_is_kept() -> None:
    sentence = "Jane Roe is a former correspondent who now advises the port union."
    text = "\n\n".join([PARAGRAPHS[0], sentence, *PARAGRAPHS[1:5]])
    assert filter_furniture(text).paragraphs == (PARAGRAPHS[0], sentence, *PARAGRAPHS[1:5])


def test_clean_keeps_datelines() -> None:
    dateline = "KABUL, Aug 16 (Reuters) -"
    first = f"{dateline} Taliban fighters entered the capital on Sunday, officials said."
    result = filter_furniture(f"{first}\n\n{dateline}\n\n{PARAGRAPHS[0]}")
    assert result.paragraphs == (first, dateline, PARAGRAPHS[0])
    assert result.dropped == ()


def test_clean_keeps_long_paragraph_mentioning_furniture_words() -> None:
    para = (
        "Regulators said many websites tell visitors that we use cookies and ask them to "
        "subscribe to continue reading, a practice the commission wants to review this year "
        "because readers often cannot tell which data are collected or shared with advertisers."
    )
    assert filter_furniture(_with(para)).paragraphs == (PARAGRAPHS[0], para, PARAGRAPHS[1])


# --- paragraphs and whitespace ------------------------------------------------------------


def test_clean_normalises_whitespace_and_paragraph_breaks() -> None:
    text = "  The  talks\tresumed   on Monday.  \r\n\r\n\r\n\nBoth   sides said\u200b progress was made.\n"
    result = filter_furniture(text)
    assert result.text == "The talks resumed on Monday.\n\nBoth sides said progress was made."


def test_clean_rejoins_hard_wrapped_lines() -> None:
    text = (
        "Port workers strike over pay\n"
        "Dock workers at the port of Mombasa walked off the job on Monday, halting\n"
        "the unloading of several container ships as a dispute over wages deepened.\n"
        "The union said its members would stay away until the port authority returned\n"
        "to talks."
    )
    result = filter_furniture(text)
    assert result.paragraphs == (
        "Port workers strike over pay",
        "Dock workers at the port of Mombasa walked off the job on Monday, halting the "
        "unloading of several container ships as a dispute over wages deepened.",
        "The union said its members would stay away until the port authority returned to talks.",
    )


def test_clean_sentence_split_by_furniture_line_is_rejoined() -> None:
    text = (
        "The minister said on Monday that the government would\nAdvertisement\n"
        "not negotiate with the strikers."
    )
    result = filter_furniture(text)
    assert result.text == (
        "The minister said on Monday that the government would not negotiate with the strikers."
    )


def test_clean_html_lines_are_paragraphs() -> None:
    text = "Talks resume in Doha\nNegotiators met again on Thursday\nafter a pause."
    result = filter_furniture(text, lines_are_paragraphs=True)
    assert result.paragraphs == tuple(text.split("\n"))


# --- a realistic scraped page ---------------------------------------------------------------

SCRAPED_PAGE = """Skip to content
☰ Menu
Search
World > Africa > Kenya
Port workers strike over pay in Mombasa
By Amina Odhiambo
Listen to this article
Reading time: 3 min

MOMBASA, Aug 16 - Dock workers at the port of Mombasa walked off the job on Monday,
halting the unloading of several container ships as a dispute over wages deepened.

Advertisement

Cranes stand idle at the container terminal. (Photo: Ledger/Staff)

The union representing the workers said its members had not received a promised
salary increase for two years and would stay away until the port authority returned
to talks.

You have 2 free articles left. Subscribe to continue reading.

A spokesman for the port authority said the strike was illegal and urged {{ promo }}
employees to return to work.

Share this article
Facebook Twitter Email

Amina Odhiambo is a reporter for the Coastal Ledger based in Mombasa.

Related
Kenya raises fuel prices again
Traders protest new taxes in Kampala
Sign up for our newsletter
© 2021 The Coastal Ledger. All rights reserved.
"""


def test_clean_realistic_scraped_page_loses_exactly_its_furniture() -> None:
    doc = _clean(SCRAPED_PAGE)
    assert doc.text == (
        "Port workers strike over pay in Mombasa\n\n"
        "By Amina Odhiambo\n\n"
        "MOMBASA, Aug 16 - Dock workers at the port of Mombasa walked off the job on Monday, "
        "halting the unloading of several container ships as a dispute over wages deepened.\n\n"
        "The union representing the workers said its members had not received a promised "
        "salary increase for two years and would stay away until the port authority returned "
        "to talks.\n\n"
        "A spokesman for the port authority said the strike was illegal and urged employees to "
        "return to work."
    )
    assert [(d.rule, d.text) for d in doc.dropped] == [
        ("icon_nav", "Skip to content"),
        ("icon_nav", "☰ Menu"),
        ("icon_nav", "Search"),
        ("icon_nav", "World > Africa > Kenya"),
        ("share_widget", "Listen to this article"),
        ("share_widget", "Reading time: 3 min"),
        ("advertisement", "Advertisement"),
        ("caption_credit", "Cranes stand idle at the container terminal. (Photo: Ledger/Staff)"),
        ("paywall", "You have 2 free articles left. Subscribe to continue reading."),
        ("template_placeholder", "{{ promo }}"),
        ("share_widget", "Share this article"),
        ("share_widget", "Facebook Twitter Email"),
        ("author_bio", "Amina Odhiambo is a reporter for the Coastal Ledger based in Mombasa."),
        ("related_tail", "Related"),
        ("related_tail", "Kenya raises fuel prices again"),
        ("related_tail", "Traders protest new taxes in Kampala"),
        ("newsletter", "Sign up for our newsletter"),
        ("copyright", "© 2021 The Coastal Ledger. All rights reserved."),
    ]
    for span in doc.dropped:
        assert doc.pre_clean_text[span.start : span.end] == span.text
    assert doc.pre_clean_text == SCRAPED_PAGE
    assert doc.title == "Port workers strike over pay in Mombasa"


# --- the stage: metadata, titles, dates -----------------------------------------------------


def test_clean_stage_contract_and_no_mutation() -> None:
    assert CleanStage.name == "clean"
    assert CleanStage.requires == frozenset({"raw"})
    assert CleanStage.provides == frozenset({"document"})
    article = Article(raw=_raw("\n\n".join(PARAGRAPHS)))
    out = STAGE(article, SETTINGS)
    assert article.document is None
    assert out is not article and out.raw is article.raw
    assert out.document is not None and out.document.fmt == "text"


def test_clean_plain_text_metadata_from_record() -> None:
    doc = _clean(
        "\n\n".join(PARAGRAPHS),
        published="2021-08-16T09:30:00+03:00",
        published_from="record",
        url="https://example.org/a",
        outlet="Coastal Ledger",
        title="Strike at Mombasa port",
    )
    assert (doc.doc_id, doc.origin, doc.content_hash) == ("doc-1", "test", "hash-1")
    assert (doc.published, doc.published_source) == ("2021-08-16", "record")
    assert (doc.url, doc.outlet, doc.title) == (
        "https://example.org/a",
        "Coastal Ledger",
        "Strike at Mombasa port",
    )
    assert doc.author is None and doc.sitename is None


def test_clean_plain_text_without_date_or_title() -> None:
    doc = _clean("\n\n".join(PARAGRAPHS))
    assert (doc.published, doc.published_source, doc.title) == (None, "none", None)
    assert doc.text == "\n\n".join(PARAGRAPHS)


def test_clean_plain_text_headline_becomes_title_and_stays_in_text() -> None:
    doc = _clean("Port workers strike over pay\n\n" + PARAGRAPHS[0])
    assert doc.title == "Port workers strike over pay"
    assert doc.text.startswith("Port workers strike over pay\n\n")


def test_clean_iso_day_normalises_dates() -> None:
    assert iso_day("2021-08-16T09:30:00Z") == "2021-08-16"
    assert iso_day("2021-02-30") is None
    assert iso_day("16 August 2021") is None
    assert iso_day(None) is None


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Talks resume in Doha | Gulf Wire</title>
<meta property="og:site_name" content="Gulf Wire">
<meta property="article:published_time" content="2021-09-02T08:00:00Z">
<meta name="author" content="Omar Haddad">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/search">Search</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<main><article>
<h1>Talks resume in Doha</h1>
<p>Negotiators from both delegations met again in the Qatari capital on Thursday after a
pause of nearly three weeks, according to two diplomats who attended the session.</p>
<p>The diplomats said the agenda included a prisoner exchange and a timetable for a
ceasefire in the northern provinces, but no agreement was reached on either point.</p>
<p>Advertisement</p>
<p>A mediator said the next round would take place after consultations with the leaders of
both sides, and that he expected a written proposal within ten days.</p>
<p>Share on Facebook</p>
</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a">Envoy visits Islamabad</a></li><li><a href="/b">Prisoners freed in Herat</a></li>
</ul></aside>
</main>
<footer><p>© 2021 Gulf Wire. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_clean_html_page_keeps_article_and_metadata() -> None:
    doc = _clean(HTML_PAGE, "html")
    assert doc.fmt == "html"
    assert doc.text.split("\n\n") == [
        "Talks resume in Doha",
        "Negotiators from both delegations met again in the Qatari capital on Thursday after "
        "a pause of nearly three weeks, according to two diplomats who attended the session.",
        "The diplomats said the agenda included a prisoner exchange and a timetable for a "
        "ceasefire in the northern provinces, but no agreement was reached on either point.",
        "A mediator said the next round would take place after consultations with the leaders "
        "of both sides, and that he expected a written proposal within ten days.",
    ]
    for word in ("Sign in", "Envoy visits", "All rights reserved", "Privacy", "Share on"):
        assert word not in doc.text
    assert (doc.title, doc.published, doc.published_source) == (
        "Talks resume in Doha",
        "2021-09-02",
        "html",
    )
    assert (doc.author, doc.sitename, doc.outlet) == ("Omar Haddad", "Gulf Wire", "Gulf Wire")
    for span in doc.dropped:
        assert doc.pre_clean_text[span.start : span.end] == span.text


def test_clean_html_record_fields_win_over_page_metadata() -> None:
    doc = _clean(
        HTML_PAGE,
        "html",
        title="Doha talks",
        outlet="Wire Service",
        published="2021-09-01",
        published_from="flag",
    )
    assert (doc.title, doc.outlet, doc.sitename) == ("Doha talks", "Wire Service", "Gulf Wire")
    assert (doc.published, doc.published_source) == ("2021-09-01", "flag")


def test_clean_truncated_html_is_rejected() -> None:
    cut = HTML_PAGE[: HTML_PAGE.index("<main>") - 40]
    assert looks_truncated(cut)
    assert _reject_code(cut, "html") == "truncated_html"


def test_clean_complete_html_without_text_is_rejected() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><p>☰</p></body></html>"
    assert not looks_truncated(page)
    assert _reject_code(page, "html") == "no_text_after_cleaning"


# --- rejections -------------------------------------------------------------------------------


def test_clean_empty_document_is_rejected() -> None:
    assert _reject_code("   \n\t ") == "empty"


def test_clean_too_large_document_is_rejected() -> None:
    small = dataclasses.replace(SETTINGS, max_text_bytes=100)
    assert _reject_code("\n\n".join(PARAGRAPHS), settings=small) == "too_large"


def test_clean_only_furniture_is_rejected() -> None:
    assert _reject_code("Menu\nSearch\nAdvertisement\n© 2021 Example") == "no_text_after_cleaning"


@pytest.mark.parametrize(
    "text",
    [
        # French
        "Les dockers du port de Mombasa ont cessé le travail lundi, bloquant le déchargement "
        "de plusieurs porte-conteneurs. Le syndicat affirme que ses membres attendent depuis deux "
        "ans une hausse de salaire promise et qu'ils ne reprendront pas le travail avant la "
        "reprise des négociations avec la direction du port.",
        # German
        "Die Hafenarbeiter in Mombasa haben am Montag die Arbeit niedergelegt und damit das "
        "Entladen mehrerer Containerschiffe gestoppt. Die Gewerkschaft erklärte, ihre Mitglieder "
        "warteten seit zwei Jahren auf eine versprochene Lohnerhöhung und würden erst wieder "
        "arbeiten, wenn die Hafenbehörde an den Verhandlungstisch zurückkehrt.",
        # Spanish
        "Los estibadores del puerto de Mombasa dejaron de trabajar el lunes y paralizaron la "
        "descarga de varios buques portacontenedores. El sindicato afirmó que sus miembros "
        "esperan desde hace dos años un aumento salarial prometido y que no volverán hasta que "
        "la autoridad portuaria regrese a la mesa de negociación.",
    ],
)
def test_clean_non_english_text_is_rejected(text: str) -> None:
    ratio, count = english_ratio(text)
    assert count >= 30 and ratio < SETTINGS.min_english_ratio
    assert _reject_code(text) == "not_english"


def test_clean_non_latin_short_text_is_rejected() -> None:
    assert _reject_code("港口工人周一罢工，要求加薪。") == "not_english"


def test_clean_short_foreign_text_passes() -> None:
    assert _clean("Les dockers ont cessé le travail lundi.").text.startswith("Les dockers")


def test_clean_english_text_has_high_ratio() -> None:
    ratio, _ = english_ratio(" ".join(PARAGRAPHS))
    assert ratio > 0.25


# --- properties -------------------------------------------------------------------------------

_NOISY_TEXT = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(ALL_FURNITURE + PARAGRAPHS + ("Related", "KABUL (AFP) -", "{{x}} y")),
    ),
    max_size=12,
).map("\n".join)


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


@settings(max_examples=300, deadline=None)
@given(_NOISY_TEXT)
def test_clean_filter_properties_hold_for_any_text(text: str) -> None:
    result = filter_furniture(text)
    _assert_spans(result, text)
    assert result.text == "\n\n".join(result.paragraphs)
    # only deletions and whitespace changes: one extra character per single-newline break
    assert len(result.text) <= len(text) + result.text.count("\n\n")
    assert _is_subsequence("".join(result.text.split()), "".join(text.split()))
    html_result = filter_furniture(text, lines_are_paragraphs=True)
    _assert_spans(html_result, text)


@settings(max_examples=200, deadline=None)
@given(_NOISY_TEXT)
def test_clean_filter_never_lengthens_blank_line_separated_text(text: str) -> None:
    spaced = text.replace("\n", "\n\n")
    assert len(filter_furniture(spaced).text) <= len(spaced)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6, unique=True),
    st.lists(st.lists(st.sampled_from(ALL_FURNITURE), max_size=3), min_size=7, max_size=7),
    st.sampled_from(["\n", "\n\n", "\n\n\n"]),
)
def test_clean_interleaved_furniture_is_removed_and_paragraphs_survive(
    real: list[str], furniture: list[list[str]], sep: str
) -> None:
    parts: list[str] = []
    for i, para in enumerate(real):
        parts.extend(furniture[i])
        parts.append(para)
    parts.extend(furniture[-1])
    text = sep.join(parts)
    result = filter_furniture(text)
    assert result.paragraphs == tuple(real)
    assert sum(len(f) for f in furniture[: len(real)]) + len(furniture[-1]) == len(result.dropped)
    _assert_spans(result, text)


def test_clean_truncated_html_whose_text_is_only_furniture_is_rejected_as_truncated() -> None:
    page = "<html><body><main><p>Advertisement</p><p>Share this article</p><p>Menu</p><div cl"
    assert _reject_code(page, "html") == "truncated_html"


def test_clean_looks_truncated_cases() -> None:
    assert looks_truncated("<html><body><p>Talks resumed on Monday.</p>")
    assert looks_truncated("<p>Talks resumed</p><div class='a")
    assert looks_truncated("<div><div><div><p>Talks</p>")
    assert not looks_truncated("<p>Talks resumed on Monday.</p>")
    assert not looks_truncated(HTML_PAGE)


def test_clean_html_fragment_with_loose_text_uses_paragraph_fallback() -> None:
    from bowerbird.records import Article, RawDocument
    from bowerbird.settings import Settings
    from bowerbird.stages.clean import CleanStage

    html = (
        "<article><h1>Ministers meet in Doha</h1><nav>Home | World</nav>"
        "<p>The foreign ministers of Qatar and Egypt met in Doha on Monday to discuss a "
        "ceasefire, officials said.</p><p>They agreed to meet again next month.</p></article>"
        "\n\nArticle variant 6."
    )
    raw = RawDocument("f", "f", html, "html", "h", published="2023-01-02", published_from="record")
    doc = CleanStage()(Article(raw=raw), Settings()).document
    assert doc is not None
    assert "foreign ministers of Qatar and Egypt met in Doha" in doc.text
    assert "Home | World" not in doc.text
