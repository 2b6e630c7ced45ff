"""Find attributions: which stretches of an article are said, by whom, and how.

``find(doc, tagger)`` runs the learned tagger over the parsed article, then ties its
source, cue and content runs into attributions (``group``) and labels their kind.
Speakers are not resolved here: that is the ``resolve`` stage.
"""

from __future__ import annotations

from onrecord.attribute.find import find
from onrecord.attribute.tagger import Tagger

__all__ = ["Tagger", "find"]
