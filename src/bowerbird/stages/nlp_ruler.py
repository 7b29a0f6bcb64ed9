"""A faster drop-in for spaCy's ``attribute_ruler``: the same rules, the same annotations.

spaCy's English pipelines map fine-grained tags to coarse POS, morphology and some
lemmas with an ``AttributeRuler`` of about 180 rules run through a token ``Matcher``.
Matching every rule against every token costs about 6 ms per news article on our
machine, more than the tagger and the parser together.  Almost all rules are
single-token tests of a few token attributes ("TAG is PRP and LOWER is her"), so their
outcome depends only on those attribute values: :class:`CompiledAttributeRuler` works out,
once per distinct combination of values, which rules match, and caches the merged
attributes to set.  Rules it cannot compile that way (multi-token patterns, operators,
attributes it does not read) still run through a ``Matcher`` holding just those rules, and
all rules are applied in the original order (a later rule overrides an earlier one), so
the annotations are those of the original component; ``tests/test_nlp_ruler.py`` checks
this token by token.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens._retokenize import set_token_attrs

#: Token pattern keys whose value is a string attribute of the token, and that attribute.
_STRING_KEYS = {
    "ORTH": "orth_",
    "TEXT": "orth_",
    "LOWER": "lower_",
    "NORM": "norm_",
    "TAG": "tag_",
    "POS": "pos_",
    "DEP": "dep_",
    "LEMMA": "lemma_",
}
#: The integer (hash) form of each string attribute, used as the cache key.
#: Boolean token flags a pattern may test.
_FLAG_KEYS = {
    "IS_SPACE": "is_space",
    "IS_PUNCT": "is_punct",
    "IS_ALPHA": "is_alpha",
    "IS_DIGIT": "is_digit",
    "IS_TITLE": "is_title",
    "IS_UPPER": "is_upper",
    "IS_LOWER": "is_lower",
}
_HASHED = {name: name.rstrip("_") for name in _STRING_KEYS.values()}
_Test = Callable[[Any], bool]
#: One attribute test of a pattern: the set of values it accepts, or a predicate.
_Clause = frozenset[Any] | _Test


def _clause(value: Any) -> _Clause | None:
    """Exact values and ``IN`` lists become value sets; ``NOT_IN`` and ``REGEX`` tests."""
    if isinstance(value, (str, bool, int)):
        return frozenset([value])
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), *_ = value.items()
    if op == "IN" and isinstance(arg, list):
        return frozenset(arg)
    if op == "NOT_IN" and isinstance(arg, list):
        excluded = frozenset(arg)
        return lambda v: v not in excluded
    if op == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search
        return lambda v: bool(search(v))
    return None


def _token_clauses(spec: dict[str, Any]) -> dict[str, _Clause] | None:
    """The token attribute each key of a single-token pattern reads, and its clause."""
    clauses: dict[str, _Clause] = {}
    for key, value in spec.items():
        attr = _STRING_KEYS.get(key) or _FLAG_KEYS.get(key)
        clause = _clause(value) if attr else None
        if attr is None or clause is None:
            return None
        clauses[attr] = clause
    return clauses


class _AttributeIndex:
    """For one token attribute: which single-token patterns (as bits) accept a value."""

    def __init__(self, patterns: list[dict[str, _Clause]], attr: str) -> None:
        self.free = 0  # patterns that do not test this attribute
        self.exact: dict[Any, int] = {}
        self.tests: list[tuple[int, _Test]] = []
        for bit, clauses in enumerate(patterns):
            clause = clauses.get(attr)
            if clause is None:
                self.free |= 1 << bit
            elif isinstance(clause, frozenset):
                for value in clause:
                    self.exact[value] = self.exact.get(value, 0) | 1 << bit
            else:
                self.tests.append((bit, clause))
        self.cache: dict[Any, int] = {}

    def mask(self, value: Any) -> int:
        found = self.cache.get(value)
        if found is None:
            found = self.free | self.exact.get(value, 0)
            for bit, test in self.tests:
                if test(value):
                    found |= 1 << bit
            self.cache[value] = found
        return found


class CompiledAttributeRuler:
    """Pipeline component equivalent to a given ``AttributeRuler``, with cached matching.

    Every token of every fixed-length pattern without operators is a *spec* (one bit);
    a token's set of satisfied specs is cached by its attribute values.  A single-token
    pattern matches a token whose set holds its spec; a longer one matches where the
    consecutive tokens' sets hold its specs in order, as the Matcher would find it.
    """

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self._attrs: list[dict[Any, Any]] = []
        self._indices: list[int] = []
        self._all = 0  # every spec bit
        self._single: dict[int, int] = {}  # spec bit of a one-token pattern -> its rule
        self._single_mask = 0
        self._multi: list[tuple[int, tuple[int, ...]]] = []  # rule, spec bit per token
        self._first = 0  # first spec bits of the longer patterns
        self._index: list[tuple[str, _AttributeIndex]] = []
        self._matcher = Matcher(vocab, validate=False)
        self._matcher_rules = 0
        self._key: Callable[[Any], Any] = lambda token: ()
        self._cache: dict[Any, tuple[int, tuple[int, ...], dict[Any, Any]]] = {}

    def compile(self, ruler: Any) -> None:
        """Take over the rules of the spaCy ``AttributeRuler`` *ruler*, in its order."""
        from spacy.matcher import Matcher

        self._attrs = list(ruler.attrs)
        self._indices = list(ruler.indices)
        self._single, self._multi, self._first = {}, [], 0
        self._matcher = Matcher(self.vocab, validate=False)
        self._matcher_rules = 0
        specs: list[dict[str, _Clause]] = []
        for rule, entry in enumerate(ruler.patterns):
            compiled = [[_token_clauses(spec) for spec in pattern] for pattern in entry["patterns"]]
            index = self._indices[rule]
            if not all(
                -len(p) <= index < len(p) and all(c is not None for c in p) for p in compiled
            ):
                self._matcher.add(str(rule), entry["patterns"])
                self._matcher_rules += 1
                continue
            for pattern in compiled:
                bits = tuple(range(len(specs), len(specs) + len(pattern)))
                specs.extend(c for c in pattern if c is not None)
                if len(bits) == 1:
                    self._single[bits[0]] = rule
                else:
                    self._multi.append((rule, bits))
                    self._first |= 1 << bits[0]
        self._all = (1 << len(specs)) - 1
        self._single_mask = sum(1 << bit for bit in self._single)
        read = sorted({attr for clauses in specs for attr in clauses})
        self._index = [(attr, _AttributeIndex(specs, attr)) for attr in read]
        # the key is the tuple of the attributes' hashes (flags as they are): cheap to read
        self._key = operator.attrgetter(*[_HASHED.get(a, a) for a in read] or ["orth"])
        self._cache = {}

    def _entry(self, token: Any) -> tuple[int, tuple[int, ...], dict[Any, Any]]:
        """The specs this token satisfies, the one-token rules among them, their attrs."""
        mask = self._all
        for attr, index in self._index:
            mask &= index.mask(getattr(token, attr))
        rules = set()
        bits = mask & self._single_mask
        while bits:
            low = bits & -bits
            rules.add(self._single[low.bit_length() - 1])
            bits ^= low
        ordered = tuple(sorted(rules))
        return mask, ordered, self._merge(ordered)

    def _merge(self, rules: Iterable[int]) -> dict[Any, Any]:
        merged: dict[Any, Any] = {}
        for rule in rules:
            merged.update(self._attrs[rule])  # a later rule overrides an earlier one
        return merged

    def _longer(self, masks: list[int], found: dict[int, list[int]]) -> None:
        """Add the rules of the longer patterns matching at each token, by target token."""
        n = len(masks)
        for start, mask in enumerate(masks):
            if not mask & self._first:
                continue
            for rule, bits in self._multi:
                end = start + len(bits)
                if end <= n and all(masks[start + k] >> bit & 1 for k, bit in enumerate(bits)):
                    index = self._indices[rule]
                    found.setdefault(start + index if index >= 0 else end + index, []).append(rule)

    def _matched(self, doc: Any, found: dict[int, list[int]]) -> None:
        """Add the rules found by the Matcher (patterns not compiled), by target token."""
        for match_id, start, end in self._matcher(doc, allow_missing=True):
            rule = int(self.vocab.strings[match_id])
            index = self._indices[rule]
            found.setdefault(start + index if index >= 0 else end + index, []).append(rule)

    def __call__(self, doc: Any) -> Any:
        cache = self._cache
        key_of = self._key
        entries = []
        for token in doc:
            key = key_of(token)
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = self._entry(token)
            entries.append(entry)
        found: dict[int, list[int]] = {}
        if self._multi:
            self._longer([entry[0] for entry in entries], found)
        if self._matcher_rules:
            self._matched(doc, found)
        for token, (_, rules, attrs) in zip(doc, entries, strict=True):
            extra = found.get(token.i)
            if extra:
                attrs = self._merge(sorted({*rules, *extra}))
            if attrs:
                set_token_attrs(token, attrs)
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        """Apply the rules to a stream of documents."""
        for doc in docs:
            yield self(doc)


#: Name of the factory registered for :class:`CompiledAttributeRuler`.
FACTORY = "bowerbird_compiled_attribute_ruler"


def compile_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's ``AttributeRuler`` *name* by its compiled equivalent.

    Returns False (and leaves the pipeline alone) when there is no such component.
    """
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    original = nlp.get_pipe(name)
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)
    compiled = nlp.replace_pipe(name, FACTORY)
    compiled.compile(original)
    return True


