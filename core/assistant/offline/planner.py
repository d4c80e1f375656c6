"""The offline planner: the default assistant provider (no network, no account).

One message goes through: language → intent (undo, question, greeting...) → template choice
(create) or the current template (edit) → features, numbers and relative edits resolved onto
parameters → a command for the session's undo stack and a reply in the user's language, streamed
word by word. When a template's required dimension is missing it asks one question; the next
message is read together with the request that raised it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from core.assistant.base import AssistantReply, Conversation, Message, PrinterContext, TokenCallback
from core.assistant.offline.answers import answer
from core.assistant.offline.copies import (
    COPIES,
    PLATE_GAP,
    SPACING,
    copies_of,
    find_copies,
    spacing,
    with_copies,
)
from core.assistant.offline.edits import find_relative_edits
from core.assistant.offline.features import feature_phrases, find_choices, find_features, numbered_features
from core.assistant.offline.honesty import asks_for_an_object, closest, missing_features, object_phrase, uncovered
from core.assistant.offline.intents import Intent, classify
from core.assistant.offline.labels import find_label
from core.assistant.offline.matcher import STOPWORDS, Match, Matcher, concepts
from core.assistant.offline.mentions import find_mentions
from core.assistant.offline.normalise import ADD_ONE, count_param, normalise
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.repair import adapt, fit_bed
from core.assistant.offline.replies import fmt_value, join, local_numbers, param_name, say
from core.assistant.offline.resolve import SIZE_ROLES, Resolution, Resolver, role_params
from core.assistant.offline.slots import attach, expand_abbreviations, spell_out
from core.assistant.offline.text import Lang, detect_language, fold, words
from core.assistant.offline.units import decimal_commas, find_measures
from core.commands import ReplaceDocument, SetParameters
from core.document.document import Document
from core.document.expressions import Number
from core.document.parameters import Parameter
from core.errors import ParameterError, PotStudioError
from core.geometry.build import Evaluator
from core.tasks import NULL_TASK, Task
from core.templates.base import TemplateSpec
from core.templates.registry import load_all

log = logging.getLogger(__name__)

_ANOTHER_ONE = re.compile(r"(?:(?:make|give me|and|now) )?(?:another(?: one)?|one more|(?:mais )?(?:um|uma) outr[oa]|"
                          r"outr[oa](?: igual)?|mais (?:um|uma))")
_WANTS_NEW = re.compile(r"\b(new|another|instead|novo|nova|outro|outra|now make|agora)\b")
_YOU_CHOOSE = re.compile(r"\b(you (choose|decide|pick)|up to you|whatever|any( size)?|(i )?(don't|dont|do not) know|"
                         r"default|voce (escolhe|decide)|tanto faz|nao sei|qualquer( um| uma)?|padrao)\b")
_YES = re.compile(r"(?:yes|yeah|yep|sure|ok(?:ay)?|please do|go ahead|do it|sim|pode|claro|faz|faca|beleza|pode ser)"
                  r"(?:,? (?:please|por favor|sure|pode))?")
_BARE_SIZE = re.compile(r"(?:(?:it'?s|its|make it|about|around|uns|umas|e|is|de)\s+)?[\d.,/ ]+\s*[a-z\"]*")
_QUESTIONS = frozenset({Intent.SIZE, Intent.FILAMENT, Intent.FIT, Intent.PARAMETERS, Intent.TIME, Intent.WATERTIGHT,
                        Intent.WALL})
_EXAMPLES = {1: "40 mm", 2: "85 x 56 mm", 3: "85 x 56 x 20 mm"}


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
        lang = _language(text, conversation)
        try:
            reply = self._respond(text, conversation, doc, context, lang)
        except PotStudioError as exc:
            reply = AssistantReply(text=say("invalid", lang, error=_reason(exc, lang)), notes=["error"],
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
        match = self.matcher.best(_unlabelled(text))
        pending = _pending_request(conversation)
        if pending is not None:
            before = self.matcher.best(pending)
            unknown = self._unknown_object(pending, before)
            offered = self._closest(pending, before) if unknown else None
            if offered is not None and _YES.fullmatch(fold(text).strip(" .!")):
                return self._create(offered, pending, context, lang)  # "shall I make the closest?" — "yes"
            if not unknown and before is not None and (match is None or match.spec.id == before.spec.id):
                defer = bool(_YOU_CHOOSE.search(fold(text)))  # "I don't know, you choose": take the defaults
                return self._create(before.spec, _answered(pending, text, before.spec), context, lang,
                                    ask=not defer, answer=_bare_size(text))
        current = doc.template if doc is not None else None
        new = doc is None or (match is not None and self._is_new_request(match, current, text))
        if new and self._unknown_object(text, match):
            return self._cannot_make(text, self._closest(text, match), lang)
        if match is not None and (doc is None or self._is_new_request(match, current, text)):
            return self._create(match.spec, text, context, lang)
        if match is None and current in self.templates and _ANOTHER_ONE.fullmatch(fold(text).strip(" .!")):
            return self._create(self.templates[current], "", context, lang)  # "another one": a fresh one
        if doc is not None:
            if current is None or current not in self.templates:
                return AssistantReply(text=say("not_template", lang), suggestions=self._suggestions(doc, lang))
            return self._edit(self.templates[current], doc, text, context, lang)
        return AssistantReply(
            text=say("not_understood", lang, catalogue=self._catalogue(lang), example=say("example_create", lang)),
            suggestions=self._suggestions(None, lang),
        )

    @staticmethod
    def _unknown_object(text: str, match: Match | None) -> bool:
        """The request names an object the library does not have: no template named at all, or only part of
        one whose vocabulary misses the object's words ("a hex key holder" is no wall hook)."""
        if match is not None:
            return not match.full and bool(uncovered(text, match.spec))
        if _YES.fullmatch(fold(text).strip(" .!")) or not asks_for_an_object(text):
            return False
        return any(w not in STOPWORDS for w in words(fold(object_phrase(text))))

    def _closest(self, text: str, match: Match | None) -> TemplateSpec | None:
        return match.spec if match is not None else closest(text, self.templates.values(), self.matcher)

    def _cannot_make(self, text: str, spec: TemplateSpec | None, lang: Lang) -> AssistantReply:
        """"I can't make an X yet; the closest I can make is Y — shall I?" (or, with nothing close, what it can)."""
        what = object_phrase(text)
        if spec is None:  # nothing close: say so and what it can make (no question to answer "yes" to)
            statement = say("cannot_make_any", lang, what=what, article=_article(what), catalogue=self._catalogue(lang))
            return AssistantReply(text=statement, suggestions=self._suggestions(None, lang))
        title = spec.title_pt if lang == "pt" else spec.title.lower()
        question = say("cannot_make", lang, what=what, title=title, article=_article(what),
                       closest_article=_article(title))
        return AssistantReply(text=question, questions=[question], suggestions=self._suggestions(None, lang))

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

    # --- create / edit ------------------------------------------------------------------------------
    def _read(self, spec: TemplateSpec, params: Mapping[str, Parameter], current: Mapping[str, Number],
              text: str, nozzle: float, creating: bool = False, lang: Lang = "en") -> Resolution:
        label = self._label(spec, text)
        folded = words_to_digits(fold(expand_abbreviations(text)))
        if label is not None:  # 'a tag that says "42"': the text to print is not a size
            said = fold(label[1])
            quoted = next((q for q in (f'"{said}"', f"'{said}'", said) if q in folded), said)
            folded = folded.replace(quoted, " " * len(quoted), 1)
        if lang == "pt" or detect_language(text) is None:  # "módulo 3,175": Brazil's decimal comma
            folded = decimal_commas(folded)
        numbered, folded = numbered_features(folded, spec)
        copies, folded = find_copies(folded, spec)
        norm = normalise(spell_out(folded), spec)
        folded = norm.text
        resolver = Resolver(spec, params, current, nozzle, folded, screw=norm.screw, creating=creating)
        resolver.out.copies = copies
        resolver.out.notes.extend(norm.notes)
        if label is not None:
            resolver.set(*label)
            switch = _text_switch(spec)
            if switch is not None and not current[switch.name]:  # text given for a plate printed without any
                resolver.set(switch.name, 1)
        hits = numbered + find_features(folded, spec)
        hits += find_choices(folded, spec, hits)
        edits, mentions = find_relative_edits(folded, find_mentions(folded))
        mentions = attach(folded, spec, mentions)
        resolver.apply_features([hit for hit in hits if resolver.keeps_sides(hit, mentions)])
        resolver.apply_mentions(mentions, hits)
        resolver.apply_relative(edits)
        resolver.straighten()  # before the base follows the rim in proportion
        resolver.keep_proportions()
        resolver.choose_rectangle(mentions)
        resolver.show_twist()
        return resolver.out

    def _create(self, spec: TemplateSpec, text: str, context: PrinterContext, lang: Lang,
                ask: bool = True, answer: float | None = None) -> AssistantReply:
        base = spec.make()
        params = {p.name: p for p in spec.parameters()}
        res = self._read(spec, params, base.values(), text, context.nozzle, creating=True, lang=lang)
        if answer is not None and res.impossible:  # the size the user gave when asked about an impossible one
            for bad in res.impossible:
                res.values[bad.param] = params[bad.param].clamp(answer)
            res.impossible.clear()
            res.notes = [(key, fields) for key, fields in res.notes if key != "negative"]
        if res.impossible:
            return self._impossible(res, params, lang)
        fit_bed(spec, params, res, context.bed, lang)
        # a tag is nothing without its text; a plate whose text can be switched off ("none") is something
        required = [*spec.required, *(["text"] if _text_param(spec) and not _text_switch(spec) else [])]
        missing = [name for r in dict.fromkeys(required) for name in (role_params(spec, r) or [r])
                   if name in params and name not in res.values]
        title = spec.title_pt if lang == "pt" else spec.title.lower()
        if missing and ask:
            items = join([param_name(params[n], lang) for n in missing], lang)
            texts = all(params[n].kind == "text" for n in missing)
            question = say("ask_one" if len(missing) == 1 else "ask_required", lang,
                           title=title[0].lower() + title[1:], items=items,
                           example=say("example_text", lang) if texts else _EXAMPLES.get(len(missing), "40 mm"))
            return AssistantReply(text=question, questions=[question])
        try:
            doc = spec.make(res.values, name=spec.title_pt if lang == "pt" else spec.title)
        except PotStudioError as exc:
            adapted = adapt(spec, res, params, lang)
            if adapted is None:
                return self._refused(exc, res, params, None, lang)
            doc = spec.make(adapted, name=spec.title_pt if lang == "pt" else spec.title)
        values = doc.values()
        defaults = {name: values[name] for name in _role_params(spec, params, values)
                    if name not in res.values and values[name]}  # a 0 here means "none", not a size
        summary = _summary([n for n in params if n in res.values], doc.params, values, lang)
        summary = summary or _description(spec, lang)
        parts = [say("created", lang, title=title, summary=summary)]
        if defaults:
            parts.append(say("defaults", lang, items=_summary(list(defaults), doc.params, values, lang)))
        if res.copies is not None and res.copies > 1:
            doc = with_copies(spec, doc, res.copies)
            parts.append(say("laid_out", lang, count=res.copies))
        notes = self._notes(res, doc.params, lang) + self._missing(text, spec, lang) + _fit_warning(
            spec, doc, context, lang)
        return AssistantReply(
            text=" ".join([*parts, *notes]), command=ReplaceDocument(doc, label=say("label_new", lang, title=title)),
            defaults_used=dict(defaults), notes=notes,
            suggestions=self._suggestions(doc, lang),
        )

    def _edit(self, spec: TemplateSpec, doc: Document, text: str, context: PrinterContext,
              lang: Lang) -> AssistantReply:
        before = doc.values()
        res = self._read(spec, doc.params, before, text, context.nozzle, lang=lang)
        if res.copies is not None and COPIES in doc.params:
            res.values[COPIES] = res.copies
        changes = {k: v for k, v in res.values.items() if v != before[k]}
        if res.impossible:
            return self._impossible(res, doc.params, lang)
        notes = self._notes(res, doc.params, lang) + self._missing(text, spec, lang)
        if res.copies is not None and COPIES not in doc.params:
            return self._copied(spec, doc, changes, res.copies, notes, lang)
        if not changes:
            title = spec.title_pt if lang == "pt" else spec.title.lower()
            if notes:
                message = " ".join(notes)
            elif res.values:
                message = say("already", lang, summary=_summary(list(res.values), doc.params, before, lang))
            else:
                message = say("no_change", lang, title=title, example=say("example_edit", lang))
            return AssistantReply(text=message, notes=notes, suggestions=self._suggestions(doc, lang))
        trial = doc.copy()
        try:
            for name, value in changes.items():
                trial.set_param_value(name, value)
            spec.validate(trial)
        except PotStudioError as exc:
            return self._refused(exc, res, doc.params, doc, lang)
        after = trial.values()
        items = [f"{param_name(doc.params[n], lang)} {fmt_value(before[n], doc.params[n], lang)} → "
                 f"{fmt_value(after[n], doc.params[n], lang)}" for n in changes]
        if SPACING in doc.params and spacing(spec, trial) != after[SPACING]:  # the row follows a wider copy
            changes[SPACING] = spacing(spec, trial)
        command = SetParameters(dict(changes), label=_edit_label(changes, doc.params, lang))
        notes += _fit_warning(spec, trial, context, lang)
        return AssistantReply(
            text=" ".join([say("edited", lang, summary=", ".join(items)), *notes]),
            command=command, notes=notes, suggestions=self._suggestions(trial, lang),
        )

    def _copied(self, spec: TemplateSpec, doc: Document, changes: Mapping[str, Number], count: int,
                notes: list[str], lang: Lang) -> AssistantReply:
        """"make 3 of them" on an open model: the same model (with any change said alongside), `count` times."""
        trial = doc.copy()
        try:
            for name, value in changes.items():
                trial.set_param_value(name, value)
            spec.validate(trial)
        except PotStudioError as exc:
            return AssistantReply(text=say("invalid", lang, error=_reason(exc, lang)), notes=["error", *notes],
                                  suggestions=self._suggestions(doc, lang))
        new = with_copies(spec, trial, count)
        return AssistantReply(text=" ".join([say("laid_out", lang, count=count), *notes]),
                              command=ReplaceDocument(new, label=say("label_copies", lang, count=count)),
                              notes=notes, suggestions=self._suggestions(new, lang))

    @staticmethod
    def _label(spec: TemplateSpec, text: str) -> tuple[str, str] | None:
        """(text parameter, text) when the template prints text and the sentence names some."""
        name = _text_param(spec)
        label = find_label(text, weak=name in role_params(spec, "text")) if name else None
        return (name, label) if name and label is not None else None

    # --- reply pieces ---------------------------------------------------------------------------------
    @staticmethod
    def _missing(text: str, spec: TemplateSpec, lang: Lang) -> list[str]:
        """"Not available yet: self-watering — this is a plain plant pot."""
        missing = missing_features(_unlabelled(text), spec)  # the text to print ("with my name Pedro") is no feature
        title = spec.title_pt if lang == "pt" else spec.title.lower()
        return [say("missing_feature", lang, what=join(missing, lang), title=title)] if missing else []

    @staticmethod
    def _impossible(res: Resolution, params: Mapping[str, Parameter], lang: Lang) -> AssistantReply:
        """A stated size no printer can make: one question about it, nothing clamped behind the user's back."""
        bad = res.impossible[0]
        p = params[bad.param]
        negative = next((fields["value"] for key, fields in res.notes if key == "negative"), None)
        shown = negative if negative is not None else _size_text(float(bad.value))
        why = ("why_negative" if negative is not None else "why_zero" if float(bad.value) <= 0
               else "why_big" if float(bad.value) > float(p.max or 0) else "why_small")
        question = say("impossible", lang, what=f"{param_name(p, lang)} {shown}",
                       why=say(why, lang, lo=fmt_value(p.min or 0, p), hi=fmt_value(p.max or 0, p)),
                       example=fmt_value(p.value, p, lang))
        return AssistantReply(text=question, questions=[question])

    def _refused(self, error: PotStudioError, res: Resolution, params: Mapping[str, Parameter], doc: Document | None,
                 lang: Lang) -> AssistantReply:
        """A printability rule said no: say which, and which values were limited on the way there."""
        notes = self._notes(res, params, lang)
        return AssistantReply(text=" ".join([say("invalid", lang, error=_reason(error, lang)), *notes]),
                              notes=["error", *notes], suggestions=self._suggestions(doc, lang))

    def _notes(self, res: Resolution, params: Mapping[str, Parameter], lang: Lang) -> list[str]:
        notes = []
        for clamp in res.clamps:
            p = params[clamp.param]
            notes.append(say("clamped", lang, name=param_name(p, lang).capitalize(), value=fmt_value(clamp.value, p),
                             lo=fmt_value(p.min or 0, p), hi=fmt_value(p.max or 0, p)))
        notes += [say(key, lang, **fields) for key, fields in res.notes]
        if res.unplaced:
            notes.append(say("ignored", lang, what=join(res.unplaced, lang)))
        return notes

    def _catalogue(self, lang: Lang) -> str:
        titles = [(s.title_pt if lang == "pt" else s.title).lower() for s in self.templates.values()]
        return join(titles, lang)

    def _suggestions(self, doc: Document | None, lang: Lang, exclude: Intent | None = None) -> list[str]:
        if doc is None or doc.template not in self.templates:
            return [say("example_create", lang), say("sug_capabilities", lang)]
        spec = self.templates[doc.template or ""]
        chips = [say("sug_taller", lang)]
        if role_params(spec, "wall"):
            chips.append(say("sug_thicker", lang))
        values = doc.values()
        for key, feature in spec.features.items():
            if feature.param in values and doc.params[feature.param].kind in ("int", "bool", "float"):
                phrase = _feature_word(key, feature.words_pt if lang == "pt" else feature.words_en)
                on = values[feature.param] != feature.off
                chips.append(say("sug_remove" if on else "sug_add", lang, what=phrase))
                break
        chips.append(say("sug_fit" if exclude is Intent.FILAMENT else "sug_filament", lang))
        return chips[:4]


