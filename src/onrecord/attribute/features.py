"""Token features for the attribution tagger.

The tagger labels every token of an article as part of a source, a cue or a content (BIO).
What decides those roles in news prose is mostly syntactic and positional: the words of a
content hang below a reporting word ("said" -> ccomp, "according to" -> the clause it
modifies), a source is that word's subject, and quotation marks fence direct speech. So
each token carries its word, its tags, the chain of heads above it with the relation that
leads there, and where it stands relative to quotation marks, sentences and paragraphs.
The CRF learns from PolNeAR train which words report and which relations carry content;
no list of reporting verbs is written by hand.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LOWER, ORTH, SHAPE, TAG
from spacy.tokens import Doc

from onrecord.attribute.encoder import encoder_features
from onrecord.attribute.lexicon import CueLexicon
from onrecord.attribute.quotes import Quotation
from onrecord.doc_arrays import sentence_starts, strings

ANCESTOR_DEPTH = 4
WINDOW = 2


class _Columns:
    """The token attributes the features read, pulled out of the Doc once, as arrays:
    reading them through Token objects costs far more than the features themselves."""

    def __init__(self, doc: Doc):
        self.doc = doc
        columns = doc.to_array([LOWER, TAG, DEP, ENT_TYPE, SHAPE, ORTH]).T.tolist()
        lowers, tags, deps, ent_types, shapes, orths = (strings(doc, c) for c in columns)
        self.words, self.tags, self.deps = lowers, tags, deps
        self.ents = [e or "-" for e in ent_types]
        self.shapes = [s[:4] for s in shapes]
        # A token's trailing whitespace is one space or none: line breaks are tokens.
        self.breaks = ["\n" in orth for orth in orths]
        relative = doc.to_array([HEAD]).astype("int64").tolist()
        self.heads = [i + offset for i, offset in enumerate(relative)]
        self.children: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self.depths = self._depths()
        self.cue_ancestors: list[tuple[int, int] | None] | None = None

    def edges(self, i: int) -> tuple[int, int]:
        """The first and last token of the phrase headed by token ``i`` (asked for few
        tokens: the children of likely cue words)."""
        token = self.doc[i]
        return token.left_edge.i, token.right_edge.i

    def _depths(self) -> list[int]:
        depths = [-1] * len(self.heads)
        for i in range(len(self.heads)):
            path = []
            j = i
            while depths[j] < 0 and self.heads[j] != j and len(path) < 60:
                path.append(j)
                j = self.heads[j]
            base = depths[j] if depths[j] >= 0 else 0
            for k, node in enumerate(reversed(path), start=1):
                depths[node] = base + k
            if depths[i] < 0:
                depths[i] = 0
        return depths


def article_features(
    doc: Doc,
    quotations: list[Quotation],
    lexicon: CueLexicon,
    leave_out: CueLexicon | None = None,
    encoder_probs: np.ndarray | None = None,
) -> list[list[str]]:
    """One feature list per token of ``doc``. ``leave_out`` is the article's own lexicon
    counts, subtracted while training so an article's gold never leaks into its features;
    ``encoder_probs`` are the fine-tuned encoder's label probabilities per token, if the
    tagger has one (``onrecord.attribute.encoder``).

    The quotation features read double marks only. The taggers were fitted on American news,
    where single marks quote only in headlines and inside double quotations; refitted with
    single quotations read as well, the CRF matched as many attributions on the held-out
    articles that have them and moved elsewhere by chance (docs/experiments.md, 2026-12-06),
    so the models stay as they were and the grouping reads single quotations on its own."""
    cols = _Columns(doc)
    inside = _quote_state(doc, [q for q in quotations if not q.single])
    sent_start = sentence_starts(doc)
    quoted_sents = {sent_start[i] for i in range(len(doc)) if inside[i] != "out"}
    cue_bin = [lexicon.rate_bin(word, leave_out) for word in cols.words]
    base = [_own_features(cols, i) for i in range(len(doc))]
    near = _nearest_cue_words(cue_bin, sent_start)
    edges = _clause_edges(cols, cue_bin)
    features: list[list[str]] = []
    for i in range(len(doc)):
        feats = list(base[i])
        feats.append(f"cue={cue_bin[i]}")
        feats.append(f"near={near[i]}")
        feats.extend(edges.get(i, ()))
        feats.extend(_syntax_features(cols, i, cue_bin))
        feats.extend(_context_features(base, i))
        feats.append(f"q={inside[i]}")
        feats.extend(_sentence_features(cols, i, sent_start, quoted_sents))
        features.append(feats)
    if encoder_probs is not None:
        for feats, encoded in zip(features, encoder_features(encoder_probs), strict=True):
            feats.extend(encoded)
    return features


def _nearest_cue_words(cue_bin: list[int | None], sent_start: list[int]) -> list[str]:
    """Where the closest likely cue word (rate >= 0.25) of the sentence lies: left or right,
    and how far, so content and source tokens far from any verb still see one."""
    out = ["none"] * len(cue_bin)
    likely = [i for i, b in enumerate(cue_bin) if b is not None and b >= 3]
    k = 0
    for i in range(len(cue_bin)):
        while k < len(likely) and likely[k] < i:
            k += 1
        best = None
        for j in (likely[k - 1] if k > 0 else None, likely[k] if k < len(likely) else None):
            if j is None or sent_start[j] != sent_start[i]:
                continue
            if best is None or abs(j - i) < abs(best - i):
                best = j
        if best is not None:
            side = "self" if best == i else "left" if best < i else "right"
            out[i] = f"{side}{_distance_bin(abs(best - i))}"
    return out


def _clause_edges(cols: _Columns, cue_bin: list[int | None]) -> dict[int, list[str]]:
    """Mark the first and last token of each phrase hanging below a likely cue word, so the
    tagger can start and stop a content (or a source) where the clause does."""
    edges: dict[int, list[str]] = {}
    for head, b in enumerate(cue_bin):
        if b is None or b < 2:
            continue
        for child in cols.children[head]:
            if cols.deps[child] in ("punct", "dep") or cols.words[child].isspace():
                continue
            side = "L" if child < head else "R"
            label = f"{cols.deps[child]}{side}{b}"
            first, last = cols.edges(child)
            edges.setdefault(first, []).append(f"first_of={label}")
            edges.setdefault(last, []).append(f"last_of={label}")
    return edges


def _distance_bin(distance: int) -> int:
    for n, edge in enumerate((0, 1, 2, 5, 10, 20)):
        if distance <= edge:
            return n
    return 6


def _own_features(cols: _Columns, i: int) -> list[str]:
    word = cols.words[i]
    return [
        f"w={word}",
        f"tag={cols.tags[i]}",
        f"stem={_stem(word)}",
        f"wd={word}|{cols.deps[i]}",
        f"suf={word[-3:]}",
        f"shape={cols.shapes[i]}",
        f"ent={cols.ents[i]}",
    ]


def _stem(word: str) -> str:
    """A crude stem, so "says", "said" and "saying" share evidence without a lemmatizer."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


