"""From token roles to attributions: tie each content to its cue, and each cue to its source.

The tagger says which tokens are source, cue or content; it does not say which go
together. Syntax does most of that: a content hangs below its cue ("said" -> ccomp) and
the source is the cue's subject. Where the parse does not connect them (a quotation split
by its attribution, a quotation that runs over a sentence end), the nearest cue in the same
sentence is taken; then the untagged verb the content hangs below in its own sentence;
then the nearest cue in the same paragraph. Contents of one cue become one attribution
with a discontinuous content ("“A,” he said. “B.”"); a cue left with no content takes the
clause the parse says it reports ("The plan, she said, is dead"). A cue of a shape that
PolNeAR train leaves without a source ("appears to", "is expected to") gets none, whatever
subject the parse offers, unless it is passive and names its agent ("was first reported by
the Herald"). The spans come in mended (``onrecord.attribute.spans``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.attribute.lexicon import OWN_SUBJECT, SourcelessCues
from onrecord.attribute.quotes import Quotation, find_quotations
from onrecord.attribute.spans import (
    SENTENCE_ENDS,
    RoleSpan,
    after_dateline,
    inside_any,
    paragraphs_between,
    trim_edges,
)
from onrecord.datelines import in_dateline, opens_paragraph
from onrecord.doc_arrays import sentence_starts, token_texts

HEAD_HOPS = 6
SPLIT_GAP = 8
NEAR_LIMIT = 40
OTHER_SENTENCE_PENALTY = 10
SUBJECT_HOPS = 3
CLAUSE_BREAKS = {"-", "--", "—", "–", ";"}
SUBJECT_DEPS = {"nsubj"}
PASSIVE_DEPS = {"nsubjpass", "auxpass"}
PASSIVE_SUBJECT = {"nsubjpass"}
# Reporting verbs whose object is who was told, never who spoke (word forms: the parsing
# pipeline has no lemmatizer).
LISTENER_OBJECT_VERBS = frozenset(
    "tell tells told telling ask asks asked asking warn warns warned warning remind reminds "
    "reminded reminding assure assures assured assuring inform informs informed informing "
    "urge urges urged urging".split()
)
SOURCE_VIA_DEPS = {"prep", "agent"}  # "according to X", "was told by X"
REPORTED_CLAUSE_DEPS = {"ccomp"}
CUE_CHAIN_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep"}
RELATIVE_TAGS = {"WP", "WDT"}
NOMINAL_TAGS = ("NN", "PRP")  # fine tags: the pipeline sets no coarse POS


@dataclass
class Group:
    """The pieces of one attribution, as token spans, before they become types."""

    contents: list[RoleSpan]
    cue: RoleSpan | None = None
    source: RoleSpan | None = None


class _Sentences:
    """Sentences cut at paragraph breaks. The parser often runs a sentence on over a
    paragraph break (most of all before a paragraph that opens with a quotation), and
    then hangs that quotation below the previous paragraph's verb; a paragraph break
    always ends a sentence in news text."""

    def __init__(self, doc: Doc):
        # Read from arrays: Token objects (and ``token.sent``, linear in the sentence) would
        # cost more than the grouping itself.
        self.paragraph = []
        number = 0
        for text in token_texts(doc):
            self.paragraph.append(number)
            if "\n" in text:  # a token's trailing whitespace is a space or none
                number += 1
        self.sent_start = sentence_starts(doc)
        self.sent_end = [0] * len(doc)
        end = len(doc)
        for i in range(len(doc) - 1, -1, -1):
            self.sent_end[i] = end
            if self.sent_start[i] == i:
                end = i

    def bounds(self, i: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence holding token ``i``, inside its paragraph."""
        start, end = self.sent_start[i], self.sent_end[i]
        while start < i and self.paragraph[start] != self.paragraph[i]:
            start += 1
        while end - 1 > i and self.paragraph[end - 1] != self.paragraph[i]:
            end -= 1
        return start, end

    def same_paragraph(self, i: int, j: int) -> bool:
        return self.paragraph[i] == self.paragraph[j]