def _unlabelled(text: str) -> str:
    """The request without the text to print on it: "a sign that says OPEN" asks for no bottle opener."""
    label = find_label(text)
    return text.replace(label, " ", 1) if label else text


def _size_text(mm: float) -> str:
    """A stated size in the unit it was probably said in: 1e7 mm reads "10 km"."""
    for unit, size in (("km", 1e6), ("m", 1e3)):
        if abs(mm) >= size:
            return f"{mm / size:g} {unit}"
    return f"{mm:g} mm"


def _article(phrase: str) -> str:
    return "an" if phrase[:1].lower() in "aeiou" else "a"


def _bare_size(text: str) -> float | None:
    """A reply that is only a size ("30 mm", "2 cm"), in mm: the answer to a question about one size."""
    folded = words_to_digits(fold(text)).strip(" .!")
    found = find_measures(folded)
    if len(found) != 1 or len(found[0].values) != 1 or _BARE_SIZE.fullmatch(folded) is None:
        return None
    return found[0].value


def _answered(pending: str, text: str, spec: TemplateSpec) -> str:
    """The pending request with the user's answer: a bare word or name ("Ana", "ANA") answers the text a
    tag was waiting for, so it is quoted as that text."""
    bare = text.strip(" .!")
    if _text_param(spec) and find_label(pending) is None and find_label(text) is None and bare and \
            len(bare) <= 32 and len(bare.split()) <= 4 and not find_measures(words_to_digits(fold(bare))) and \
            not _YOU_CHOOSE.search(fold(bare)):
        return f'{pending} . "{bare}"'
    return f"{pending} . {text}"


