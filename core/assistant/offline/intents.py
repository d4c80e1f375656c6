"""What kind of message this is, before any template matching: undo, a question about the model,
a greeting, thanks, a request for help — or a design request (create/edit, decided by the planner).

Patterns run on folded text, so "Desfaça", "desfaca" and "DESFAZ" are the same word.
"""

from __future__ import annotations

import re
from enum import Enum


class Intent(Enum):
    UNDO = "undo"
    REDO = "redo"
    SIZE = "size"
    FILAMENT = "filament"
    FIT = "fit"
    TIME = "time"
    WATERTIGHT = "watertight"
    WALL = "wall"
    PARAMETERS = "parameters"
    EXPORT = "export"
    CAPABILITIES = "capabilities"
    GREETING = "greeting"
    THANKS = "thanks"
    DESIGN = "design"


def _rx(*alternatives: str) -> re.Pattern[str]:
    # (?!\w) rather than a closing \b: an alternative may end in "?" ("watertight?"), after which \b never holds
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")(?!\w)")


_PATTERNS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    (Intent.UNDO, _rx(r"undo", r"desfaz\w*", r"desfaca", r"go back", r"revert( that| it)?", r"volta(r)? atras",
                      r"take (that|it) back", r"cancel (that|the last)")),
    (Intent.REDO, _rx(r"redo", r"refaz\w*", r"refaca")),
    (Intent.FIT, _rx(r"(will|does|would|can|could) (it|this|that|the model) fit", r"fits? (on|in|into) my",
                     r"fit my printer", r"cabe", r"vai caber", r"caber na", r"cabe na")),
    (Intent.TIME, _rx(r"how long (will|would|does) it take", r"how long to print", r"print(ing)? time",
                      r"how many (hours|minutes)", r"quanto tempo", r"quantas horas", r"tempo de impressao",
                      r"demora (quanto|muito)", r"leva quanto tempo")),
    (Intent.WATERTIGHT, _rx(r"(is it|is the model|will it be) (watertight|water tight|manifold|closed)",
                            r"watertight\?", r"hold water", r"(e|esta) (estanque|fechado)", r"segura agua",
                            r"vaza( agua)?\?")),
    (Intent.WALL, _rx(r"(what|how thick) (is|are) (the )?walls?( thickness)?", r"wall thickness\?",
                      r"how thick (is|are) (it|the walls?)", r"qual (e )?a espessura da parede",
                      r"espessura da parede\s*\?", r"quao grossa")),
    (Intent.FILAMENT, _rx(r"how much (filament|material|plastic|pla|petg|abs|tpu)", r"how many (grams|meters|metres)",
                          r"how (heavy|much does it weigh)", r"weigh", r"quanto (de )?(filamento|material|plastico)",
                          r"quantos (gramas|metros)", r"quanto pesa", r"how much (will|would|does) it cost",
                          r"quanto custa", r"(what|how much) (does|would) it cost", r"filament (use|usage|needed)",
                          r"how much (would|will|does|do) .{0,24}cost", r"quanto (custam|custaria|sai|sairia)",
                          r"(print|make) (it|them|this) (in|from|with) (pla|petg|abs|tpu)",
                          r"(imprim\w+|faca|fazer) (em|de|com) (pla|petg|abs|tpu)")),
    (Intent.EXPORT, _rx(r"export\w*", r"exporte", r"save (it|this|the model|as)", r"salv[ae]r?( como| o modelo)?",
                        r"download", r"baix[ae]r?", r"(give|send) me (the|an?) (stl|3mf|obj|file)")),
    (Intent.SIZE, _rx(r"how (big|large|tall|wide|high|deep|long) is", r"what size is", r"what are (its|the) dimensions",
                      r"what is (its|the) size", r"qual (e )?o tamanho", r"que tamanho", r"quais (sao )?as dimensoes",
                      r"qual (e )?a (altura|largura)", r"how big", r"dimensions\?", r"tamanho\?")),
    (Intent.PARAMETERS, _rx(r"what can i (change|adjust|edit|tweak)", r"which parameters", r"what parameters",
                            r"list (the )?parameters", r"o que (eu )?posso (mudar|alterar|ajustar)",
                            r"quais (sao )?os parametros")),
    (Intent.CAPABILITIES, _rx(r"what can you (make|do|design|create|build)", r"what do you (make|do)", r"help",
                              r"ajuda", r"o que voce (faz|sabe fazer|pode fazer)", r"what templates",
                              r"list (the )?templates", r"quais modelos", r"what (kinds|sorts) of")),
    (Intent.GREETING, _rx(r"hi", r"hello", r"hey", r"ola", r"oi", r"bom dia", r"boa tarde", r"boa noite",
                          r"good (morning|afternoon|evening)")),
    (Intent.THANKS, _rx(r"thanks?( you)?", r"thx", r"obrigad[oa]", r"valeu", r"great job", r"perfect", r"perfeito")),
)
# Greetings and thanks only count when the message is short; "hi, make me a vase" is a request.
_SHORT_ONLY = {Intent.GREETING, Intent.THANKS, Intent.UNDO, Intent.REDO, Intent.CAPABILITIES}
_SHORT_WORDS = 6


def classify(folded: str) -> Intent:
    n_words = len(folded.split())
    for intent, pattern in _PATTERNS:
        if pattern.search(folded) and (intent not in _SHORT_ONLY or n_words <= _SHORT_WORDS):
            return intent
    return Intent.DESIGN
