"""The offline planner: the default assistant provider (no network, no account).

One message goes through: language → intent (undo, question, greeting...) → template choice
(create) or the current template (edit) → features, numbers and relative edits resolved onto
parameters (reading.py) → a command for the session's undo stack and a reply in the user's language
(changes.py), streamed word by word. When a template's required dimension is missing it asks one
question; the next message is read together with the request that raised it (dialogue.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace

from core.assistant.base import AssistantReply, Conversation, PrinterContext, TokenCallback
from core.assistant.offline.answers import answer
from core.assistant.offline.changes import create, edit
from core.assistant.offline.chips import catalogue, suggestions
from core.assistant.offline.dialogue import (
    answered,
    asks_another,
    bare_size,
    defers,
    language,
    pending_request,
    says_yes,
)
from core.assistant.offline.features import feature_phrases, find_features
from core.assistant.offline.honesty import (
    asks_for_an_object,
    closest,
    named_object,
    object_phrase,
    uncovered,
)
from core.assistant.offline.intents import Intent, classify
from core.assistant.offline.labels import unlabelled
from core.assistant.offline.matcher import STOPWORDS, Match, Matcher, concepts
from core.assistant.offline.naming import kind_of, name_words, names_another_object, names_what_it_holds, stands_in
from core.assistant.offline.normalise import ADD_ONE, count_param
from core.assistant.offline.notes import reason
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.replies import local_numbers, say, title_in
from core.assistant.offline.text import Lang, detect_language, fold, indefinite_article, words
from core.assistant.offline.units import find_measures
from core.commands import ReplaceDocument
from core.document.document import Document
from core.errors import PotStudioError
from core.geometry.build import Evaluator
from core.tasks import NULL_TASK, Task
from core.templates.base import TemplateSpec
from core.templates.registry import load_all

log = logging.getLogger(__name__)

_WANTS_NEW = re.compile(r"\b(new|another|instead|novo|nova|outro|outra|now make|agora)\b")
_QUESTIONS = frozenset({Intent.SIZE, Intent.FILAMENT, Intent.FIT, Intent.PARAMETERS, Intent.TIME, Intent.WATERTIGHT,
                        Intent.WALL})


class OfflinePlanner:
    name = "offline"

    def __init__(self, templates: Mapping[str, TemplateSpec] | None = None, evaluator: Evaluator | None = None) -> None:
        self._templates = dict(templates) if templates is not None else None
        self._matcher: Matcher | None = None
        self.evaluator = evaluator or Evaluator()

    @property
    def templates(self) -> dict[str, TemplateSpec]:
        if self._templates is None:
            self._templates = dict(load_all())
        return self._templates

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self.templates.values())
        return self._matcher

    def respond(
        self,
        conversation: Conversation,
        doc: Document | None,
        context: PrinterContext,
        on_token: TokenCallback | None = None,
        task: Task = NULL_TASK,
    ) -> AssistantReply:
        user = next((m for m in reversed(conversation.messages) if m.role == "user"), None)
        text = user.text if user is not None else ""
        lang = language(text, conversation)
        try:
            reply = self._respond(text, conversation, doc, context, lang)
        except PotStudioError as exc:
            reply = AssistantReply(text=say("invalid", lang, error=reason(exc, lang)), notes=["error"],
                                   suggestions=self._suggestions(doc, lang))
        except Exception:  # a planner bug must cost one chat turn, not the session: logged in full
            log.exception("offline planner failed on %r", text)
            reply = AssistantReply(text=say("internal", lang, example=say("example_create", lang)), notes=["error"],
                                   suggestions=self._suggestions(doc, lang))
        reply.provider = self.name
        reply.text = local_numbers(reply.text, lang)
        reply.questions = [local_numbers(q, lang) for q in reply.questions]
        task.check()
        if on_token is not None:
            for i, word in enumerate(reply.text.split(" ")):
                on_token(word if i == 0 else f" {word}")
        return reply

    # --- dispatch ---------------------------------------------------------------------------------
    def _respond(self, text: str, conversation: Conversation, doc: Document | None, context: PrinterContext,
                 lang: Lang) -> AssistantReply:
        folded = words_to_digits(fold(text))
        intent = classify(folded)
        if intent in (Intent.GREETING, Intent.THANKS, Intent.CAPABILITIES, Intent.EXPORT) and self.matcher.best(text):
            intent = Intent.DESIGN
        if intent is Intent.EXPORT:  # "export it as 3mf": where that is done, not a 3 mm edit
            return AssistantReply(text=say("export", lang), suggestions=self._suggestions(doc, lang))
        if intent is Intent.UNDO:
            return AssistantReply(text=say("undone", lang, label="{label}"), undo=True,
                                  nothing_to_undo=say("nothing_to_undo", lang),
                                  suggestions=self._suggestions(doc, lang))
        if intent is Intent.REDO:
            return AssistantReply(text=say("redone", lang, label="{label}"), redo=True,
                                  nothing_to_redo=say("nothing_to_redo", lang),
                                  suggestions=self._suggestions(doc, lang))
        if intent is Intent.DESIGN:
            return self._design(text, conversation, doc, context, lang)
        if intent in _QUESTIONS:
            if doc is None and self.matcher.best(text) is not None:
                return self._create_and_answer(intent, text, conversation, context, lang)
            if doc is None:
                return AssistantReply(text=say("no_model", lang, example=say("example_create", lang)),
                                      suggestions=self._suggestions(None, lang))
            return AssistantReply(text=answer(intent, doc, context, self.evaluator, lang, folded),
                                  suggestions=self._suggestions(doc, lang, exclude=intent))
        key = {Intent.GREETING: "greeting", Intent.THANKS: "thanks"}.get(intent, "capabilities")
        return AssistantReply(text=say(key, lang, catalogue=self._catalogue(lang), example=say("example_create", lang)),
                              suggestions=self._suggestions(doc, lang))

    def _create_and_answer(self, intent: Intent, text: str, conversation: Conversation, context: PrinterContext,
                           lang: Lang) -> AssistantReply:
        """"a 12 cm plant pot — how much filament would it take?": make it, then answer about it."""
        reply = self._design(text, conversation, None, context, lang)
        if isinstance(reply.command, ReplaceDocument):
            folded = words_to_digits(fold(text))
            reply.text = f"{reply.text} {answer(intent, reply.command.new, context, self.evaluator, lang, folded)}"
        return reply

    def _design(self, text: str, conversation: Conversation, doc: Document | None, context: PrinterContext,
                lang: Lang) -> AssistantReply:
        match = self._choose(unlabelled(text))
        pending = pending_request(conversation)
        if pending is not None:
            before = self.matcher.best(pending)
            unknown = self._unknown_object(pending, before)
            offered = self._closest(pending) if unknown else None
            if offered is not None and says_yes(text):
                return create(offered, pending, context, lang)  # "shall I make the closest?" — "yes"
            if not unknown and before is not None and (match is None or match.spec.id == before.spec.id):
                defer = defers(text)  # "I don't know, you choose": take the defaults
                return create(before.spec, answered(pending, text, before.spec), context, lang,
                              ask=not defer, answer=bare_size(text))
        current = doc.template if doc is not None else None
        new = doc is None or (match is not None and self._is_new_request(match, current, text))
        if new and self._unknown_object(text, match):
            return self._cannot_make(text, self._closest(text), lang)
        if match is not None and (doc is None or self._is_new_request(match, current, text)):
            return create(match.spec, text, context, lang)
        if match is None and current in self.templates and asks_another(text):
            return create(self.templates[current], "", context, lang)  # "another one": a fresh one
        if doc is not None:
            if current is None or current not in self.templates:
                return AssistantReply(text=say("not_template", lang), suggestions=self._suggestions(doc, lang))
            return edit(self.templates[current], doc, text, context, lang)
        question = say("not_understood", lang, catalogue=self._catalogue(lang), example=say("example_create", lang))
        return AssistantReply(text=question, questions=[question], suggestions=self._suggestions(None, lang))

    def _choose(self, text: str) -> Match | None:
        """The template the sentence names, or another of the same kind that the sentence names by one of its
        variants ("arduino uno enclosure": an enclosure, named by the Uno that the board case is made for,
        so it is the Uno's case with its port cutouts) — unless the sentence sizes the object itself or asks
        for an add-on only the first has ("an enclosure for an arduino uno with vents" stays the vented
        device enclosure, sized for the Uno)."""
        match = self.matcher.best(text) or self._by_head(text)
        if match is None:
            return None
        folded = words_to_digits(fold(text))
        if any(len(m.values) > 1 for m in find_measures(folded)):
            return match
        wanted, variant = _asked(match.spec, folded)
        said = set(concepts(folded, canonical=False))
        for other in self.matcher.rank(text):
            if variant or other.spec.id == match.spec.id or other.spec.category != match.spec.category:
                continue
            add_ons, named = _asked(other.spec, folded)
            naming = said & set(concepts(other.phrase, canonical=False))
            own = set(concepts(match.phrase, canonical=False))  # "a tube / ring / disc" names the tube, not a disc
            if naming and naming <= named and not naming & own and wanted <= add_ons:
                return replace(other, full=match.full, head=match.head)  # the object was named: same kind
        return match

    def _by_head(self, text: str) -> Match | None:
        """The one template whose title the object's head noun names, when no name of it scored as one: "a
        cabinet pull with 3 inch centers" is a drawer pull / cabinet handle, whose qualifiers are then read."""
        found, _ = name_words(text)
        if not found:
            return None
        lang = detect_language(text)
        head = found[0] if lang == "pt" else found[-1]
        owners = [spec for spec in self.templates.values() if kind_of(spec, head, lang)]
        return Match(owners[0], 0.0, head, False, True) if len(owners) == 1 else None

    def _unknown_object(self, text: str, match: Match | None) -> bool:
        """The request names an object the library does not have: no template named at all, or only part of
        one whose vocabulary misses the object's words ("a hex key holder" is no wall hook), or one named in full
        as part of another object's name ("a knife block")."""
        if match is not None:
            if match.full:  # the template chosen, and the one first named if a variant's name chose another
                named = self.matcher.best(text)
                kin = named.spec if named is not None and named.spec.id != match.spec.id else None
                return all(names_another_object(text, m.spec, self.templates.values(), kin)
                           for m in (match, named) if m is not None)
            return bool(uncovered(text, match.spec)) or stands_in(text, match.spec) \
                or names_what_it_holds(text, match.spec)
        if says_yes(text) or not asks_for_an_object(text):
            return False
        return any(w not in STOPWORDS for w in words(fold(object_phrase(text))))

    def _closest(self, text: str) -> TemplateSpec | None:
        return closest(text, self.templates.values(), self.matcher)

    def _cannot_make(self, text: str, spec: TemplateSpec | None, lang: Lang) -> AssistantReply:
        """"I can't make an X yet; the closest I can make is Y — shall I?" (or, with nothing close, what it can)."""
        what = named_object(text)
        if spec is None:  # nothing close: say so, and ask which of what it can make instead
            question = say("cannot_make_any", lang, what=what, article=indefinite_article(what),
                           catalogue=self._catalogue(lang))
            return AssistantReply(text=question, questions=[question], suggestions=self._suggestions(None, lang))
        title = title_in(spec, lang)
        question = say("cannot_make", lang, what=what, title=title, article=indefinite_article(what),
                       closest_article=indefinite_article(title))
        return AssistantReply(text=question, questions=[question],  # one click accepts the offer
                              suggestions=[say("sug_accept", lang), *self._suggestions(None, lang)])

    def _is_new_request(self, match: Match, current: str | None, text: str) -> bool:
        """With a model open, only a full synonym of another template (or "a new ...") starts over,
        so "add a lid" edits the open model instead of making a box — and a synonym that is just a
        feature of the open model ("com pratinho" on a pot, not a new "prato") edits it too."""
        folded = fold(text)
        added = ADD_ONE.search(folded)
        spec = self.templates.get(current or "")
        if added is not None and spec is not None and count_param(spec, added.group(2)):
            return False  # "add another hook" to a hook: one more of them, not a new model
        if _WANTS_NEW.search(folded):
            return True
        if match.spec.id == current or not match.full:
            return False
        if re.search(rf"\b(?:the|its|this|that)\s+{re.escape(fold(match.phrase))}\b", folded):
            return False  # "make the rod longer": a part of this model, not a new rod
        if spec is not None:
            feature_words = {c for k, f in spec.features.items() for p in feature_phrases(k, f) for c in concepts(p)}
            if set(concepts(match.phrase)) <= feature_words:
                return False
        return True

    def _catalogue(self, lang: Lang) -> str:
        return catalogue(self.templates.values(), lang)

    def _suggestions(self, doc: Document | None, lang: Lang, exclude: Intent | None = None) -> list[str]:
        spec = self.templates.get(doc.template or "") if doc is not None else None
        return suggestions(spec, doc, lang, exclude)


def _asked(spec: TemplateSpec, folded: str) -> tuple[set[frozenset[str]], set[str]]:
    """The add-ons of `spec` the sentence switches on ("with vents"), by their words, and the words naming
    one of the variants `spec` makes (a choice: "arduino uno" on a board case)."""
    kinds = {p.name: p.kind for p in spec.parameters()}
    hits = find_features(folded, spec)
    return ({hit.words for hit in hits if hit.on and kinds.get(hit.feature.param) != "choice"},
            {w for hit in hits if kinds.get(hit.feature.param) == "choice" for w in hit.words})