def _reason(error: PotStudioError, lang: Lang) -> str:
    """Why a request was refused, in the reply's language: a broken printability rule carries its
    Portuguese text; other errors have only their English message."""
    return error.text(lang) if isinstance(error, ParameterError) else str(error)


def _feature_word(key: str, words: tuple[str, ...]) -> str:
    return words[0] if words else key.replace("_", " ")


def _fit_warning(spec: TemplateSpec, doc: Document, context: PrinterContext, lang: Lang) -> list[str]:
    """A note when the template's promised size exceeds the printer, in either orientation on the bed."""
    extent = spec.expected_extent(doc)
    if extent is None:
        return []
    x, y, z = extent.size
    if COPIES in doc.params:  # a row of copies
        x = float(doc.values()[SPACING]) * copies_of(doc) - PLATE_GAP
    bx, by, bz = context.bed
    if z <= bz + 0.01 and ((x <= bx + 0.01 and y <= by + 0.01) or (y <= bx + 0.01 and x <= by + 0.01)):
        return []
    return [say("too_big", lang, size=" × ".join(f"{v:.0f}" for v in extent.size),
                bed=" × ".join(f"{v:g}" for v in context.bed))]


def _role_params(spec: TemplateSpec, params: Mapping[str, Parameter], values: Mapping[str, Number]) -> list[str]:
    """Parameters the assistant mentions as defaults: the template's named sizes (for the chosen
    shape: a cylinder has no width) and walls."""
    names: list[str] = []
    for role in (*SIZE_ROLES, "wall"):
        for name in role_params(spec, role, values):
            if name in params and params[name].expr is None and name not in names:
                names.append(name)
    return names


