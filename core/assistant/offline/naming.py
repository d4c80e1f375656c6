"""What an object's name says: its head noun, the words qualifying it, and whether a template owns that name.

A request names a template when its head noun is the head of one of the template's own names and its noun
qualifiers are words the template knows ("a towel hook", "a spiral vase mode vase"). It names another object,
close to the template at best, when the head is another object's ("a cable management box" is no cable clip),
when its head is a template's word but not the head of any of its names ("a cup holder" is no coaster, though
"porta-copos" is), when an English qualifier is a thing the library knows but this template does not ("a makeup
brush holder": pen cups hold makeup brushes, but the brush holder is not a makeup brush holder), or when the
name is an object the template only stands in for (core.templates.uses: "a wall shelf" for a shelf bracket).

Words are told apart by the library's own vocabulary rather than by lists of requests: an "-ing" word is a noun
when some template is known by it or keeps it ("a seedling tray", "a sorting box"), an adjective otherwise ("an
amazing phone stand"); a request verb right after the article is a noun ("a can opener").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.assistant.offline import lexicon as lx
from core.assistant.offline.embedding import names
from core.assistant.offline.matcher import STOPWORDS, canonical, concept, concepts
from core.assistant.offline.numbers import words_to_digits
from core.assistant.offline.text import detect_language, fold, stem
from core.assistant.offline.units import is_unit_word
from core.templates.base import TemplateSpec
from core.templates.uses import USES

FILLER = frozenset({
    "it", "them", "on", "in", "at", "through", "inside", "outside", "each", "all", "built", "some", "nice", "little",
    "small", "big", "good", "simple", "one", "ones", "side", "sides", "edge", "edges", "please", "also", "too",
    "mm", "cm", "inch", "inches", "polegada", "polegadas", "milimetros", "centimetros", "isso", "dela", "dele",
    "nele", "nela", "bem", "pequeno", "pequena", "grande", "bonito", "bonita", "simples", "x", "by", "por",
    "cada", "todo", "toda", "todos", "as", "os", "um", "uma", "of", "de", "do", "da", "to", "a", "an", "the",
    "minus", "negative", "menos", "negativo", "negativa", "about", "around", "roughly", "approximately", "approx",
    "uns", "umas", "cerca", "like", "just", "very", "really", "my", "our", "your", "new", "tiny", "huge", "cool",
    "basic", "quick", "meu", "minha", "novo", "nova", "sized", "shaped", "style", "type", "kind",
    "add", "put", "include", "adicione", "coloque", "acrescente", "mais", "tambem", "more",
    "millimeter", "millimeters", "millimetre", "millimetres", "centimeter", "centimeters", "centimetre",
    "centimetres", "meter", "meters", "metre", "metres", "foot", "feet", "milimetro", "centimetro", "metro", "metros",
    "half", "third", "quarter", "quarters", "eighth", "eighths", "sixteenth", "meio", "meia", "quarto", "quartos",
    "oitavo", "oitavos", "terco", "says", "saying", "say", "written", "named", "called", "escrito", "escrita", "nome",
    "texto", "diz", "now", "then", "instead", "actually", "okay", "ok", "maybe", "agora", "entao", "tipo",
    # what a print is for, never what it is: "a 20 mm calibration cube", "a replacement knob", "a gift box"
    "replacement", "spare", "calibration", "test", "tolerance", "sample", "prototype", "demo", "gift",
    "reposicao", "calibracao", "teste", "amostra", "prototipo", "presente",
})
LEADING = re.compile(
    r"^(?:(?:can you|could you|would you|will you|please|pls|i need|i want|i'?d like|i'?m looking for|looking for|"
    r"we need|need|make me|make|print me|print|give me|design|create|model|how about|eu |me |voce |você |"
    r"(?:tem como|da pra|dá pra|consegue|pode|poderia|queria|gostaria de|to precisando de|tô precisando de|"
    r"estou precisando de|procuro)(?: fazer| imprimir| criar)?|fazer|imprimir|imprime|manda|"
    r")?\s*(?:a|an|some|one|um|uma|preciso de|quero|faca|faça|faz|crie|imprima)?\s+)+", re.I)
# The request verbs the matcher drops as stopwords that are also nouns: "a can opener", "a print bed". One is a
# noun where a noun stands, first in the object's name or right after another of its words ("a watering can").
VERB_NOUNS = frozenset({"can", "print", "design"})

# Where an object's name ends: what follows says what it is for, what it has or what is written on it; a word
# inside a hyphenated one ends nothing ("a screw-on clip")
NAME_END = {
    "en": re.compile(r"(?<!-)\b(?:with|for|of|that|which|to|from|in|on|at|and|but|without|saying|says|reading|"
                     r"called|named|written|as|so|because|since)\b(?!-)|[\"“”',;.!?(:]"),
    "pt": re.compile(r"(?<!-)\b(?:com|para|pra|pro|que|sem|e|mas|escrito|escrita|dizendo|chamado|chamada|porque|"
                     r"pois)\b(?!-)|[\"“”',;.!?(:]"),
}
_OF = frozenset({"de", "do", "da", "dos", "das"})
_SIZE_TOKEN = re.compile(r"(?:\d+(?:[.,/]\d+)?(?:x\d+(?:[.,/]\d+)?)*[\"']?|x|by|por)")
_EN_TAIL = re.compile(r"\b(?:with|for|to|of|that|in|on|under)\b")
_PT_TAIL = re.compile(r"\b(?:de|do|da|dos|das|para|pra|com|em)\b|-")
# English puts a compound's modifiers before its head with no word between, so an adjective is told from a noun
# by its form or, for the common ones without a telling ending, by name
_ADJECTIVE_ENDINGS = ("ed", "ing", "ful", "ous", "ive", "ish", "less", "able", "ible", "ly", "ic", "al", "ese", "ian",
                      "sized", "shaped", "style", "like", "looking")
_ADJECTIVES = frozenset({
    "cute", "pretty", "sturdy", "strong", "sleek", "modern", "fancy", "plain", "mini", "large", "medium", "heavy",
    "cheap", "ugly", "funny", "neat", "clean", "rustic", "vintage", "retro", "compact", "slim", "chunky", "robust",
    "minimalist", "minimal", "spare", "extra", "standard", "regular", "generic", "custom", "easy", "best", "good",
    "perfect", "super", "ultra", "thin", "wide", "narrow", "deep", "shallow", "tall", "short", "long", "flat", "low",
    "high", "giant", "double", "single", "triple", "old", "black", "white", "red", "blue", "green", "yellow", "pink",
    "purple", "orange", "grey", "gray", "brown", "gold", "silver", "clear", "transparent", "solid", "hollow", "open",
    "closed", "smooth", "soft", "hard", "light", "dark", "bright", "square", "round", "oval", "fine", "sharp",
    "quiet", "tough", "thick", "lightweight", "low-poly", "lowpoly", "awesome", "sweet", "elegant", "unique",
})


def without_sizes(text: str) -> str:
    """The text without the sizes it starts with: "20 mm calibration cube" → "calibration cube", '6" planter' →
    "planter", "4x4 gridfinity baseplate" → "gridfinity baseplate" (what the object is starts after them)."""
    tokens = text.split(" ")
    while len(tokens) > 1 and (_SIZE_TOKEN.fullmatch(fold(tokens[0])) or is_unit_word(fold(tokens[0]).strip("."))):
        tokens.pop(0)
    return " ".join(tokens)


def vocabulary_of(spec: TemplateSpec) -> set[str]:
    """Concepts this template understands: names, features, parameter labels, choices, plus generic words."""
    phrases: list[str] = [spec.title, spec.title_pt, *spec.synonyms_en, *spec.synonyms_pt, spec.id.replace("_", " ")]
    for p in spec.parameters():
        phrases += [*p.choices]
        phrases += [alias for alias, label in lx.LABEL_ALIASES.items() if label == fold(p.label).strip()]
    generic = [*lx.MEASURES, *lx.NOUNS, *lx.COMPARATIVES, *(w for ws in lx.CHOICE_WORDS.values() for w in ws),
               *lx.NEGATIONS, *lx.BOUNDARIES]
    words = {c for phrase in phrases for c in concepts(phrase, canonical=False)} | parts_of(spec)
    return words | {concept(fold(w), canonical=False) for w in generic} | {stem(w) for w in FILLER}


def parts_of(spec: TemplateSpec) -> set[str]:
    """Concepts of the template's own features and parameters: the parts it has ("lid" for the box with lid)."""
    phrases: list[str] = []
    for key, feature in spec.features.items():
        phrases += [key.replace("_", " "), *feature.words_en, *feature.words_pt]
    for p in spec.parameters():
        phrases += [p.name.replace("_", " "), p.label, p.label_pt]
    return {c for phrase in phrases for c in concepts(phrase, canonical=False)}


