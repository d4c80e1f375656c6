"""The template library's parameter descriptions in Brazilian Portuguese, keyed by the English text
(tooltips of the Parameters panel and the assistant's explanations in a Portuguese session)."""

DESCRIPTIONS_PT: dict[str, str] = {
    "20° is the standard; both gears must match.": "20° é o padrão; as duas engrenagens precisam usar o mesmo.",
    "A cross divider making four compartments.": "Uma divisória em cruz que forma quatro compartimentos.",
    "A diagonal rib in the corner for stiffness.": "Uma nervura diagonal no canto para dar rigidez.",
    "A flat coaster or a tray with a raised rim.": "Um porta-copos plano ou uma bandeja com borda elevada.",
    "A flat in the hole for D-shaped shafts (potentiometers, encoders).": (
        "Uma face plana no furo para eixos em D (potenciômetros, encoders)."
    ),
    "A hole through the middle along Z (0 = none).": "Um furo passante no meio, ao longo de Z (0 = sem furo).",
    "A lid with a lip that sits on top, or one that slides in.": (
        "Uma tampa com aba que encaixa por cima, ou uma que entra deslizando."
    ),
    "A raised hub around the bore for a set screw or more grip on the axle.": (
        "Um cubo elevado em volta do furo do eixo, para um parafuso de fixação ou mais firmeza no eixo."
    ),
    "A slot and channel for a charging cable.": "Uma fenda e um canal para passar o cabo do carregador.",
    "A tab with a hole for a key ring.": "Uma aba com furo para a argola do chaveiro.",
    "A tablet makes the stand at least 160 mm wide with a 130 mm back rest.": (
        "Com tablet, o suporte fica com pelo menos 160 mm de largura e encosto de 130 mm."
    ),
    "An M3 set-screw hole from the side into the shaft hole.": (
        "Um furo lateral para parafuso de fixação M3 que chega ao furo do eixo."
    ),
    "Box, cylinder, sphere or cone.": "Cubo, cilindro, esfera ou cone.",
    "Cells along X.": "Compartimentos ao longo de X.",
    "Cells along Y.": "Compartimentos ao longo de Y.",
    "Computed: the lid lies in front of the enclosure instead of beside it when side by side would be longer than "
    "250 mm.": (
        "Calculado: a tampa fica na frente da caixa, e não ao lado, quando as duas lado a lado passariam de 250 mm."
    ),
    "Corner bosses with M3 pilot holes (always on for a screw lid).": (
        "Torres nos cantos com furos-guia para M3 (sempre ativas com tampa parafusada)."
    ),
    "Decorative radial grooves on top.": "Ranhuras radiais decorativas na face de cima.",
    "Diameter (round), X size (square) or corner to corner (hex).": (
        "Diâmetro (redondo), medida em X (quadrado) ou de canto a canto (sextavado)."
    ),
    "Diameter of a cone's top (0 = pointed).": "Diâmetro do topo do cone (0 = pontudo).",
    "Diameter of a cylinder, sphere or the base of a cone.": "Diâmetro do cilindro, da esfera ou da base do cone.",
    "Diameter of each cable hole.": "Diâmetro de cada furo para cabo.",
    "Diameter of each drainage hole.": "Diâmetro de cada furo de drenagem.",
    "Diameter of the axle hole (0 = none).": "Diâmetro do furo do eixo (0 = sem furo).",
    "Diameter of the cable it holds.": "Diâmetro do cabo que a presilha prende.",
    "Diameter of the hole (0 = solid).": "Diâmetro do furo (0 = maciço).",
    "Diameter of the hole in the spool's centre.": "Diâmetro do furo central do carretel.",
    "Diameter of the key-ring hole.": "Diâmetro do furo da argola.",
    "Diameter of the shaft it fits on (the hole is 0.2 mm larger).": (
        "Diâmetro do eixo em que o botão encaixa (o furo fica 0,2 mm maior)."
    ),
    "Ears with keyholes to hang it on a wall.": "Orelhas com furos tipo fechadura para pendurar na parede.",
    "Face width of the gear.": "Espessura da engrenagem (largura dos dentes).",
    "Flat washer, round spacer or hex standoff.": "Arruela lisa, espaçador redondo ou espaçador sextavado.",
    "Footprint front to back (Y).": "Medida da base de frente para trás (Y).",
    "Gap between lid and box so they fit.": "Folga entre a tampa e a caixa para que encaixem.",
    "Height of a tray's rim above the base.": "Altura da borda da bandeja acima da base.",
    "Height of the back plate.": "Altura da placa traseira.",
    "Height of the capital letters (at least 5.5 mm, so strokes stay 0.8 mm wide).": (
        "Altura das letras maiúsculas (pelo menos 5,5 mm, para os traços terem 0,8 mm de largura)."
    ),
    "Height of the cup.": "Altura do copo.",
    "Height of the device inside (Z).": "Altura do dispositivo que vai dentro (Z).",
    "Height of the front lip that stops the phone sliding.": (
        "Altura da borda frontal que impede o celular de escorregar."
    ),
    "Height of the knob.": "Altura do botão.",
    "Height of the pot.": "Altura do vaso.",
    "Height of the saucer's rim.": "Altura da borda do pratinho.",
    "Height of the upturned tip that keeps things on.": "Altura da ponta virada para cima, que segura as coisas.",
    "Height of the vase.": "Altura do vaso.",
    "Holes for cables in the +X end wall.": "Furos para cabos na parede da ponta +X.",
    "How deep engraved letters are cut.": "Profundidade do corte das letras gravadas.",
    "How far raised letters stand up.": "Quanto as letras em relevo sobressaem da placa.",
    "How far the hook reaches out from the wall.": "Quanto o gancho avança para fora da parede.",
    "How far the hub stands above the gear.": "Quanto o cubo sobe acima da engrenagem.",
    "How far the saucer reaches beyond the pot's base.": "Quanto o pratinho passa além da base do vaso.",
    "How far the top turns relative to the base.": "Quanto o topo gira em relação à base.",
    "How the lid holds: snap-fit, 4 screws or sliding.": (
        "Como a tampa fica presa: de encaixe, com 4 parafusos ou deslizante."
    ),
    "How the width changes from base to rim.": "Como a largura varia da base até a borda.",
    "Lean of the phone from horizontal.": "Inclinação do celular em relação à horizontal.",
    "Length of each clip along the cable (Y).": "Comprimento de cada presilha ao longo do cabo (Y).",
    "Length of the arm screwed to the wall (Z).": "Comprimento do braço parafusado na parede (Z).",
    "Length of the arm under the shelf (Y).": "Comprimento do braço sob a prateleira (Y).",
    "Length of the device inside (Y).": "Comprimento do dispositivo que vai dentro (Y).",
    "Length of the leaning back rest.": "Comprimento do encosto inclinado.",
    "Letters standing up from the plate or cut into it.": "Letras em relevo sobre a placa ou gravadas nela.",
    "Number of clips side by side.": "Número de presilhas lado a lado.",
    "Number of drain slots (and ribs between them).": "Número de fendas de drenagem (e de nervuras entre elas).",
    "Number of holes through the floor (0 = none).": "Número de furos no fundo (0 = nenhum).",
    "Number of hooks side by side.": "Número de ganchos lado a lado.",
    "Number of slots in each long wall.": "Número de fendas em cada parede comprida.",
    "Number of teeth.": "Número de dentes.",
    "Number of vertical grip grooves (0 = smooth).": "Número de estrias verticais para pegada (0 = liso).",
    "Outline of the pot seen from above.": "Contorno do vaso visto de cima.",
    "Outline seen from above.": "Contorno visto de cima.",
    "Outside diameter (standoff: across flats).": "Diâmetro externo (espaçador sextavado: medida entre faces).",
    "Outside diameter of the hub.": "Diâmetro externo do cubo.",
    "Outside diameter of the knob.": "Diâmetro externo do botão.",
    "Outside diameter of the spool.": "Diâmetro externo do carretel.",
    "Outside height, rim included.": "Altura externa, com a borda.",
    "Outside height.": "Altura externa.",
    "Outside size along X (measure your drawer).": "Medida externa em X (meça a sua gaveta).",
    "Outside size along X.": "Medida externa em X.",
    "Outside size along Y.": "Medida externa em Y.",
    "Outside width (hex: corner to corner).": "Largura externa (sextavado: de canto a canto).",
    "Outside width at the base.": "Largura externa na base.",
    "Outside width at the rim.": "Largura externa na borda.",
    "Plate border around the text.": "Margem da placa em volta do texto.",
    "Polygon sides; 0 (or 30 and more) makes it round, except that a twisted vase with 0 sides is hexagonal so its "
    "twist shows.": (
        "Lados do polígono; 0 (ou 30 ou mais) deixa o vaso redondo, mas um vaso torcido com 0 lados fica sextavado "
        "para que a torção apareça."
    ),
    "Print a lid beside the box.": "Imprime uma tampa ao lado da caixa.",
    "Print a matching saucer beside the pot.": "Imprime um pratinho sob medida ao lado do vaso.",
    "Room around the device on every side.": "Folga em volta do dispositivo, em todos os lados.",
    "Room for the phone's thickness (with case) between lip and rest.": (
        "Espaço para a espessura do celular (com capinha) entre a borda frontal e o encosto."
    ),
    "Rounding of a box's vertical edges.": "Arredondamento das arestas verticais da caixa.",
    "Rounding of the outside vertical edges.": "Arredondamento das arestas verticais externas.",
    "Rounding of the plate's corners.": "Arredondamento dos cantos da placa.",
    "Rounding of the vertical edges (0 = sharp).": "Arredondamento das arestas verticais (0 = canto vivo).",
    "Screw hole diameter (0 = none).": "Diâmetro do furo para parafuso (0 = sem furo).",
    "Screw hole diameter (0 = none, for tape or glue).": (
        "Diâmetro do furo para parafuso (0 = sem furo, para fita ou cola)."
    ),
    "Screw hole diameter for the screw mount.": "Diâmetro do furo para parafuso na fixação parafusada.",
    "Screw holes in each arm.": "Furos para parafuso em cada braço.",
    "Slots through the floor so water runs off.": "Fendas no fundo para a água escorrer.",
    "Stand on the desk, or screw the base down.": "Apoiado na mesa, ou com a base parafusada.",
    "Stick it on with tape, or a tab with a screw hole.": (
        "Colada com fita adesiva, ou presa por uma aba com furo para parafuso."
    ),
    "Thickness of a washer, length of a spacer or standoff.": (
        "Espessura da arruela, ou comprimento do espaçador ou do espaçador sextavado."
    ),
    "Thickness of base, lip and rest.": "Espessura da base, da borda frontal e do encosto.",
    "Thickness of both arms.": "Espessura dos dois braços.",
    "Thickness of plate and hook.": "Espessura da placa e do gancho.",
    "Thickness of the base and side walls.": "Espessura da base e das paredes laterais.",
    "Thickness of the base plate.": "Espessura da placa da base.",
    "Thickness of the base.": "Espessura da base.",
    "Thickness of the bottom.": "Espessura do fundo.",
    "Thickness of the floor the drainage holes go through.": (
        "Espessura do fundo, que os furos de drenagem atravessam."
    ),
    "Thickness of the lid plate.": "Espessura da placa da tampa.",
    "Thickness of the plate.": "Espessura da placa.",
    "Thickness of the walls; at least two nozzle widths.": "Espessura das paredes; pelo menos duas larguras do bico.",
    "Tooth size: pitch diameter / teeth. Meshing gears share it.": (
        "Tamanho do dente: diâmetro primitivo / dentes. Engrenagens que se acoplam usam o mesmo."
    ),
    "Usable space inside, along X.": "Espaço útil interno, em X.",
    "Usable space inside, along Y.": "Espaço útil interno, em Y.",
    "Usable space inside, floor to rim.": "Espaço útil interno, do fundo até a borda.",
    "Ventilation slots in the long walls.": "Fendas de ventilação nas paredes compridas.",
    "Walls splitting the box into equal compartments along X.": (
        "Paredes que dividem a caixa em compartimentos iguais ao longo de X."
    ),
    "What the tag says.": "O texto da etiqueta.",
    "Width of each hook's share of the back plate.": "Largura da parte da placa traseira que cabe a cada gancho.",
    "Width of the bracket (X).": "Largura da mão francesa (X).",
    "Width of the device inside (X).": "Largura do dispositivo que vai dentro (X).",
    "Width of the spool, flange to flange.": "Largura do carretel, de aba a aba.",
    "Width of the stand (X).": "Largura do suporte (X).",
    "X size of a box.": "Medida em X da caixa.",
    "Y size of a box.": "Medida em Y da caixa.",
    "Y size of a square coaster or tray.": "Medida em Y do porta-copos ou da bandeja quadrada.",
    "Z size of a box, cylinder or cone.": "Medida em Z da caixa, do cilindro ou do cone.",
}
