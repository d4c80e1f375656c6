"""The planner's own words (folded, EN + PT-BR): what a number *measures* ("wide", "altura"), what
it belongs to ("hole", "parede"), comparatives ("taller", "mais largo") and edit verbs.

These are generic words about size and shape; everything template-specific (what a "saucer" or a
"lid" is) comes from each template's synonyms, roles and features, so a new template needs no change
here. A noun is mapped to an English stem that the planner combines with parameter names
("tampa" + "altura" → `lid_height` when the template has one).
"""

from __future__ import annotations

from core.assistant.offline.text import stem

# word → role it measures
MEASURES: dict[str, str] = {
    "wide": "width", "width": "width", "largura": "width", "largo": "width", "larga": "width",
    "deep": "depth", "depth": "depth", "profundidade": "depth", "profundo": "depth", "profunda": "depth",
    "tall": "height", "high": "height", "height": "height", "altura": "height", "alto": "height",
    "alta": "height",
    "long": "length", "length": "length", "comprimento": "length", "comprido": "length", "comprida": "length",
    "diameter": "diameter", "diametro": "diameter", "dia": "diameter", "across": "diameter",
    "radius": "radius", "raio": "radius",
    "thick": "thickness", "thickness": "thickness", "espessura": "thickness", "grosso": "thickness",
    "grossa": "thickness", "espesso": "thickness", "espessa": "thickness",
    "size": "size", "tamanho": "size", "side": "size", "lado": "size",
    "degree": "angle", "degrees": "angle", "deg": "angle", "grau": "angle", "graus": "angle", "angle": "angle",
    "angulo": "angle",
}

# word → English noun stem (a part of the object a number can belong to)
NOUNS: dict[str, str] = {
    "hole": "hole", "furo": "hole", "buraco": "hole", "orificio": "hole",
    "wall": "wall", "parede": "wall",
    "floor": "floor", "piso": "floor", "fundo": "floor",
    "top": "top", "topo": "top", "boca": "top", "cima": "top",
    "bottom": "bottom", "base": "bottom", "baixo": "bottom", "embaixo": "bottom",
    "corner": "corner", "canto": "corner", "fillet": "corner",
    "bore": "bore", "shaft": "bore", "axle": "bore", "eixo": "bore", "potentiometer": "bore",
    "potenciometro": "bore", "encoder": "bore",
    "lid": "lid", "tampa": "lid", "cover": "lid",
    "saucer": "saucer", "prato": "saucer", "pratinho": "saucer",
    "clearance": "clearance", "gap": "clearance", "tolerance": "clearance", "folga": "clearance",
    "tolerancia": "clearance",
    "module": "module", "modulo": "module",
    "device": "device", "board": "device", "pcb": "device", "dispositivo": "device", "placa": "device",
    "ring": "ring", "argola": "ring",
    "shelf": "shelf", "prateleira": "shelf",
    "letter": "lettering", "letra": "lettering", "text": "lettering", "texto": "lettering",
    "tooth": "teeth", "teeth": "teeth", "dente": "teeth",
    "side": "sides", "lado": "sides",
    "divider": "dividers", "divisoria": "dividers", "divisao": "dividers",
    "vent": "vents", "respiro": "vents", "ventilacao": "vents",
    "screw": "screws", "parafuso": "screws",
    "slot": "slots", "compartment": "compartments", "compartimento": "compartments",
    "row": "rows", "linha": "rows", "fileira": "rows", "column": "columns", "coluna": "columns",
}

# (noun, measured role) → semantic role; a noun alone uses (noun, None)
NOUN_ROLES: dict[tuple[str, str | None], str] = {
    ("hole", None): "hole_diameter", ("hole", "diameter"): "hole_diameter", ("hole", "width"): "hole_diameter",
    ("hole", "size"): "hole_diameter", ("hole", "radius"): "hole_diameter",
    ("wall", None): "wall", ("wall", "thickness"): "wall", ("wall", "width"): "wall",
    ("floor", None): "floor", ("floor", "thickness"): "floor", ("bottom", "thickness"): "floor",
    ("top", None): "top_diameter", ("top", "diameter"): "top_diameter", ("top", "width"): "top_diameter",
    ("top", "radius"): "top_diameter",
    ("bottom", None): "bottom_diameter", ("bottom", "diameter"): "bottom_diameter",
    ("bottom", "width"): "bottom_diameter", ("bottom", "radius"): "bottom_diameter",
    ("corner", None): "corner_radius", ("corner", "radius"): "corner_radius",
    ("bore", None): "bore", ("bore", "diameter"): "bore", ("bore", "radius"): "bore",
    ("shelf", None): "depth",  # "for a 25 cm shelf", "prateleira de 30 cm": how far the shelf reaches out
    ("lettering", None): "height",  # "12 mm letters", "letras maiores": a name tag's letter height
    ("clearance", None): "clearance", ("module", None): "module", ("teeth", None): "teeth",
}