def _things(spec: TemplateSpec, heads_only: bool) -> set[str]:
    """The objects a template is named by, keeps or stands in for, as canonical concepts: every word of their
    names, or only each name's head ("gear" of "replacement gear", "food" of "dog food")."""
    uses = USES.get(spec.id)
    english = [spec.title, *spec.synonyms_en, *((*uses.holds, *uses.serves_as) if uses else ())]
    portuguese = [spec.title_pt, *spec.synonyms_pt, *((*uses.holds_pt, *uses.serves_as_pt) if uses else ())]
    return {c for phrases, head in ((english, -1), (portuguese, 0)) for phrase in phrases
            for c in _object_concepts(phrase, head if heads_only else None)}


def _object_concepts(phrase: str, head: int | None = None) -> set[str]:
    """A name's words (or only its `head`-th) as canonical concepts, -ves plurals with their singulars, which the
    crude stem keeps apart ("knives": knife)."""
    words = fold(phrase).split()
    chosen = words[head:head + 1 or None] if head is not None and words else words
    return {canonical(c) for word in chosen
            for c in concepts(" ".join((word, word[:-3] + "fe", word[:-3] + "f") if word.endswith("ves") else (word,)),
                              canonical=False)}


_LIBRARY_THINGS: dict[tuple[frozenset[str], bool], frozenset[str]] = {}


