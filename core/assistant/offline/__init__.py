"""The offline design assistant: understands English and Brazilian Portuguese sentences without any
network or account, by mapping words onto the template library's own vocabulary (synonyms, roles,
features), so a new template is understood without touching this package.

One message flows through:

    text.py      fold (lower case, no accents, quotes)      numbers.py  "vinte e cinco" → 25
    intents.py   undo / question / greeting / design        matcher.py  which template (synonyms)
    units.py     "10 x 7 x 4 cm", "1/2 inch" → mm           mentions.py what each number measures
    edits.py     "twice as wide", "mais largo"              features.py "sem tampa", "with drainage holes"
    labels.py    text to print on a name tag                resolve.py  all of it → parameter values
    lexicon.py   generic size words ("wide", "altura")      answers.py  size / filament / time / fit / walls
    normalise.py maker shorthand ("W=100", "20T m2", "M3")   counts.py   "20 teeth", "add 5", "fewer teeth"
    slots.py     the grammar attaching each quantity to the slot it touches ("ID 8.4", "8.4 mm inner diameter"),
                 from the template's own parameter labels
    copies.py    "I need 3 of them": copies laid out on the plate, never a size
    honesty.py   features the model lacks, objects the library lacks and the closest template
    repair.py    adapt a request a printability rule refuses, and fit the bed
    replies.py   every sentence, EN and PT-BR
    reading.py   one sentence read onto one template's parameters (all of the above, in order)
    changes.py   create / edit / copies: the command for the undo stack and its reply, from the built model
    summaries.py how a reply states a model ("height 120 mm"), defaults, undo labels
    notes.py     what a reply owns up to: clamps, ignored numbers, missing features, impossible sizes
    chips.py     suggestion chips and the catalogue          dialogue.py  pending questions, "yes", "30 mm", "Ana"
    planner.py   OfflinePlanner: the Provider tying it together (intent, template choice, dispatch)

Depends only on core (document, templates, geometry, commands); no Qt, no network.
"""

from core.assistant.offline.planner import OfflinePlanner

__all__ = ["OfflinePlanner"]