def group_spans(
    doc: Doc,
    spans: list[RoleSpan],
    sourceless: SourcelessCues | None = None,
    quotations: list[Quotation] | None = None,
) -> list[Group]:
    """Tie contents to cues and cues to sources; a cue of a shape that ``sourceless`` says
    has no source in the training articles gets none. ``quotations`` are the article's
    (``find_quotations``), found here when not given."""
    if quotations is None:
        quotations = find_quotations(doc.text)
    opens = _Openings(doc, quotations)
    cues = [s for s in spans if s.role == "CUE"]
    sources = [s for s in spans if s.role == "SRC"]
    contents = [
        piece
        for span in spans
        if span.role == "CON"
        for piece in _split_at_quoted_sentence(doc, span, opens)
    ]
    token_cue = {i: cue for cue in cues for i in range(cue.start, cue.end)}
    cue_index, source_index = _Index(cues), _Index(sources)
    sentences = _Sentences(doc)

    by_cue: dict[int, Group] = {}
    groups: list[Group] = []
    for content in contents:
        cue = (
            _syntactic_cue(doc, content, token_cue, sentences)
            or _nearest_cue(doc, content, cue_index, sentences, same_sentence=True)
            or _governing_verb(doc, content, sentences)
            or _nearest_cue(doc, content, cue_index, sentences)
        )
        if cue is None:
            cue = _introducing_colon(doc, content, opens)
        if cue is None:
            groups.append(Group([content]))
            continue
        around = by_cue.get(id(cue))
        if around is not None:
            quoted = opens.begins_at(content.start)
            around_quoted = opens.begins_at(around.contents[0].start)
            if quoted and around_quoted:
                # Quotations of one cue are one statement, however much attribution lies
                # between them ("“A,” said X, who ran against her in 2012. “B.”").
                around.contents.append(content)
                continue
            if not quoted and _split_around(around.contents, content, cue):
                # Unquoted pieces either side of the cue are joined too, but a quotation
                # and an unquoted piece beside it are two things ("“All the way!” Dawson
                # shouted, shorthand for taking the fight on"), annotated apart in PolNeAR.
                if not around_quoted:
                    around.contents.append(content)
                    continue
                if not _has_verb(doc, content):
                    continue  # an aside ("“…,” he said of Bill Clinton"), not what was said
        group = Group([content], cue=cue)
        by_cue[id(cue)] = group
        groups.append(group)

    bare_cues = [cue for cue in cues if id(cue) not in by_cue]
    groups.extend(_groups_of_bare_cues(doc, bare_cues, groups, sources, sentences))

    used: set[int] = set()
    source_of: dict[int, RoleSpan | None] = {}
    for group in groups:
        if group.cue is None:
            continue
        if id(group.cue) not in source_of:
            if sourceless is not None and sourceless.is_sourceless(cue_shapes(doc, group.cue)):
                # Gone without a source in train, but not when the parse names an agent
                # ("The plan was first reported by the Herald").
                verb = _cue_head(doc, group.cue)
                source_of[id(group.cue)] = _agent_source(
                    doc, verb, group.cue, group.contents, sentences
                )
            else:
                source_of[id(group.cue)] = _pick_source(
                    doc, group, source_index, used, sentences, quotations
                )
        group.source = source_of[id(group.cue)]
        if group.source is not None:
            used.add(id(group.source))
    groups.sort(key=lambda g: g.contents[0].start)
    return _attach_continuations(doc, groups, opens)


def _groups_of_bare_cues(
    doc: Doc,
    cues: list[RoleSpan],
    groups: list[Group],
    sources: list[RoleSpan],
    sentences: _Sentences,
) -> list[Group]:
    """A group for each cue the tagger gave no content, whose reported clause the parse
    shows and no other span has taken: the tagger saw the attribution, and missed only its
    content (on held-out train 68 of the 85 such groups matched an attribution)."""
    taken = [piece for group in groups for piece in group.contents] + sources
    found = []
    for cue in cues:
        pieces = _reported_clause(doc, cue, taken, sentences)
        if pieces:
            found.append(Group(pieces, cue=cue))
            taken.extend(pieces)
    return found