def library_things(library: Iterable[TemplateSpec], heads_only: bool = False) -> frozenset[str]:
    """Every object word the library knows (made once per library): what a noun among a request's words is; with
    `heads_only`, only the words that name an object themselves ("replacement" of "replacement gear" does not)."""
    specs = list(library)
    key = (frozenset(spec.id for spec in specs), heads_only)
    if key not in _LIBRARY_THINGS:
        _LIBRARY_THINGS[key] = frozenset().union(*(_things(spec, heads_only) for spec in specs))
    return _LIBRARY_THINGS[key]


def thing(word: str) -> str:
    """A word as the library's object vocabulary holds it: "seedlings" and "mudas" as their canonical concepts."""
    return canonical(concept(word, canonical=False))


def adjective(word: str, things: frozenset[str] = frozenset()) -> bool:
    """Whether an English word before the head describes it rather than naming a thing: by name or by form, unless
    the library keeps or is named by that word ("seedling", "sorting" are nouns; "amazing" is not)."""
    if word in _ADJECTIVES:
        return True
    return len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS) and thing(word) not in things


def name_words(raw: str, things: frozenset[str] = frozenset()) -> tuple[list[str], list[bool]]:
    """The content words of the object's name as typed, and for each whether it qualifies the head as a noun
    would: in English every word before the head; in Portuguese a word after "de" or a hyphen ("porta-joias",
    "organizador de pilhas"), never an adjective set right after the head ("vaso quadrado")."""
    lang = "pt" if detect_language(raw) == "pt" else "en"
    text = LEADING.sub("", words_to_digits(fold(raw)).strip() + " ")
    end = NAME_END[lang].search(text)
    found: list[str] = []
    qualifies: list[bool] = []
    joined = False
    previous = ""
    tokens = (text[: end.start()] if end is not None else text).split()
    for at, token in enumerate(tokens):
        if found and _measured(tokens, at):
            break  # "a rod 8 cm long", "arruela de 16 mm por fora": a size ends the name; "pi 4 case" goes on
        parts = token.split("-")
        if lang == "en" and len(parts) > 1 and adjective(parts[-1], things):
            continue  # "coin-sized", "self-watering": how it looks or works, not what it is
        for i, part in enumerate(parts):
            noun_verb = part in VERB_NOUNS and (not found or previous == found[-1])
            if part in _OF:
                joined = True
            elif part.isalpha() and len(part) > 2 and (noun_verb or part not in STOPWORDS | FILLER) \
                    and not is_unit_word(part):
                found.append(part)
                qualifies.append(lang == "en" or joined or i > 0)
            previous = part
    return found, qualifies