class CachedLemmatizer:
    """Pipeline component wrapping a rule-based spaCy ``Lemmatizer`` with a complete cache.

    spaCy's rule lemmatizer caches only the lemmas it derives from its rule tables; the
    tokens it returns early (a base form, a part of speech without rules: most nouns,
    adjectives and all punctuation) are worked out again every time.  Its answer depends
    only on the token's text, part of speech and morphology, so this wrapper caches every
    answer under that key and asks the wrapped component only once per key.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}  # -> the lemma's hash

    def __call__(self, doc: Any) -> Any:
        lemmatize = self.lemmatizer.lemmatize
        overwrite = self.lemmatizer.overwrite
        add = doc.vocab.strings.add
        cache = self._cache
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = add(lemmatize(doc[i])[0])
            lemmas.append(lemma)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        """Lemmatise a stream of documents."""
        for doc in docs:
            yield self(doc)


def cache_lemmatizer(nlp: Any, name: str = "lemmatizer") -> bool:
    """Wrap the pipeline's rule-based ``Lemmatizer`` *name* in a :class:`CachedLemmatizer`."""
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    component = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(component, Lemmatizer) or component.mode != "rule":
        return False
    if not Language.has_factory(LEMMA_FACTORY):
        Language.factory(LEMMA_FACTORY, func=_make_lemmatizer)
    cached = nlp.replace_pipe(name, LEMMA_FACTORY)
    cached.lemmatizer = component
    return True


#: Name of the factory registered for :class:`CachedLemmatizer`.
LEMMA_FACTORY = "bowerbird_cached_lemmatizer"


def _make_lemmatizer(nlp: Any, name: str) -> CachedLemmatizer:
    """spaCy factory: a cache, given the lemmatizer it wraps right after."""
    return CachedLemmatizer(None)


def _make(nlp: Any, name: str) -> CompiledAttributeRuler:
    """spaCy factory: an empty compiled ruler, given its rules by :meth:`compile`."""
    return CompiledAttributeRuler(nlp.vocab)