def _reported_clause(
    doc: Doc, cue: RoleSpan, taken: list[RoleSpan], sentences: _Sentences
) -> list[RoleSpan]:
    """For a cue the tagger gave no content, the clause the parse says it reports: the
    sentence around a parenthetical cue ("The plan, she said, is dead": the parser hangs
    "said" from "is" as parataxis) without the cue's own words, in the pieces on either
    side; or the clause after a cue that takes one ("she said the plan is dead"). Nothing
    where that clause overlaps a span already taken. Phrases are read by their edges, as
    ``_subject_span`` and ``according`` read them."""
    verb = _cue_head(doc, cue)
    lo, hi = sentences.bounds(verb.i)
    if verb.dep_ == "parataxis":
        clause = verb.head
        runs = [
            (clause.left_edge.i, verb.left_edge.i),
            (verb.right_edge.i + 1, clause.right_edge.i + 1),
        ]
    else:
        reported = [c for c in verb.rights if c.dep_ in REPORTED_CLAUSE_DEPS and c.i >= cue.end]
        before = [c for c in verb.lefts if c.dep_ in REPORTED_CLAUSE_DEPS]
        if reported:
            clause = reported[0]
            runs = [(max(clause.left_edge.i, cue.end), clause.right_edge.i + 1)]
        elif before and before[-1].right_edge.i < cue.start:
            clause = before[-1]
            run_start = max(clause.left_edge.i, lo)
            runs = [(after_dateline(doc, run_start, clause.i), clause.right_edge.i + 1)]
        else:
            return []
    pieces = []
    for run_start, run_end in runs:
        run_start, run_end = max(run_start, lo), min(run_end, hi)
        if run_end <= run_start:
            continue  # the cue's clause opens or closes the sentence
        start, end = trim_edges(doc, run_start, run_end)
        if end <= start or _overlaps_any(start, end, taken):
            return []
        pieces.append(RoleSpan("CON", start, end, score=cue.score))
    return pieces


def _overlaps_any(start: int, end: int, spans: list[RoleSpan]) -> bool:
    return any(span.start < end and start < span.end for span in spans)


def _split_at_quoted_sentence(doc: Doc, content: RoleSpan, opens: _Openings) -> list[RoleSpan]:
    """A content that runs over a sentence end into a quotation opening the next sentence
    ("... voter suppression. “We feel robbed,” she said.") holds two statements: the
    tagger ran one into the other. Cut it before each such quotation."""
    pieces, start = [], content.start
    for k in range(content.start + 1, content.end - 1):
        if not opens.is_mark(k):
            continue
        end = k - 1
        while end > start and doc[end].is_space:
            end -= 1
        if end > start and doc[end].text in SENTENCE_ENDS:
            pieces.append(RoleSpan("CON", start, end, content.score))
            start = k
    if not pieces:
        return [content]
    pieces.append(RoleSpan("CON", start, content.end, content.score))
    return pieces


class _Openings:
    """The tokens that open one of the article's quotations, as the quotation finder read
    the marks: the one notion of "quoted" for the whole stage."""

    def __init__(self, doc: Doc, quotations: list[Quotation]):
        marks = (doc.char_span(q.start, q.start + 1, alignment_mode="expand") for q in quotations)
        self.tokens = {mark.start for mark in marks if mark is not None}

    def is_mark(self, k: int) -> bool:
        return k in self.tokens

    def begins_at(self, k: int) -> bool:
        """A quotation begins at token ``k``: it is the opening mark or the first word."""
        return k in self.tokens or k - 1 in self.tokens


def _introducing_colon(doc: Doc, content: RoleSpan, opens: _Openings) -> RoleSpan | None:
    """The colon just before a quotation that has no cue of its own, in its paragraph or
    closing the paragraph before ("Jared Potts echoed:" then the quotation's paragraph):
    the words before a colon introduce what follows it."""
    if not opens.begins_at(content.start):
        return None
    j = content.start - 1
    while j >= 0 and (opens.is_mark(j) or doc[j].is_space):
        j -= 1
    if j < 0 or doc[j].text != ":" or paragraphs_between(doc, j, content.start) > 1:
        return None
    return RoleSpan("CUE", j, j + 1, score=content.score)