def _measured(tokens: list[str], at: int) -> bool:
    """Whether a size starts at this token: a number with its unit, or one after "de" ("de 16", "de 2x3")."""
    token = tokens[at]
    number = re.match(r"\d+(?:[.,/]\d+)?", token)
    if token in _OF:
        return at + 1 < len(tokens) and re.match(r"\d", tokens[at + 1]) is not None
    if number is None:
        return False
    rest = token[number.end():] or (tokens[at + 1] if at + 1 < len(tokens) else "")
    return rest.startswith('"') or is_unit_word(rest.strip(".\"'"))


def name_heads(spec: TemplateSpec, lang: str | None) -> frozenset[str]:
    """The head nouns of the template's names in the request's language, or in both when the request does not
    say which ("tigela, fundo 3 mm"): last in English before what it is for ("pen holder", "pot for plants"),
    before what follows "de", "para" or "com" in Portuguese ("porta-canetas", "meia esfera", "vaso de planta")."""
    return _heads((spec.title, spec.id.replace("_", " "), *spec.synonyms_en), (spec.title_pt, *spec.synonyms_pt),
                  lang, first_only=False)


def _heads(english: Iterable[str], portuguese: Iterable[str], lang: str | None, first_only: bool) -> frozenset[str]:
    """Head nouns of names: the last word in English before what it is for; in Portuguese the words before "de",
    "para" or "com" (only the first with `first_only`)."""
    heads: set[str] = set()
    if lang != "pt":
        leads = (_EN_TAIL.split(fold(p), maxsplit=1)[0] for p in english)
        heads |= {c[-1] for lead in leads if (c := concepts(lead, canonical=False))}
    if lang != "en":
        leads = (_PT_TAIL.split(fold(p), maxsplit=1)[0] for p in portuguese)
        heads |= {w for lead in leads if (c := concepts(lead, canonical=False)) for w in (c[:1] if first_only else c)}
    return frozenset(heads)


def owns_head(spec: TemplateSpec, word: str, lang: str | None) -> bool:
    """Whether a word is the head of one of the template's names: as said in either language ("tigela" in an
    English sentence), or as its equivalent in the request's own ("stand" for "holder", not "porta-copos")."""
    c = concept(word, canonical=False)
    return c in name_heads(spec, None) or canonical(c) in {canonical(h) for h in name_heads(spec, lang)}


def places(spec: TemplateSpec) -> set[str]:
    """Where the template is used, as concepts: a qualifier naming one says where, not what ("a bathroom soap
    dish")."""
    uses = USES.get(spec.id)
    phrases = (*uses.places, *uses.places_pt) if uses is not None else ()
    return {c for phrase in phrases for c in concepts(phrase, canonical=False)}


def stands_in(raw: str, spec: TemplateSpec) -> bool:
    """Whether the object is one the template only stands in for and is not named by ("a wall shelf": a shelf
    bracket holds one up; "a cap" is a jar lid's own name). Only an object of several words: a single word it
    stands in for is often another template's name or a sense of its own ("clip" for a bag clip)."""
    uses = USES.get(spec.id)
    if uses is None:
        return False
    found, _ = name_words(raw)
    said = {concept(w, canonical=False) for w in found}  # as said: "sign" and "chaveiro" are both "tag" canonically
    own = {fold(n) for n in names(spec)}
    return any(fold(phrase) not in own and len(c := set(concepts(phrase, canonical=False))) > 1 and c <= said
               for phrase in (*uses.serves_as, *uses.serves_as_pt))


def names_what_it_holds(raw: str, spec: TemplateSpec) -> bool:
    """Whether the object's head noun is a thing the template keeps, not one of its names: "uma prateleira de
    parede" is the shelf a bracket holds up, "a pen" what a pen cup holds."""
    found, _ = name_words(raw)
    if not found:
        return False
    lang = detect_language(raw)
    head = found[0] if lang == "pt" else found[-1]
    return thing(head) in holds(spec) and not owns_head(spec, head, lang)


