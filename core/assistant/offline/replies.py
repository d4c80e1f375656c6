"""Every sentence the offline assistant says, in English and Brazilian Portuguese.

Replies are assembled from these keyed phrases so the two languages never drift apart and a
missing translation is a KeyError in the tests, not a silent English reply to a Portuguese user.
"""

from __future__ import annotations

import re
from typing import Any

from core.assistant.offline.text import Lang
from core.document.expressions import Number
from core.document.parameters import Parameter
from core.templates.base import TemplateSpec

PHRASES: dict[str, tuple[str, str]] = {
    "created": ("Here is your {title}: {summary}.", "Pronto, aqui está: {title} — {summary}."),
    "edited": ("Done: {summary}.", "Feito: {summary}."),
    "laid_out": ("I laid out {count} of them side by side on the plate.",
                 "Coloquei {count} unidades lado a lado na mesa."),
    "laid_out_rows": ("I laid out {count} of them on the plate, in rows of {row} so they fit the bed.",
                      "Coloquei {count} unidades na mesa, em fileiras de {row} para caberem."),
    "label_copies": ("Assistant: {count} copies", "Assistente: {count} cópias"),
    "solved": ("Overall {what_en}: {before} → {after}.", "{what_pt} total: {before} → {after}."),
    "defaults": ("I used defaults for {items}; tell me if you want other values.",
                 "Usei valores padrão para {items}; diga se quiser outros."),
    "clamped": ("{name} was limited to {value} (the allowed range is {lo}–{hi}).",
                "{name}: usei {value}, o limite (o intervalo permitido é {lo}–{hi})."),
    "ignored": ("I did not know what {what} refers to, so I left it out.",
                "Não entendi a que se refere {what}, então deixei de fora."),
    "unused": ("I left out {what}: this {title} does not use it.",
               "Deixei de fora {what}: este modelo ({title}) não usa esse valor."),
    "range": ("You gave a range ({low}–{high}); I used the upper value, {high}.",
              "Você deu um intervalo ({low}–{high}); usei o valor maior, {high}."),
    "board": ("The {board} is about {size} with its ports; I sized the enclosure for that (measure yours if it "
              "carries a HAT or a shield).",
              "Uma placa {board} mede cerca de {size} com os conectores; dimensionei a caixa para isso (meça a sua "
              "se tiver uma HAT ou shield)."),
    "weight": ("{weight} is a weight, not a size, so I did not use it as a dimension.",
               "{weight} é um peso, não uma medida, então não usei como dimensão."),
    "spool": ("A {weight} spool is the standard size, so I used a {diameter} mm spool diameter.",
              "Um carretel de {weight} tem o tamanho padrão, então usei {diameter} mm de diâmetro."),
    "screw": ("For an {screw} screw I made the hole {hole} mm (clearance, so the screw slides through).",
              "Para um parafuso {screw} fiz o furo de {hole} mm (com folga, para o parafuso passar)."),
    "screw_ignored": ("This model has no screw hole, so I left out {screw}.",
                      "Este modelo não tem furo para parafuso, então deixei {screw} de fora."),
    "negative": ("A size cannot be negative ({value}).", "Uma medida não pode ser negativa ({value})."),
    "impossible": ("I can't make {what}: {why}. What should it be (for example {example})?",
                   "Não consigo fazer {what}: {why}. Qual medida você quer (por exemplo {example})?"),
    "why_negative": ("a size cannot be negative", "uma medida não pode ser negativa"),
    "why_zero": ("a size of zero leaves nothing to print", "com medida zero não sobra nada para imprimir"),
    "why_big": ("that is far beyond what it can be (at most {hi})", "isso passa muito do possível (no máximo {hi})"),
    "why_small": ("that is far below what it can be (at least {lo})",
                  "isso fica muito abaixo do possível (no mínimo {lo})"),
    "missing_feature": ("Not available yet: {what} — this is a plain {title}.",
                        "Ainda não disponível: {what} — este modelo é {title} sem isso."),
    "cannot_make_any": ("I can't make {article} {what} yet, and nothing I make is close to it. I can make {catalogue}. "
                        "Would one of them do instead?",
                        "Ainda não sei fazer {what}, e nada do que faço é parecido. Sei fazer {catalogue}. Algum deles "
                        "serve?"),
    "cannot_make": ("I can't make {article} {what} yet; the closest I can make is {closest_article} {title} — shall I?",
                    "Ainda não sei fazer {what}; o mais parecido que sei fazer é {title} — quer que eu faça?"),
    "twist_sides": ("A twist only shows on a faceted shape, so I gave it {sides} sides.",
                    "Uma torção só aparece com faces, então dei {sides} lados."),
    "not_a_number": ("I left out a value that is not a number (NaN or infinity).",
                     "Deixei de fora um valor que não é um número (NaN ou infinito)."),
    "vase_mode": ("Spiral vase mode is a slicer setting: print this model with it switched on in your slicer.",
                  "O modo vaso é uma configuração do fatiador: ative-o no fatiador ao imprimir este modelo."),
    "proportional": ("I scaled the {name_en} with the width, so it keeps its proportions.",
                     "Ajustei {name_pt} junto com a largura, para manter as proporções."),
    "fit_bed": ("I limited {name} to {value} mm so it fits your printer's bed.",
                "Limitei {name} a {value} mm para caber na mesa da sua impressora."),
    "adapted": ("I changed {name} from {before} to {after} so it can be printed ({reason}).",
                "Mudei {name} de {before} para {after} para o modelo poder ser impresso ({reason})."),
    "invalid": ("I could not make that: {error}", "Não consegui fazer isso: {error}"),
    "ask_required": ("To make a {title} I need {items}. What are they (for example “{example}”)?",
                     "Para fazer {title} preciso de {items}. Quais são (por exemplo “{example}”)?"),
    "ask_one": ("To make a {title} I need the {items}. What is it (for example “{example}”)?",
                "Para fazer {title} preciso de: {items}. Qual é (por exemplo “{example}”)?"),
    "example_text": ("Ana", "Ana"),
    "defaults_only": ("with the default values", "com os valores padrão"),
    "not_understood": ("Sorry, I did not understand that. I can make {catalogue}. What would you like — for example "
                       "“{example}”?",
                       "Desculpe, não entendi. Sei fazer {catalogue}. O que você quer — por exemplo “{example}”?"),
    "no_change": ("I understood you want to change the {title}, but not what to change. You can say, for "
                  "example, “{example}”.",
                  "Entendi que você quer mudar {title}, mas não o quê. Você pode dizer, por exemplo, “{example}”."),
    "no_model": ("There is no model yet. Describe what you want, for example “{example}”.",
                 "Ainda não há modelo. Descreva o que você quer, por exemplo “{example}”."),
    "already": ("It already is like that: {summary}.", "Já está assim: {summary}."),
    "not_template": ("This model was not made from a template, so I can only answer questions about it.",
                     "Este modelo não veio de um modelo-base, então só posso responder perguntas sobre ele."),
    "size": ("It is {x} × {y} × {z} mm (width × depth × height).",
             "Ele tem {x} × {y} × {z} mm (largura × profundidade × altura)."),
    "filament": ("It needs about {grams:.0f} g of {material} ({metres:.1f} m of filament, about {cost:.2f} "
                 "{currency}) at {infill:.0%} infill; printing takes roughly {time}.",
                 "Ele usa cerca de {grams:.0f} g de {material} ({metres:.1f} m de filamento, cerca de {cost:.2f} "
                 "{currency}) com {infill:.0%} de preenchimento; a impressão leva umas {time}."),
    "copies": ("For {n} of them: {text}", "Para {n} unidades: {text}"),
    "export": ("I design the model; to save it as a file use File → Export Mesh (Ctrl+E: STL, 3MF or OBJ; 3MF "
               "keeps its parameters), or File → Send to Printer to print it.",
               "Eu desenho o modelo; para salvar como arquivo use Arquivo → Exportar malha (Ctrl+E: STL, 3MF ou OBJ; "
               "o 3MF guarda os parâmetros), ou Arquivo → Enviar para a impressora para imprimir."),
    "time": ("Printing takes roughly {time} at {infill:.0%} infill in {material} (about {grams:.0f} g, "
             "{metres:.1f} m of filament); your slicer gives the exact figure.",
             "A impressão leva umas {time} com {infill:.0%} de preenchimento em {material} (cerca de "
             "{grams:.0f} g, {metres:.1f} m de filamento); o fatiador dá o valor exato."),
    "watertight_yes": ("Yes: the mesh is closed (watertight), so it slices cleanly.",
                       "Sim: a malha é fechada (estanque), então fatia sem problemas."),
    "watertight_no": ("No: the mesh has open edges; the slicer may have to repair it.",
                      "Não: a malha tem bordas abertas; o fatiador pode precisar repará-la."),
    "drains": ("It has drainage holes, though, so it will not hold water.",
               "Mas ele tem furos de drenagem, então não segura água."),
    "wall": ("The walls are: {items} (about {lines} lines of a {nozzle} mm nozzle).",
             "As paredes são: {items} (cerca de {lines} linhas de um bico de {nozzle} mm)."),
    "wall_measured": ("The thinnest walls measure about {wall} mm.",
                      "As paredes mais finas medem cerca de {wall} mm."),
    "wall_unknown": ("I could not measure a wall on this model.", "Não consegui medir uma parede neste modelo."),
    "fits": ("Yes, it fits your {bed} mm printer ({size} mm).",
             "Sim, cabe na sua impressora de {bed} mm ({size} mm)."),
    "fits_rotated": ("It fits your {bed} mm printer if you turn it 90° on the bed ({size} mm).",
                     "Cabe na sua impressora de {bed} mm se você girar 90° na mesa ({size} mm)."),
    "no_fit": ("No: it is {size} mm and your printer takes {bed} mm. Try “make it {percent}% smaller”.",
               "Não: ele tem {size} mm e sua impressora aceita {bed} mm. Tente “deixe {percent}% menor”."),
    "fits_named": ("Yes, it fits a {printer} ({bed} mm build volume; the model is {size} mm).",
                   "Sim, cabe numa {printer} (volume de impressão de {bed} mm; o modelo tem {size} mm)."),
    "fits_rotated_named": ("It fits a {printer} ({bed} mm) if you turn it 90° on the bed ({size} mm).",
                           "Cabe numa {printer} ({bed} mm) se você girar 90° na mesa ({size} mm)."),
    "no_fit_named": ("No: it is {size} mm and a {printer} takes {bed} mm. Try “make it {percent}% smaller”.",
                     "Não: ele tem {size} mm e uma {printer} aceita {bed} mm. Tente “deixe {percent}% menor”."),
    "too_big": ("Note: at {size} mm it will not fit your {bed} mm printer.",
                "Atenção: com {size} mm não cabe na sua impressora de {bed} mm."),
    "parameters": ("You can change: {items}.", "Você pode mudar: {items}."),
    "capabilities": ("I can make {catalogue}. Describe one with sizes, e.g. “{example}”, then refine it "
                     "(“make it 20% taller”, “add a lid”) or ask “how much filament?”.",
                     "Sei fazer {catalogue}. Descreva um com medidas, por exemplo “{example}”, e depois ajuste "
                     "(“deixe 20% mais alto”, “com tampa”) ou pergunte “quanto filamento?”."),
    "greeting": ("Hello! Tell me what you would like to print, e.g. “{example}”.",
                 "Olá! Diga o que você quer imprimir, por exemplo “{example}”."),
    "thanks": ("You're welcome! Anything else to change?", "De nada! Quer mudar mais alguma coisa?"),
    "label_new": ("Assistant: new {title}", "Assistente: novo modelo ({title})"),
    "label_edit": ("Assistant: change {what}", "Assistente: mudar {what}"),
    "text_word": ("text", "texto"),
    "redone": ("Redone: {label}.", "Refeito: {label}."),
    "nothing_to_redo": ("There is nothing to redo.", "Não há nada para refazer."),
    "undone": ("Undone: {label}.", "Desfeito: {label}."),
    "nothing_to_undo": ("There is nothing to undo yet.", "Ainda não há nada para desfazer."),
    "and": ("and", "e"),
    "example_create": ("a plant pot 12 cm wide with drainage holes", "um vaso para plantas de 12 cm com furos"),
    "example_edit": ("make it 20% taller", "deixe 20% mais alto"),
    "sug_taller": ("make it 20% taller", "deixe 20% mais alto"),
    "sug_thicker": ("thicker walls", "paredes mais grossas"),
    "sug_filament": ("how much filament?", "quanto filamento?"),
    "sug_fit": ("will it fit my printer?", "cabe na minha impressora?"),
    "sug_capabilities": ("what can you make?", "o que você sabe fazer?"),
    "sug_accept": ("yes, please", "sim, por favor"),
    "internal": ("Something went wrong on my side with that request (it is in the log). Try rephrasing it, "
                 "e.g. “{example}”.",
                 "Algo deu errado do meu lado com esse pedido (está no log). Tente dizer de outro jeito, "
                 "por exemplo “{example}”."),
    "sug_add": ("add {what}", "com {what}"),
    "sug_remove": ("remove {what}", "sem {what}"),
}


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: lower case, but for initialisms and words capitalised
    inside ("SD slots", "microSD slots", "M3"), which stay as written."""
    return " ".join(w if (w.isupper() and len(w) > 1) or any(c.isupper() for c in w[1:]) else w.lower()
                    for w in name.split())


def param_name(param: Parameter, lang: Lang) -> str:
    """A parameter's label inside a sentence, in the reply's language when the parameter has one."""
    return in_sentence(param.label_in(lang))


def fmt_value(value: Number, param: Parameter, lang: Lang = "en") -> str:
    if param.kind == "text":
        return f"“{value}”"
    if param.kind == "bool":
        return "✓" if value else "✗"
    if param.kind == "choice":
        return param.choice_label(int(value), lang)
    return f"{round(float(value), 2):g} {param.unit}".strip()


def say(key: str, lang: Lang, **fields: Any) -> str:
    en, pt = PHRASES[key]
    return (pt if lang == "pt" else en).format(**fields)


_QUOTED = re.compile(r"(“[^”]*”)")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def local_numbers(text: str, lang: Lang) -> str:
    """Brazilian Portuguese writes 2,4 mm: a decimal point between digits becomes a comma, except
    inside “quotes” (a name tag's text is the user's own, kept as typed)."""
    if lang != "pt":
        return text
    pieces = _QUOTED.split(text)
    return "".join(p if i % 2 else _DECIMAL_POINT.sub(",", p) for i, p in enumerate(pieces))


def join(items: list[str], lang: Lang) -> str:
    """"a, b and c" / "a, b e c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say('and', lang)} {items[-1]}"


def title_in(spec: TemplateSpec, lang: Lang) -> str:
    """The template's name inside a sentence: lower case in English but for initialisms ("your SD card
    holder", not "sd card holder"); Portuguese titles are written for it already."""
    return spec.title_pt if lang == "pt" else in_sentence(spec.title)