def _attach_continuations(doc: Doc, groups: list[Group], opens: _Openings) -> list[Group]:
    """A quotation paragraph with no cue of its own continues the attribution just before
    it: news style names the speaker once and lets the quotation run on. After reported
    speech ("..., saying Clinton would “abolish the amendment.”") the quotation is the same
    speaker's, but a statement of its own, not more of what was reported."""
    merged: list[Group] = []
    for group in groups:
        previous = merged[-1] if merged else None
        if group.cue is not None or previous is None:
            merged.append(group)
            continue
        quote_paragraph = _opens_paragraph_with_quote(doc, group.contents[0].start, opens)
        if _continues(doc, previous, group, quote_paragraph):
            if opens.begins_at(previous.contents[-1].start) or not quote_paragraph:
                previous.contents.extend(group.contents)
                continue
            group = Group(group.contents, cue=previous.cue, source=previous.source)
        merged.append(group)
    return merged


def _continues(doc: Doc, previous: Group, group: Group, quote_paragraph: bool) -> bool:
    """A cue-less content continues the group before it when it opens the next paragraph
    with a quotation (``quote_paragraph``), or when it lies in the same paragraph as that
    group and the group has a cue (the second half of "“A,” said X, who ... . “B.”", whose
    cue is too far away)."""
    breaks = paragraphs_between(doc, previous.contents[-1].end, group.contents[0].start)
    if quote_paragraph:
        return breaks <= 1
    return breaks == 0 and previous.cue is not None


def _opens_paragraph_with_quote(doc: Doc, i: int, opens: _Openings) -> bool:
    """Token ``i``, or the punctuation before it, opens its paragraph and a quotation."""
    j = i
    while j > 0 and doc[j - 1].is_punct and "\n" not in doc[j - 1].whitespace_:
        j -= 1
    starts_paragraph = opens_paragraph(doc, j)
    quoted = opens.is_mark(j) or opens.begins_at(i)
    return starts_paragraph and quoted


def _split_around(contents: list[RoleSpan], content: RoleSpan, cue: RoleSpan) -> bool:
    """True for the two halves of a quotation split by its attribution ("A," he said. "B."):
    one ends just before the cue, the other starts just after it."""
    before = [c for c in contents if c.end <= cue.start]
    after = [c for c in contents if c.start >= cue.end]
    if content.start >= cue.end and before and not after:
        return content.start - cue.end <= SPLIT_GAP and cue.start - before[-1].end <= SPLIT_GAP
    if content.end <= cue.start and after and not before:
        return cue.start - content.end <= SPLIT_GAP and after[0].start - cue.end <= SPLIT_GAP
    return False


def _has_verb(doc: Doc, content: RoleSpan) -> bool:
    """A verb among its tokens: without one a piece is a phrase, not a statement (fine tags:
    the pipeline sets no coarse POS)."""
    return any(doc[i].tag_.startswith("VB") for i in range(content.start, content.end))


def _heads_above(token: Token) -> Iterator[Token]:
    """The token's heads, nearest first, at most HEAD_HOPS of them, ending at the root.
    (spaCy makes a new Token object on each access, so the root is found by index, not by
    identity.)"""
    for _ in range(HEAD_HOPS):
        head = token.head
        if head.i == token.i:
            return
        yield head
        token = head


def _syntactic_cue(
    doc: Doc, content: RoleSpan, token_cue: dict, sentences: _Sentences
) -> RoleSpan | None:
    """The cue the content's words hang below, if the parse connects them inside one
    paragraph."""
    votes: dict[int, tuple[int, RoleSpan]] = {}
    for i in range(content.start, content.end):
        for token in _heads_above(doc[i]):
            cue = token_cue.get(token.i)
            if cue is not None and sentences.same_paragraph(i, cue.start):
                count = votes.get(id(cue), (0, cue))[0]
                votes[id(cue)] = (count + 1, cue)
                break
    if not votes:
        return None
    return max(votes.values(), key=lambda v: v[0])[1]


def _governing_verb(doc: Doc, content: RoleSpan, sentences: _Sentences) -> RoleSpan | None:
    """For a content the tagger gave no cue, the verb outside it that its words hang below
    in the same sentence ("“We won,” Smith said" with "said" untagged): a content is
    nearly always the complement of its cue. None when the content is a sentence of its
    own (a quotation paragraph that continues the speaker before it)."""
    lo, hi = sentences.bounds(content.start)[0], sentences.bounds(content.end - 1)[1]
    votes: dict[int, int] = {}
    for i in range(content.start, content.end):
        for token in _heads_above(doc[i]):
            if not content.start <= token.i < content.end:
                if lo <= token.i < hi and token.tag_.startswith("VB"):
                    votes[token.i] = votes.get(token.i, 0) + 1
                break
    if not votes:
        return None
    verb = max(votes, key=lambda i: votes[i])
    return RoleSpan("CUE", verb, verb + 1, score=0.5)