def _text_param(spec: TemplateSpec) -> str | None:
    """The text the template prints: the one its "text" role names, else one it prints only when a
    switch turns it on (a plate has no text role, so "4 holes" is never printed as "4", yet a quoted
    'raised text "GARAGE"' is its text)."""
    names = role_params(spec, "text")
    texts = [p.name for p in spec.parameters() if p.kind == "text"]
    return next((n for n in texts if n in names), None) or next((n for n in texts if _switch_of(spec, n)), None)


def _text_switch(spec: TemplateSpec) -> Parameter | None:
    """The choice that prints the template's text or not ("text_style": none / raised / engraved), if any."""
    name = _text_param(spec)
    return _switch_of(spec, name) if name else None


def _switch_of(spec: TemplateSpec, name: str) -> Parameter | None:
    return next((p for p in spec.parameters() if p.kind == "choice" and name in p.name
                 and p.choices and p.choices[0] == "none"), None)


def _description(spec: TemplateSpec, lang: Lang) -> str:
    """What the template makes, when the user stated nothing: in Portuguese from `description_pt`
    (when the template has one), never the English description in a Portuguese reply."""
    if lang == "pt":
        return str(getattr(spec, "description_pt", "") or say("defaults_only", lang)).rstrip(".")
    return spec.description.rstrip(".")