# comparative word → (role, direction); PT comparatives are "mais"/"menos" + a MEASURES word
COMPARATIVES: dict[str, tuple[str, int]] = {
    "wider": ("width", 1), "broader": ("width", 1), "narrower": ("width", -1), "slimmer": ("width", -1),
    "taller": ("height", 1), "higher": ("height", 1), "shorter": ("height", -1), "lower": ("height", -1),
    "deeper": ("depth", 1), "shallower": ("depth", -1), "longer": ("length", 1),
    "thicker": ("thickness", 1), "thinner": ("thickness", -1), "fino": ("thickness", -1),
    "fina": ("thickness", -1), "finas": ("thickness", -1), "finos": ("thickness", -1),
    "bigger": ("scale", 1), "larger": ("scale", 1), "maior": ("scale", 1), "smaller": ("scale", -1),
    "stronger": ("thickness", 1), "sturdier": ("thickness", 1), "forte": ("thickness", 1),
    "resistente": ("thickness", 1), "menor": ("scale", -1), "maiores": ("scale", 1),
    "menores": ("scale", -1), "baixo": ("height", -1), "baixa": ("height", -1),
    "looser": ("fit", 1), "tighter": ("fit", -1), "folgada": ("fit", 1), "folgado": ("fit", 1),
    "justa": ("fit", -1), "justo": ("fit", -1), "estreito": ("width", -1),
    "steeper": ("angle", 1), "steep": ("angle", 1), "flatter": ("angle", -1), "inclinado": ("angle", -1),
    "estreita": ("width", -1), "raso": ("depth", -1), "rasa": ("depth", -1),
}
MORE = frozenset({"mais", "more"})
MORE_BY = frozenset({"mais", "more", "another", "extra"})  # right before a length: that much more
# a count changed by an amount: "add 5 teeth", "2 more hooks", "remove 5 teeth", "5 fewer", "mais 2 ganchos"
COUNT_ADD = frozenset({"add", "plus", "adicione", "acrescente", "coloque", "mais", "another"})
COUNT_MORE = frozenset({"more", "extra", "mais"})
COUNT_LESS = frozenset({"remove", "minus", "fewer", "less", "subtract", "tire", "retire", "remova", "menos",
                        "tirar", "remover", "drop", "take"})
LESS = frozenset({"menos", "less"})
FEWER = frozenset({"fewer"})

INCREASE_VERBS = frozenset({
    "increase", "raise", "grow", "extend", "enlarge", "aumente", "aumenta", "aumentar",
    "cresca", "amplie", "expand", "acrescente",
})
DECREASE_VERBS = frozenset({
    "decrease", "reduce", "shrink", "lower", "cut", "trim", "diminua", "diminui", "diminuir", "reduza",
    "reduzir", "encolha", "corte",
})
ABSOLUTE_PREPS = frozenset({"to", "para", "pra"})
DELTA_PREPS = frozenset({"by", "em"})

# words that end the neighbourhood in which a number looks for what it measures
BOUNDARIES = frozenset({"and", "with", "e", "com", "but", "plus", "then", "mas", "depois", "while"})
# ...and after a number only: "um botão de 25 mm para eixo de 6 mm" (the shaft is another thing), while
# "a altura para 15 cm" is the height set *to* 15 cm
AFTER_BOUNDARIES = frozenset({"for", "para", "pra"})

NEGATIONS = frozenset({
    "without", "no", "not", "remove", "sem", "tire", "tira", "retire", "remova", "tirar", "remover", "nao",
    "drop", "delete", "lose", "disable", "off", "none",
})

# Plain words for the shape choices templates share (a choice's own name is not enough: "screw" is a
# lid type and a hole).
CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "straight": ("cylinder", "cylindrical", "cilindro", "cilindrico", "cilindrica", "straight", "reto", "reta"),
    "square": ("square", "quadrado", "quadrada", "rectangular", "retangular", "oblong", "box", "caixa", "rectangle",
               "retangulo"),
    "round": ("round", "redondo", "redonda", "circular", "circle", "circulo"),
    "hex": ("hexagon", "hexagonal", "hexagono", "sextavado", "sextavada"),
}
# A size along these on a template that only has a diameter asks for a rectangle ("a planter 30 cm long").
RECTANGULAR_ROLES = frozenset({"length", "depth"})


def noun_of(word: str) -> str | None:
    """The part noun a word names, plurals included: "corners" is a corner, though its crude stem is "corn"."""
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "", stem(word)):
        if form and form in NOUNS:
            return NOUNS[form]
    return None

# Maker words for a parameter label the templates name otherwise (folded alias → folded English label): a
# template with that label understands the alias too ("puxador com furação de 128 mm" is its hole spacing).
LABEL_ALIASES: dict[str, str] = {
    "furacao": "hole spacing", "entre furos": "hole spacing", "entre centros": "hole spacing",
    "center to center": "hole spacing", "centre to centre": "hole spacing", "hole to hole": "hole spacing",
    "screw spacing": "hole spacing", "mounting holes": "hole spacing", "centers": "hole spacing",
    "centres": "hole spacing", "hole centers": "hole spacing", "hole centres": "hole spacing",
}