class _Index:
    """Spans sorted by start, so the ones near a position are found by bisection rather
    than by scanning them all (an article may hold thousands of quotations)."""

    def __init__(self, spans: list[RoleSpan]):
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def around(self, start: int, end: int, reach: int = 0) -> list[RoleSpan]:
        """Spans that overlap or come within ``reach`` tokens of ``[start, end)``."""
        lo = bisect_left(self.starts, start - reach - self.longest)
        hi = bisect_right(self.starts, end + reach)
        return [s for s in self.spans[lo:hi] if s.end + reach > start]


def _nearest_cue(
    doc: Doc, content: RoleSpan, cues: _Index, sentences: _Sentences, same_sentence: bool = False
) -> RoleSpan | None:
    """The closest cue in the content's paragraph; one outside the content's sentences
    counts as further away ("“You winning?” she said." parses as two sentences), and with
    ``same_sentence`` does not count: a verb of the content's own sentence that the tagger
    missed is asked first ("Jones declared, “…” The candidate repeated: “…”")."""
    lo, hi = sentences.bounds(content.start)[0], sentences.bounds(content.end - 1)[1]
    best, best_distance = None, NEAR_LIMIT
    for cue in cues.around(content.start, content.end, NEAR_LIMIT):
        if cue.start >= content.end:
            gap = cue.start - content.end
            between = doc[content.end : cue.start]
        else:
            gap = content.start - cue.end
            between = doc[cue.end : content.start]
        if gap < 0 or gap >= best_distance or any("\n" in t.text for t in between):
            continue
        if same_sentence and not lo <= cue.start < hi:
            continue
        distance = gap if lo <= cue.start < hi else gap + OTHER_SENTENCE_PENALTY
        if distance < best_distance:
            best, best_distance = cue, distance
    return best


def _connected_source(
    doc: Doc, cue: RoleSpan, sources: _Index, sentences: _Sentences
) -> RoleSpan | None:
    """The tagged source in the cue's sentence that the parse hangs below the cue, directly
    or through a preposition. Not through a clause: in "When X accused Y, she said", X is
    the subject of "accused", and only "she" is the speaker of "said"."""
    cue_tokens = set(range(cue.start, cue.end))
    sent_start, sent_end = sentences.bounds(cue.start)
    for source in sources.around(sent_start, sent_end):
        if source.end <= sent_start or source.start >= sent_end:
            continue
        for i in range(source.start, source.end):
            token = doc[i]
            if token.head.i in cue_tokens or (
                token.head.dep_ in SOURCE_VIA_DEPS and token.head.head.i in cue_tokens
            ):
                return source
    return None


def _tagged_subject(
    doc: Doc, cue: RoleSpan, sources: _Index, sentences: _Sentences
) -> RoleSpan | None:
    """The tagged source of the cue's sentence that holds the subject the parse gives the
    cue's verb ("Mr. Putin veered close to an admission, saying, “…,” but he denied it")."""
    subject = _parsed_subject(_cue_head(doc, cue))
    if subject is None:
        return None
    sent_start, sent_end = sentences.bounds(cue.start)
    if not sent_start <= subject.i < sent_end:
        return None
    for source in sources.around(subject.i, subject.i + 1):
        if source.start <= subject.i < source.end:
            joined = [c.i for c in subject.children if c.dep_ == "conj"]
            # Of subjects joined by "and" the parse cannot tell whose verb this is.
            return source if all(source.start <= i < source.end for i in joined) else None
    return None