def _summary(names: list[str], params: Mapping[str, Parameter], values: Mapping[str, Number], lang: Lang) -> str:
    return ", ".join(f"{param_name(params[n], lang)} {fmt_value(values[n], params[n], lang)}" for n in names)


def _edit_label(changes: Mapping[str, object], params: Mapping[str, Parameter], lang: Lang) -> str:
    """The undo-stack label, in the user's language: "Desfeito: Assistente: mudar altura"."""
    return say("label_edit", lang, what=", ".join(param_name(params[n], lang) for n in changes))


def _pending_request(conversation: Conversation) -> str | None:
    """What the user said since the request that raised the open clarifying question(s): "a case
    for my board" → "what are its dimensions?" → "85 x 56 mm" → "and the height?" → "20 mm"."""
    msgs: list[Message] = conversation.messages
    said: list[str] = []
    i = len(msgs) - 2  # msgs[-1] is the message being answered now
    while i >= 1 and msgs[i].role == "assistant" and msgs[i].meta.get("questions") and msgs[i - 1].role == "user":
        said.insert(0, msgs[i - 1].text)
        i -= 2
    return " . ".join(said) if said else None


def _language(text: str, conversation: Conversation) -> Lang:
    """The language of this message, or of the last user message that had one."""
    for message in [Message("user", text), *reversed(conversation.messages)]:
        if message.role == "user":
            lang = detect_language(message.text)
            if lang is not None:
                return lang
    return "en"