SIGNAL_CHILDREN = frozenset(
    {"ccomp", "xcomp", "nsubj", "nsubjpass", "agent", "dobj", "prep", "mark"}
)
NAMED_CHILDREN = frozenset({"prep", "mark", "dobj"})


def _syntax_features(cols: _Columns, i: int, cue_bin: list[int | None]) -> list[str]:
    """The token's relation, its head chain (relation > head word), and its reporting-ish
    children, so the model sees e.g. 'I am under the ccomp of "said"'."""
    words, deps, heads = cols.words, cols.deps, cols.heads
    feats = [f"dep={deps[i]}", f"dep_head={deps[i]}>{words[heads[i]]}"]
    child, depth = i, 0
    while heads[child] != child and depth < ANCESTOR_DEPTH:
        head = heads[child]
        depth += 1
        relation = deps[child]
        feats.append(f"a{depth}={relation}>{words[head]}")
        feats.append(f"anc={relation}>{words[head]}")
        if cue_bin[head] is not None:
            feats.append(f"ac={cue_bin[head]}>{relation}")
        child = head
    feats.append(f"depth={min(cols.depths[i], 6)}")
    feats.extend(_cue_ancestor(cols, i, cue_bin))
    for c in cols.children[i]:
        if deps[c] in SIGNAL_CHILDREN:
            feats.append(f"child={deps[c]}")
            if deps[c] in NAMED_CHILDREN:
                feats.append(f"child={deps[c]}>{words[c]}")
    return feats