def names_another_object(raw: str, spec: TemplateSpec, library: Iterable[TemplateSpec] = (),
                         kin: TemplateSpec | None = None) -> bool:
    """Whether a request that names this template in full names it as part of another object: its head noun is
    not the template's ("a ring dish" is no ring; "a pipe clamp" no pipe; "a cup holder" no coaster), the nouns
    qualifying its head are all foreign to it ("a knife block", "a baseball cap", "um organizador de pilhas"), or
    it is an object the template stands in for ("a wall shelf"). Qualifiers it knows keep it ("a spiral vase mode
    vase", "prendedor de saco de pão", "a drill bit holder"); so does a name it is not part of ("a set of four
    coasters"). A `kin` template, the other of the two the sentence names when a variant's name chose one
    ("arduino uno enclosure": the board case, named by the Uno, and the device enclosure), knows its words too."""
    vocabulary = vocabulary_of(spec) | places(spec) | (vocabulary_of(kin) if kin is not None else set())
    vocabulary_canonical = {canonical(k) for k in vocabulary}
    things = library_things(library)

    found, qualifies = name_words(raw, things)
    lang = detect_language(raw)
    english = lang != "pt"
    head = found[-1] if english and found else found[0] if found else ""
    if head and keeps_by_name(spec, head, lang):  # what a bowl or a box holds qualifies it: "a jewelry box"
        vocabulary_canonical |= holds(spec)

    def covered(word: str) -> bool:
        c = concept(word, canonical=False)
        return c in vocabulary or canonical(c) in vocabulary_canonical

    if not any(covered(w) for w in found):
        return False
    if not covered(head) or stands_in(raw, spec):
        return True
    if thing(head) in things and not any(owns_head(s, head, lang) for s in (spec, kin) if s is not None) \
            and concept(head, canonical=False) not in parts_of(spec):  # "a lid for my box": a part it has
        return True
    nouns = [w for w, q in zip(found, qualifies, strict=True)
             if q and w != head and (covered(w) or not (english and adjective(w, things)))]
    if not nouns or any(covered(w) for w in nouns):
        return False
    if kind_of(spec, head, lang):  # "a salad bowl", "a stove knob" are bowls and knobs; "a knife block" is no block
        objects, held = library_things(library, heads_only=True), holds(spec)
        return any(thing(w) in objects and thing(w) not in held for w in nouns)
    return True


# Heads that name an object by what it holds or carries ("a toothbrush holder", "um porta-escovas"): another
# qualifier makes them another object, where a bowl or a box with something else in it is still a bowl or a box
_RELATIONAL = frozenset({"hold", "hook", "organize", "rack", "mount", "bracket", "case", "estojo", "capa"})


def kind_of(spec: TemplateSpec, head: str, lang: str | None) -> bool:
    """Whether the head word names the template's own kind of object: the head of its title ("bowl", "knob",
    "box", "cup"), not a word it is also called by ("cap" for the jar lid: "a baseball cap" is none) nor one
    that names an object by what it holds ("holder", "porta")."""
    c = canonical(concept(head, canonical=False))
    return c not in {canonical(r) for r in _RELATIONAL} and c in {canonical(h) for h in title_heads(spec, lang)}


def keeps_by_name(spec: TemplateSpec, head: str, lang: str | None) -> bool:
    """Whether the head is one of the template's own names for the object, so what the template keeps may
    qualify it ("argola de guardanapo", "a jewelry box"); not a word that names an object by what it holds
    ("a toothbrush holder" is no pen cup: a holder is made for what it holds)."""
    c = canonical(concept(head, canonical=False))
    return c not in {canonical(r) for r in _RELATIONAL} and owns_head(spec, head, lang)


def title_heads(spec: TemplateSpec, lang: str | None) -> frozenset[str]:
    """The head nouns of the template's titles ("Coaster / tray": coaster and tray), as name_heads reads names."""
    return _heads(spec.title.split("/"), spec.title_pt.split("/"), lang, first_only=True)


def holds(spec: TemplateSpec) -> frozenset[str]:
    """What makers keep in or on the template (core.templates.uses), as canonical concepts: "a jewelry box"."""
    uses = USES.get(spec.id)
    phrases = (*uses.holds, *uses.holds_pt) if uses is not None else ()
    return frozenset(c for phrase in phrases for c in _object_concepts(phrase))