def _nearest_source(
    doc: Doc, cue: RoleSpan, sources: _Index, used: set[int], sentences: _Sentences
) -> RoleSpan | None:
    """The nearest tagged source in the cue's paragraph, preferring its own sentence and a
    source no other cue has taken."""
    sent_start, sent_end = sentences.bounds(cue.start)
    best, best_distance = None, NEAR_LIMIT
    for source in sources.around(cue.start, cue.end, NEAR_LIMIT):
        if source.start >= cue.end:
            gap, between = source.start - cue.end, doc[cue.end : source.start]
        else:
            gap, between = cue.start - source.end, doc[source.end : cue.start]
        if gap < 0 or gap >= best_distance or any("\n" in t.text for t in between):
            continue
        distance = gap
        if not (sent_start <= source.start < sent_end):
            distance += OTHER_SENTENCE_PENALTY
        if id(source) in used:
            distance += OTHER_SENTENCE_PENALTY
        if distance < best_distance:
            best, best_distance = source, distance
    return best


def _pick_source(
    doc: Doc,
    group: Group,
    sources: _Index,
    used: set[int],
    sentences: _Sentences,
    quotations: list[Quotation],
) -> RoleSpan | None:
    """The tagged source for the cue: one the parse hangs below it, else one that holds
    the subject the parse gives it, else the nearest. But a tagged source from another
    sentence loses to the cue's own subject in the parse, which the tagger may have left
    untagged."""
    tagged = (
        _connected_source(doc, group.cue, sources, sentences)
        or _tagged_subject(doc, group.cue, sources, sentences)
        or _nearest_source(doc, group.cue, sources, used, sentences)
    )
    if tagged is not None:
        start, end = sentences.bounds(group.cue.start)
        if start <= tagged.start < end:
            return tagged
    subject = _subject_source(doc, group.cue, group.contents, sentences)
    if subject is not None and _quoted_apart(doc, subject, group.cue, quotations):
        subject = None
    return subject or tagged


def _quoted_apart(doc: Doc, source: RoleSpan, cue: RoleSpan, quotations: list[Quotation]) -> bool:
    """A subject inside quotation marks that the cue is outside of: the parse may hang a
    verb after a quotation on a verb inside it ("said the bill “spends money we do not
    have” and accused ..."), whose "we" spoke nothing."""
    start = doc[source.start].idx
    return inside_any(start, quotations) and not inside_any(doc[cue.start].idx, quotations)


def _subject_source(
    doc: Doc, cue: RoleSpan, contents: list[RoleSpan], sentences: _Sentences
) -> RoleSpan | None:
    """The cue verb's subject from the parse, for a cue the tagger gave no source: the
    tagger misses many sources (most of all after the verb, "..., said Jane Doe, a
    spokeswoman"), while a reporting verb nearly always has its speaker as subject, or as
    agent when passive ("was asked by the host")."""
    verb = _cue_head(doc, cue)
    if verb.text == ":":
        return _introducer(doc, verb, cue, contents, sentences)
    source = _agent_source(doc, verb, cue, contents, sentences)
    if source is None:
        subject = _parsed_subject(verb)
        source = _subject_span(doc, subject, cue, contents, sentences) if subject else None
    if source is None and _follows_its_content(verb, contents):
        inverted = _inverted_speaker(verb)
        source = _subject_span(doc, inverted, cue, contents, sentences) if inverted else None
    return source