def _cue_ancestor(cols: _Columns, i: int, cue_bin: list[int | None]) -> list[str]:
    """The nearest likely cue above the token at any depth, with the relation by which the
    token's branch joins it: long contents sit many levels below their "said"."""
    if cols.cue_ancestors is None:
        cols.cue_ancestors = _nearest_cue_ancestors(cols, cue_bin)
    found = cols.cue_ancestors[i]
    if found is None:
        return ["cue_anc=none"]
    head, child = found
    b, relation = cue_bin[head], cols.deps[child]
    return [f"cue_anc={b}>{relation}", f"cue_anc_w={cols.words[head]}>{relation}"]


def _nearest_cue_ancestors(
    cols: _Columns, cue_bin: list[int | None]
) -> list[tuple[int, int] | None]:
    """For every token, (the nearest likely cue above it, the child of that cue on the way
    down), found once per article: a token shares the answer of its head unless the head is
    itself the cue, so heads are settled before their children."""
    found: list[tuple[int, int] | None] = [None] * len(cols.heads)
    for i in sorted(range(len(cols.heads)), key=cols.depths.__getitem__):
        head = cols.heads[i]
        if head == i:
            continue
        b = cue_bin[head]
        found[i] = (head, i) if b is not None and b >= 2 else found[head]
    return found


def _context_features(base: list[list[str]], i: int) -> list[str]:
    """The neighbours' words, and the next neighbours' tags (the first two of their own
    features). The tags two tokens away, like the tag of each head above the token and the
    cue rate of each head by depth, were dropped: a CRF trained on half of train without
    them scored the other half as well (attribution F1 0.611 against 0.610) on a quarter
    fewer feature strings, which are most of onrecord's own time."""
    feats = []
    for offset in range(-WINDOW, WINDOW + 1):
        if offset == 0:
            continue
        j = i + offset
        if 0 <= j < len(base):
            feats.append(f"{offset}:{base[j][0]}")
            if abs(offset) == 1:
                feats.append(f"{offset}:{base[j][1]}")
        else:
            feats.append(f"{offset}:EDGE")
    return feats


def _sentence_features(
    cols: _Columns, i: int, sent_start: list[int], quoted_sents: set[int]
) -> list[str]:
    start = sent_start[i]
    feats = []
    if i == start:
        feats.append("sent_start")
    if i + 1 == len(sent_start) or sent_start[i + 1] != start:
        feats.append("sent_end")
    if start in quoted_sents:
        feats.append("sent_has_quote")
    if i == 0 or cols.breaks[i - 1]:
        feats.append("para_start")
    return feats


def _quote_state(doc: Doc, quotations: list[Quotation]) -> list[str]:
    """For each token: 'out', 'mark' (a quotation mark), 'in' (quoted words) or 'open_in'
    (inside a quotation whose closing mark never came)."""
    state = ["out"] * len(doc)
    if not quotations:
        return state
    qi = 0
    for i, start in enumerate(doc.to_array(IDX).tolist()):
        while qi < len(quotations) and quotations[qi].end <= start:
            qi += 1
        if qi == len(quotations):
            break
        q = quotations[qi]
        if q.start <= start < q.end:
            if start < q.inner_start or start >= q.inner_end:
                state[i] = "mark"
            else:
                state[i] = "in" if q.closed else "open_in"
    return state
