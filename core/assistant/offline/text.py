"""Text folding and tokens shared by every offline NLU step.

Everything is matched on *folded* text (lower case, accents removed, typographic quotes made
plain), so "Diâmetro", "diametro" and "DIÂMETRO" are one word and a Brazilian user who types
without accents is understood as well as one who does not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Lang = Literal["en", "pt"]

_WORD = re.compile(r"[a-z]+")
_PIECE = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
_PT_MARKERS = frozenset(_WORD.findall(
    "um uma com de do da dos das para pra que e mais menos sem deixe deixa faca faz aumente diminua "
    "altura largura alto alta largo larga vaso caixa tampa furos furo suporte parede paredes quero "
    "preciso qual quanto quantos tamanho cabe impressora desfaz desfazer desfaca por favor obrigado "
    "ola oi ajuda centimetros milimetros polegadas diametro raio vezes metade dobro tire remova coloque "
    "adicione grosso grossa fino fina redondo redonda cantos arredondados isso este esta meu minha "
    "reduza reduzir diminuir aumentar amplie encolha folga folgada folgado apertada apertado justa justo ficou "
    "espessura profundidade numero quantidade divisorias borda pratinho dentes lados menor maior"
))
_EN_MARKERS = frozenset(_WORD.findall(
    "a an the with for to of and make it its is it's taller wider height width tall wide high deep "
    "box pot lid holes hole add remove without please what how much will fit my printer undo thanks "
    "hello hi help inch inches long thick thicker walls wall rounded corners something hold "
    "twice half as bigger smaller i want need increase decrease reduce enlarge lower raise more fewer less "
    "number clearance too tight loose"
))


def fold(text: str) -> str:
    """Lower case without accents; quotes normalised so `”` and `''` read as an inch mark, `°` as
    "degrees" and vulgar fractions as "1/2"."""
    text = text.replace("“", '"').replace("”", '"').replace("″", '"').replace("''", '"')
    text = text.replace("’", "'").replace("‘", "'").replace("×", " x ").replace("°", " degrees ")
    for glyph in ("Ø", "ø", "⌀"):  # "Ø12 cm" is how a drawing writes a diameter
        text = text.replace(glyph, " diameter ")
    for glyph, fraction in (("½", " 1/2"), ("¼", " 1/4"), ("¾", " 3/4")):  # "1½ inch" = "1 1/2 inch"
        text = text.replace(glyph, fraction)
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def stem(word: str) -> str:
    """A deliberately crude stem: enough to equate plurals and agent nouns in both languages
    (pots/pot, vasos/vaso, holder/hold, furos/furo), applied to both sides of every comparison."""
    if len(word) > 5 and word.endswith("ies"):  # batteries/battery, supplies/supply
        return word[:-3] + "y"
    for suffix in ("oes", "aes", "ers", "er", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            if suffix == "es" and word.endswith("ores"):  # espaçadores/espaçador, organizadores/organizador
                return word[:-2]
            if suffix == "es" and not word.endswith(("shes", "ches", "xes", "sses")):
                return word[:-1]
            if suffix in ("oes", "aes"):
                return word[:-3] + "ao"
            return word[: -len(suffix)]
    return word


def detect_language(text: str) -> Lang | None:
    """Portuguese when its marker words (or ã/ç/õ) outnumber English ones, English when the
    reverse; None when the text says nothing either way ("85 x 56 x 20 mm")."""
    low = text.lower()
    pt = sum(1 for w in words(fold(text)) if w in _PT_MARKERS) + 2 * sum(low.count(c) for c in "ãõç")
    en = sum(1 for w in words(fold(text)) if w in _EN_MARKERS)
    if pt == en:
        return None  # "aumente a folga": "a" is an English word too; the conversation's language decides
    return "pt" if pt > en else "en"


def numbered(phrase: str) -> bool:
    """A phrase that names a model by its number ("raspberry pi 5", "63-400"): `words` drops digits, so
    such a phrase must also be found as written (`numbered_pattern`) or it names every model."""
    return any(ch.isdigit() for ch in phrase)


def numbered_pattern(phrase: str, core: bool = False) -> re.Pattern[str]:
    """"pi 5" also as "pi5", "63-400" also as "63 400" or "63/400"; never inside a longer word or number.
    With `core`, only the number and the word it qualifies: "raspberry pi 5 case" is found in "a case for
    a raspberry pi 5" by its "pi 5"."""
    pieces = _PIECE.findall(fold(phrase))
    if core:
        digits = [i for i, p in enumerate(pieces) if p[0].isdigit()]
        pieces = pieces[max(0, digits[0] - 1): digits[-1] + 1] if digits else pieces
    pieces = [re.escape(p) for p in pieces]
    return re.compile(r"(?<![a-z0-9])" + r"[\s/-]*".join(pieces) + r"(?![a-z0-9]|[.,]\d)")


_LETTER_NAMES_WITH_A_VOWEL = frozenset("aefhilmnorsx")  # "an SD card": ess, not "a SD"
_YOU_SOUND = re.compile(r"^(?:uni|use|usu|uti|ure|uro|eu|ewe|one\b|once)")  # "a unit", "a one-off"
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)")  # "an hour glass"


def indefinite_article(phrase: str) -> str:
    """"a" or "an" as the first word of an English phrase sounds: "an SD card holder", "a USB stick holder", "a
    unicorn", "an hourglass", "an 8 mm spacer". An initialism (capitals, or a short word with no vowel after its
    first letter: "sd", "usb", "pcb") is read letter by letter."""
    word = re.split(r"[\s-]+", phrase.strip())[0]  # "one-off": "one"; "x-ray": "x"
    if word[:1].isdigit():
        return "an" if word.startswith("8") or re.match(r"1[18](?!\d)", word) else "a"
    letters = re.sub(r"[^a-z]", "", fold(word))
    if not letters:
        return "a"
    spelled = re.sub(r"[^A-Za-z]", "", word)
    if (spelled.isupper() and len(spelled) > 1) or (len(letters) <= 4 and not re.search(r"[aeiouy]", letters[1:])):
        return "an" if letters[0] in _LETTER_NAMES_WITH_A_VOWEL else "a"
    if _YOU_SOUND.match(letters):
        return "a"
    return "an" if letters[0] in "aeiou" or _SILENT_H.match(letters) else "a"
