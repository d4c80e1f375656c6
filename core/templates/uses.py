"""What makers use each template for, or keep in it, in English and Brazilian Portuguese.

Only the assistant's "closest I can make" offer reads these: a request for an object the library lacks ("a
broom holder", "um porta-fita adesiva") is nearest to the template that does that object's job (a wall hook, a
spool holder), which the template's names alone do not say. They never make a template the one asked for:
"a broom" is not a request for a wall hook.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Uses:
    """`holds`: what is kept in, on or by it ("broom" for a wall hook: a broom holder is its kin, a broom is
    not); `serves_as`: objects it can stand in for ("doorstop" for a block: a doorstop is its kin); `places`:
    where it is used ("bathroom" for a soap dish: "a bathroom soap dish" is one, where "a makeup brush holder"
    names a thing a pen cup holds and so another object)."""

    holds: tuple[str, ...]
    holds_pt: tuple[str, ...]
    serves_as: tuple[str, ...] = ()
    serves_as_pt: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    places_pt: tuple[str, ...] = ()


USES: dict[str, Uses] = {
    "board_case": Uses(
        ("raspberry pi", "arduino", "single board computer", "electronics project", "home server", "retro console"),
        ("raspberry pi", "arduino", "placa", "eletrônica", "servidor caseiro", "videogame retrô"),
        (),
        (),
    ),
    "box_with_lid": Uses(
        ("jewelry", "earrings", "rings", "pills", "earbuds", "batteries", "screws", "beads", "coins", "trinkets",
         "cards", "keepsakes", "sewing notions", "small parts", "cables", "sd cards", "money", "savings"),
        ("joias", "brincos", "anéis", "remédios", "comprimidos", "fone", "pilhas", "parafusos", "miçangas",
         "moedas", "cartas", "lembranças", "dinheiro", "peças pequenas", "cabos", "bijuterias"),
        ("piggy bank", "money box"),
        ("cofrinho", "cofre"),
    ),
    "pen_cup": Uses(
        ("pens", "pencils", "brushes", "paintbrushes", "makeup brushes", "toothbrushes", "utensils", "chopsticks",
         "scissors", "markers", "crochet hooks", "knitting needles", "straws", "candles", "remote controls"),
        ("canetas", "lápis", "pincéis", "pincel", "maquiagem", "escovas de dente", "escova", "talheres", "hashis",
         "tesouras", "marcadores", "agulhas de crochê", "canudos", "velas", "controle remoto"),
        ("mug", "cup", "tumbler"),
        ("caneca", "copo"),
    ),
    "phone_stand": Uses(
        ("phone", "smartphone", "watch", "smartwatch", "e-reader", "game controller", "remote control", "photo",
         "business cards", "recipe card", "tripod"),
        ("celular", "relógio", "smartwatch", "kindle", "controle", "controle de videogame", "foto",
         "cartão de visita", "tripé"),
        (),
        (),
    ),
    "coaster": Uses(
        ("cups", "mugs", "drinks", "jewelry", "rings", "keys", "coins", "candles", "trinkets", "dice", "napkins"),
        ("copos", "canecas", "bebidas", "joias", "anéis", "chaves", "moedas", "velas", "dados", "guardanapos"),
        ("serving", "valet tray", "catch-all"),
        ("bandeja", "porta-trecos"),
    ),
    "device_enclosure": Uses(
        ("electronics", "circuit board", "pcb", "sensor", "battery pack", "power supply", "earbuds", "charger",
         "controller"),
        ("eletrônica", "placa de circuito", "sensor", "bateria", "fonte", "tomada", "carregador", "controlador"),
        ("light switch", "wall plate"),
        ("interruptor", "espelho"),
    ),
    "hinge": Uses(
        ("door", "lid", "box lid", "cabinet door", "folding", "gate"),
        ("porta", "tampa", "portinha", "dobradiça de armário", "dobrável", "portão"),
        ("flap",),
        ("aba",),
    ),
    "hose_adapter": Uses(
        ("hose", "garden hose", "vacuum", "dust collection", "shop vac", "aquarium tubing", "pipe", "air line",
         "water line"),
        ("mangueira", "aspirador", "aspirador de pó", "coletor de pó", "aquário", "cano", "tubo", "ar", "água"),
        ("vacuum nozzle", "nozzle"),
        ("bocal",),
    ),
    "jar_lid": Uses(
        ("mason jar", "bottle", "jar", "spice jar"),
        ("pote", "garrafa", "vidro", "pote de tempero", "temperos"),
        ("cap", "container lid", "sprinkler lid", "shaker"),
        ("tampinha", "tampa de pote", "saleiro"),
    ),
    "self_watering_planter": Uses(
        ("plants", "herbs", "basil", "seedlings", "watering", "water reservoir", "wick", "vegetables"),
        ("plantas", "ervas", "manjericão", "mudas", "rega", "regar", "reservatório", "pavio"),
        ("watering can", "watering spike", "bird feeder", "bird bath"),
        ("regador", "comedouro", "bebedouro"),
        ("garden",),
        ("horta",),
    ),
    "gridfinity_baseplate": Uses(
        ("tool storage", "grid", "organizing system"),
        ("ferramentas", "grade", "sistema de organização"),
        (),
        (),
        ("drawer", "workbench", "desk drawer"),
        ("gaveta", "bancada"),
    ),
    "gridfinity_bin": Uses(
        ("screws", "batteries", "bits", "resistors", "small parts", "tools", "usb sticks", "sd cards", "nuts",
         "bolts", "components"),
        ("parafusos", "pilhas", "bits", "resistores", "peças pequenas", "ferramentas", "pendrives", "porcas",
         "componentes"),
        ("parts bin",),
        (),
    ),
    "headphone_hanger": Uses(
        ("headphones", "headset", "controller", "game controller", "bag", "purse", "backpack", "helmet", "cables"),
        ("fone", "fones", "headset", "controle", "controle de videogame", "bolsa", "mochila", "capacete"),
        (),
        (),
        ("under desk", "desk edge"),
        ("debaixo da mesa",),
    ),
    "pegboard_hook": Uses(
        ("pegboard", "skadis", "tools", "pliers", "scissors", "hammer", "drill", "tape", "spools", "mugs", "cables"),
        ("painel perfurado", "skadis", "ferramentas", "alicate", "tesoura", "martelo", "furadeira", "parafusadeira",
         "fita", "canecas"),
        (),
        (),
        ("workshop", "garage", "craft room", "workbench"),
        ("oficina", "garagem", "ateliê", "bancada"),
    ),
    "tablet_stand": Uses(
        ("tablet", "ipad", "book", "cookbook", "recipe book", "laptop", "monitor", "e-reader", "sheet music",
         "picture frame", "photo", "napkins", "plates"),
        ("tablet", "ipad", "livro", "livro de receitas", "notebook", "monitor", "kindle", "partitura",
         "porta-retrato", "foto", "guardanapos", "pratos"),
        ("display",),
        ("expositor",),
    ),
    "bit_holder": Uses(
        ("screwdriver bits", "hex keys", "allen keys", "drill bits", "router bits", "nozzles", "pencils", "tools",
         "wrenches", "files", "chisels", "knives"),
        ("bits", "pontas", "chaves allen", "brocas", "bicos", "ferramentas", "chaves", "limas", "formões", "facas",
         "temperos"),
        (),
        (),
    ),
    "sd_card_holder": Uses(
        ("sd cards", "microsd", "memory cards", "usb sticks", "flash drives", "sim cards", "business cards",
         "game cartridges", "trading cards", "cards", "batteries", "coins"),
        ("cartão sd", "micro sd", "cartões de memória", "pendrives", "chip", "cartão de visita", "cartuchos",
         "cartas", "pilhas", "moedas"),
        (),
        (),
    ),
    "cable_comb": Uses(
        ("cables", "cable bundle", "wires", "cable management", "pc cables", "sleeved cables"),
        ("cabos", "feixe de cabos", "fios", "organização de cabos"),
        (),
        (),
    ),
    "drawer_pull": Uses(
        ("drawer", "cabinet", "door"),
        ("gaveta", "armário", "porta"),
        ("handle", "grip", "screwdriver handle", "tool handle", "file handle", "knife handle"),
        ("alça", "pegador", "cabo de chave de fenda", "cabo de ferramenta", "cabo de lima", "cabo de faca"),
    ),
    "plant_label": Uses(
        ("plants", "herbs", "seeds"),
        ("plantas", "ervas", "sementes"),
        ("pot marker", "sign", "stake"),
        ("placa", "estaca"),
        ("garden", "vegetable bed"),
        ("horta", "jardim", "canteiro"),
    ),
    "wall_hook": Uses(
        ("keys", "towels", "coats", "jackets", "bags", "hats", "caps", "leash", "dog leash", "broom", "mop", "helmet",
         "bike helmet", "guitar", "ukulele", "bike", "bicycle", "mugs", "cups", "tools", "umbrella", "headphones",
         "curtain rod", "robe", "backpack", "toilet paper", "paper towels"),
        ("chaves", "toalha", "toalhas", "casacos", "jaqueta", "bolsa", "bolsas", "chapéus", "bonés", "coleira",
         "guia", "vassoura", "rodo", "esfregão", "capacete", "violão", "guitarra", "bicicleta", "bike", "canecas",
         "xícaras", "ferramentas", "guarda-chuva", "fone", "varão de cortina", "roupão", "mochila", "papel higiênico",
         "papel toalha"),
        ("wall mount",),
        (),
    ),
    "shelf_bracket": Uses(
        ("shelf", "router", "modem", "speaker", "plants", "books", "curtain rod", "rod", "monitor"),
        ("prateleira", "roteador", "modem", "caixa de som", "plantas", "livros", "varão de cortina", "varão",
         "monitor"),
        ("wall shelf", "floating shelf", "spice rack"),
        ("porta-temperos",),
    ),
    "cable_clip": Uses(
        ("cables", "wires", "cords", "charging cable", "led strip", "pipe", "tube", "hose", "cable management"),
        ("cabos", "fios", "carregador", "fita de led", "cano", "tubo", "mangueira", "organização de cabos"),
        ("pipe clamp",),
        ("abraçadeira",),
        ("under desk", "desk edge"),
        ("debaixo da mesa",),
    ),
    "spool_holder": Uses(
        ("filament", "spool", "toilet paper", "paper towel", "tape", "ribbon", "thread", "yarn", "roll", "washi tape",
         "label roll"),
        ("filamento", "carretel", "papel higiênico", "papel toalha", "fita", "fita adesiva", "fita crepe", "linha",
         "lã", "rolo", "bobina", "mangueira"),
        ("wire spool", "cable reel", "hose reel", "cable winder"),
        ("carretel de cabo", "enrolador de cabo", "enrolador de mangueira"),
    ),
    "bowl": Uses(
        ("fruit", "snacks", "keys", "jewelry", "rings", "candy", "dog food", "pet food", "cat food", "bird seed",
         "water", "soap", "trinkets", "cereal", "soup", "salad", "popcorn", "rice", "noodles", "nuts", "chips"),
        ("frutas", "petiscos", "chaves", "joias", "anéis", "doces", "ração", "alpiste", "água", "sabonete", "cereal",
         "sopa", "salada", "pipoca", "arroz", "macarrão", "castanhas", "salgadinhos"),
        ("bird feeder", "scoop", "measuring", "egg", "lamp shade", "dish", "sink strainer"),
        ("comedouro", "pote", "medidor", "concha", "ovo", "cúpula", "luminária", "ralo", "tigela", "prato"),
        ("kitchen", "table", "dining table", "counter", "entryway", "desk"),
        ("cozinha", "mesa", "sala", "entrada", "bancada"),
    ),
    "funnel": Uses(
        ("pouring", "liquids", "oil", "resin", "powder", "flour", "spices", "filament pellets", "bottles", "watering"),
        ("despejar", "líquidos", "óleo", "resina", "pó", "farinha", "temperos", "garrafas", "regar"),
        ("scoop", "measuring", "rain gauge", "nozzle", "watering spike"),
        ("concha", "medidor", "pluviômetro", "bocal"),
    ),
    "bag_clip": Uses(
        ("chips bag", "bread bag", "snack bag", "coffee bag", "frozen food", "cereal bag"),
        ("saco de pão", "saco de salgadinho", "pacote", "café", "congelados", "cereal"),
        ("clip", "clamp", "chip clip"),
        ("presilha", "prendedor", "pregador"),
    ),
    "bottle_opener": Uses(
        ("beer", "bottles", "crown caps"),
        ("cerveja", "garrafas", "tampinhas"),
        ("keychain", "keyring", "party favor"),
        ("chaveiro", "lembrancinha"),
    ),
    "spur_gear": Uses(
        ("gearbox", "robot", "motor", "clock", "mechanism", "drive", "transmission"),
        ("caixa de redução", "robô", "motor", "relógio", "mecanismo", "transmissão"),
        ("replacement gear",),
        ("engrenagem de reposição",),
    ),
    "knob": Uses(
        ("potentiometer", "amplifier", "stove", "oven", "guitar pedal", "shaft", "volume"),
        ("potenciômetro", "amplificador", "fogão", "forno", "pedal", "eixo", "volume"),
        ("dial", "handle", "drawer knob", "screwdriver handle", "grip"),
        ("dial", "pegador", "botão de gaveta", "cabo de chave de fenda", "empunhadura"),
    ),
    "spacer": Uses(
        ("screws", "bolts", "pcb", "bearing", "mounting"),
        ("parafusos", "placa", "rolamento", "montagem"),
        ("standoff", "washer", "shim", "bushing"),
        ("espaçador", "arruela", "calço", "bucha"),
    ),
    "block": Uses(
        (),
        (),
        ("doorstop", "door wedge", "die", "dice", "cube", "paperweight", "calibration", "test print", "sphere",
         "ball", "cone", "foot", "leveling foot", "bed riser", "furniture riser"),
        ("peso de porta", "calço de porta", "dado", "dados", "cubo", "peso de papel", "calibração",
         "teste de impressão", "esfera", "bola", "cone", "pé", "pezinho", "pé de cama", "calço de móvel"),
    ),
    "drawer_organizer": Uses(
        ("cutlery", "utensils", "silverware", "batteries", "pills", "screws", "jewelry", "makeup", "office supplies",
         "spices", "tea bags", "craft supplies", "compartments", "sorting", "usb sticks"),
        ("talheres", "pilhas", "remédios", "comprimidos", "parafusos", "joias", "maquiagem", "material de escritório",
         "temperos", "sachês de chá", "artesanato", "compartimentos", "mudas", "pendrives"),
        ("seedlings",),
        ("sementeira",),
    ),
    "soap_dish": Uses(
        ("soap", "sponge", "shampoo bar", "scrubber", "toothbrush"),
        ("sabonete", "esponja", "xampu em barra", "bucha", "escova de dente"),
        ("soap dispenser", "shower caddy", "sink strainer"),
        ("saboneteira", "dispenser de sabonete", "ralo"),
        ("shower", "bathroom", "kitchen sink", "sink"),
        ("chuveiro", "banheiro", "pia", "pia da cozinha"),
    ),
    "plant_pot": Uses(
        ("plants", "succulents", "cactus", "herbs", "seedlings", "flowers", "bonsai"),
        ("plantas", "suculentas", "cacto", "ervas", "mudas", "flores", "bonsai"),
        ("trash can", "bin", "bird feeder", "watering can", "seed tray"),
        ("lixeira", "comedouro", "regador", "sementeira"),
    ),
    "plate": Uses(
        (),
        (),
        ("wall plate", "switch cover", "light switch", "outlet cover", "sign", "tile", "mounting plate", "base plate",
         "bar", "backplate", "name plate"),
        ("espelho", "interruptor", "tomada", "placa", "azulejo", "plaqueta", "base", "barra", "chapa"),
        ("door", "wall", "office", "garage", "workshop", "desk", "gate", "mailbox"),
        ("porta", "parede", "escritório", "garagem", "oficina", "mesa", "portão", "caixa de correio"),
    ),
    "solid": Uses(
        (),
        (),
        ("pyramid", "dome", "hemisphere", "torus", "donut", "wedge", "ramp", "doorstop", "cone", "die"),
        ("pirâmide", "cúpula", "domo", "semiesfera", "toro", "rosca", "cunha", "rampa", "calço", "cone"),
    ),
    "profile": Uses(
        (),
        (),
        ("angle", "channel", "rail", "edge guard", "corner guard", "trim", "extrusion", "bracket"),
        ("cantoneira", "perfil", "trilho", "protetor de quina", "acabamento", "canaleta"),
    ),
    "tube": Uses(
        ("napkins", "cables", "pencils"),
        ("guardanapos", "cabos", "lápis"),
        ("pipe", "ring", "disc", "sleeve", "bushing", "straw", "rain gauge", "cylinder", "spacer", "pipe clamp"),
        ("cano", "anel", "disco", "luva", "bucha", "canudo", "pluviômetro", "cilindro", "abraçadeira"),
    ),
    "name_tag": Uses(
        ("name",),
        ("nome",),
        ("keychain", "luggage tag", "label", "gift tag"),
        ("chaveiro", "etiqueta de mala", "plaquinha", "etiqueta", "lembrancinha"),
    ),
    "vase": Uses(
        ("flowers", "dried flowers", "roses", "tulips", "a single flower", "candles", "pencils", "decor"),
        ("flores", "flor", "flores secas", "rosas", "rosa", "tulipas", "velas", "lápis", "decoração"),
        ("candle holder", "lamp shade", "lamp", "piggy bank", "rain gauge", "egg cup", "spiral vase"),
        ("porta-vela", "cúpula", "luminária", "abajur", "cofrinho", "pluviômetro", "porta-ovo"),
    ),
}