def _introducer(
    doc: Doc, colon: Token, cue: RoleSpan, contents: list[RoleSpan], sentences: _Sentences
) -> RoleSpan | None:
    """Who a colon cue speaks for: the subject of the words before it ("The Times confirmed
    it, reporting: “…”"), or those words when they are a name alone ("Philip Bump: “…”").
    The words run back to the sentence's start or a dash; their heads are the tokens that
    hang from outside them (the parser often hangs the words before a colon from the
    quotation's verb, so the colon's own head is no guide)."""
    lo, _ = sentences.bounds(colon.i)
    start = colon.i
    while start > lo and doc[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    heads = [
        t
        for t in doc[start : colon.i]
        if not (t.is_punct or t.is_space) and (t.head.i == t.i or not start <= t.head.i < colon.i)
    ]
    verb = next((t for t in heads if t.tag_.startswith("VB")), None)
    if verb is not None:
        subject = _parsed_subject(verb)
        return _subject_span(doc, subject, cue, contents, sentences) if subject else None
    if len(heads) != 1:
        return None
    return _subject_span(doc, heads[0], cue, contents, sentences, after=start)


def _agent_source(
    doc: Doc, verb: Token, cue: RoleSpan, contents: list[RoleSpan], sentences: _Sentences
) -> RoleSpan | None:
    """The phrase of the "by" of ``cue``'s verb when passive: the one who reported, asked
    or called."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return _subject_span(doc, agent, cue, contents, sentences) if agent is not None else None


def _parsed_subject(verb: Token) -> Token | None:
    """The verb's subject; a participle or conjoined cue ("..., saying", "and added",
    "before saying") takes the subject of the verb it hangs from, a passive one too when
    conjoined ("was forced to apologize and said"), an infinitive the object of the verb it
    completes ("forced the bank to admit"); a relative "who" stands for the noun it
    modifies."""
    linked_by = None
    for _ in range(SUBJECT_HOPS):
        deps = SUBJECT_DEPS | PASSIVE_SUBJECT if linked_by == "conj" else SUBJECT_DEPS
        subject = next((c for c in verb.children if c.dep_ in deps), None)
        if subject is not None:
            if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ not in CUE_CHAIN_DEPS or verb.head.i == verb.i:
            return None
        if verb.dep_ == "xcomp":
            # "forced the bank to admit": the object admits, not the subject.
            controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller
        linked_by = verb.dep_
        verb = verb.head
    return None


def _follows_its_content(verb: Token, contents: list[RoleSpan]) -> bool:
    return any(c.end <= verb.i for c in contents)


def _inverted_speaker(verb: Token) -> Token | None:
    """After its quotation the speaker may follow the verb ("“…,” added a New Hampshire
    Democrat"), and the small parser then often reads the speaker as the verb's object, or
    a word of the quotation as its subject. Not a verb whose object is the listener
    ("“…,” told reporters")."""
    if verb.lower_ in LISTENER_OBJECT_VERBS:
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj" and c.left_edge.i <= verb.i + 2), None)


def _subject_span(
    doc: Doc,
    subject: Token,
    cue: RoleSpan,
    contents: list[RoleSpan],
    sentences: _Sentences,
    after: int = 0,
) -> RoleSpan | None:
    """The subject's phrase inside the cue's sentence (and from token ``after`` on), never
    inside a content."""
    if not subject.tag_.startswith(NOMINAL_TAGS):
        return None
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    sent_start, sent_end = sentences.bounds(cue.start)
    start, end = max(start, sent_start, after), min(end, sent_end)
    if start < cue.start:  # a subject before its verb stops there
        end = min(end, cue.start)
    start, end = trim_edges(doc, start, end)
    if end <= start or _overlaps_any(start, end, contents) or in_dateline(doc, start, end):
        return None  # a dateline's place, which the parser may take for the subject
    return RoleSpan("SRC", start, end, score=0.5)


def cue_shapes(doc: Doc, cue: RoleSpan) -> tuple[str, str]:
    """The cue's head word with how it gets a subject (passive, its own, or none: a
    participle or infinitive that borrows one), then the word alone: the keys
    ``SourcelessCues`` counts, most specific first. "expected|passive" has no source in
    "She is expected to win"; "asked|borrowed" none in "Asked about it, Smith said"."""
    head = _cue_head(doc, cue)
    deps = {child.dep_ for child in head.children}
    if deps & PASSIVE_DEPS:
        how = "passive"
    elif deps & SUBJECT_DEPS:
        how = OWN_SUBJECT
    else:
        how = "borrowed"
    return f"{head.lower_}|{how}", head.lower_


def _cue_head(doc: Doc, cue: RoleSpan):
    """The cue's verb: its token whose head lies outside the cue."""
    for i in range(cue.start, cue.end):
        head = doc[i].head
        if head.i < cue.start or head.i >= cue.end or head.i == i:
            return doc[i]
    return doc[cue.start]


def kind_of(doc: Doc, group: Group, quotations: list[Quotation]) -> str:
    """direct: the content is quoted; mixed: partly quoted; according_to: cued by it."""
    if group.cue is not None and doc[group.cue.start].lower_ == "according":
        return "according_to"
    total = quoted = 0
    for content in group.contents:
        for i in range(content.start, content.end):
            token = doc[i]
            if token.is_space or token.is_punct:
                continue
            total += 1
            if inside_any(token.idx, quotations):
                quoted += 1
    if total and quoted / total >= 0.9:
        return "direct"
    if quoted:
        return "mixed"
    return "indirect"
