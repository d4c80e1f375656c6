"""The template library's parameter descriptions in Brazilian Portuguese, keyed by the English text
(tooltips of the Parameters panel and the assistant's explanations in a Portuguese session)."""

DESCRIPTIONS_PT: dict[str, str] = {
    "Material left between neighbouring sockets.": "Material que sobra entre encaixes vizinhos.",
    "Material under the sockets.": "Material embaixo dos encaixes.",
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
    "A 45° chamfer on the top's outer edge.": 'Um chanfro de 45° na borda externa de cima.',
    'A floor with four magnet pockets per cell.': 'Um fundo com quatro furos para ímãs em cada célula.',
    'A hole in the closed end to hang it (0 = none).': 'Um furo na ponta fechada para pendurar (0 = sem furo).',
    'A hole in the middle of the floor (0 = none).': 'Um furo no meio do fundo (0 = sem furo).',
    'A lip on top so another bin stacks on this one.': 'Uma borda em cima para empilhar outra caixa sobre esta.',
    'A rectangular or round plate.': 'Uma placa retangular ou redonda.',
    'A square, rounded or chamfered top edge.': 'Uma borda superior reta, arredondada ou chanfrada.',
    'Across-flats size of the bits or hex keys (1/4" bits: 6.35 mm); the sockets are 0.3 mm larger.': (
        'Medida entre faces dos bits ou chaves allen (bits de 1/4": 6.35 mm); os encaixes ficam 0.3 mm maiores.'
    ),
    'An L (angle), U (channel) or T profile.': 'Um perfil L (cantoneira), U (canaleta) ou T.',
    'Angle of the back rest from the desk.': 'Ângulo do encosto em relação à mesa.',
    'Barbs that keep the hoses from slipping off.': 'Farpas que impedem as mangueiras de escapar.',
    'Centre-to-centre distance of holes in a row or grid.': 'Distância entre centros dos furos em fileira ou grade.',
    'Centre-to-centre distance of the sockets.': 'Distância entre centros dos encaixes.',
    "Clamp onto the desk's edge, or screw under the desk.": 'Prender na borda da mesa ou parafusar embaixo dela.',
    "Computed: how deep the chosen finish's thread is.": 'Calculado: a profundidade da rosca do acabamento escolhido.',
    'Computed: the clearance hole of the chosen screw (ISO 273 medium), or the hole diameter when custom.':
        'Calculado: o furo de passagem do parafuso escolhido (ISO 273 médio), ou o diâmetro do furo quando '
        'personalizado.',
    'Computed: the head of the chosen flat-head screw (ISO 10642), twice the hole diameter when custom.':
        'Calculado: a cabeça do parafuso escareado escolhido (ISO 10642), o dobro do diâmetro do furo quando '
        'personalizado.',
    "Computed: the outside diameter of the jar's thread for the chosen finish.": (
        'Calculado: o diâmetro externo da rosca do pote para o acabamento escolhido.'
    ),
    'Computed: the pitch of the chosen finish.': 'Calculado: o passo do acabamento escolhido.',
    'Depth in grid units (42 mm each).': 'Profundidade em unidades da grade (42 mm cada).',
    'Depth of the base (X).': 'Profundidade da base (X).',
    'Depth of the magnet pockets (2 mm magnets need 2.4).': (
        'Profundidade dos furos dos ímãs (ímãs de 2 mm precisam de 2.4).'
    ),
    'Diameter of a hemisphere, the outside of a torus or the base of a cone.': (
        'Diâmetro de um hemisfério, o externo de um toro ou a base de um cone.'
    ),
    'Diameter of each cable.': 'Diâmetro de cada cabo.',
    'Diameter of each hole when the screw size is custom.': (
        'Diâmetro de cada furo quando o tamanho do parafuso é personalizado.'
    ),
    'Diameter of the flat foot.': 'Diâmetro do pé plano.',
    'Diameter of the hole (0 = a solid disc).': 'Diâmetro do furo (0 = disco maciço).',
    'Diameter of the magnet pockets (6 mm magnets need 6.5).': (
        'Diâmetro dos furos dos ímãs (ímãs de 6 mm precisam de 6.5).'
    ),
    'Diameter of the two posts.': 'Diâmetro das duas colunas.',
    'Distance between the screw holes (64, 96 and 128 mm are common).': (
        'Distância entre os furos dos parafusos (64, 96 e 128 mm são comuns).'
    ),
    "Distance of corner holes from the plate's edges.": 'Distância dos furos dos cantos até as bordas da placa.',
    'Gap between the moving parts printed in place.': 'Folga entre as partes móveis impressas montadas.',
    'Grid cells along X (42 mm each).': 'Células da grade em X (42 mm cada).',
    'Grid cells along Y (42 mm each).': 'Células da grade em Y (42 mm cada).',
    'Height in 7 mm units.': 'Altura em unidades de 7 mm.',
    'Height inside the case, from the floor.': 'Altura interna da caixa, a partir do fundo.',
    'Height of a pyramid, wedge or cone.': 'Altura de uma pirâmide, cunha ou cone.',
    'Height of the back resting on the board.': 'Altura do encosto apoiado no painel.',
    'Height of the block.': 'Altura do bloco.',
    'Height of the bowl.': 'Altura da tigela.',
    'Height of the cone from the mouth to the spout.': 'Altura do cone, da boca até o bico.',
    'Height of the front lip that holds the tablet.': 'Altura da aba frontal que segura o tablet.',
    'Height of the label above the stake.': 'Altura da etiqueta acima da haste.',
    "Height of the profile's legs.": 'Altura das abas do perfil.',
    'Height of the threaded skirt.': 'Altura da saia com rosca.',
    'Holes in a row, or along X in a grid.': 'Furos em uma fileira, ou ao longo de X em uma grade.',
    'Holes through the plate, blind from the top, or countersunk for flat-head screws.': (
        'Furos passantes, cegos a partir de cima ou escareados para parafusos de cabeça chata.'
    ),
    'How deep blind holes go from the top.': 'Profundidade dos furos cegos a partir de cima.',
    'How deep the SD cards sit (they are 32 mm tall).': 'Quanto os cartões SD entram (eles têm 32 mm de altura).',
    'How deep the sockets go.': 'Profundidade dos encaixes.',
    'How far below the desk the hook hangs.': 'Quanto o gancho fica abaixo da mesa.',
    'How far each barb stands out.': 'Quanto cada farpa se projeta.',
    'How far raised letters stand up, or how deep engraved ones are cut.': (
        'Quanto as letras em relevo sobem, ou quão fundo as gravadas são cortadas.'
    ),
    "How far the clamp's jaws (or the screw plate) reach.": 'Até onde vão as garras do grampo (ou a placa parafusada).',
    'How far the grip stands off the door (post height).': 'Distância da pega até a porta (altura das colunas).',
    'How far the hook reaches out from the board.': 'Quanto o gancho avança a partir do painel.',
    'How long the profile is (Y).': 'Comprimento do perfil (Y).',
    'How many cables the comb holds.': 'Quantos cabos o pente segura.',
    'How tall the clip is (its width on the bag).': 'Altura do prendedor (a largura dele no saco).',
    'IKEA Skådis (slots) or standard 1" pegboard (1/4" holes).': (
        'IKEA Skådis (fendas) ou painel perfurado padrão de 1" (furos de 1/4").'
    ),
    'ISO metric: distance between threads.': 'Métrica ISO: distância entre os filetes.',
    'ISO metric: the outside diameter of the thread the lid screws onto.': (
        'Métrica ISO: o diâmetro externo da rosca em que a tampa rosqueia.'
    ),
    'Length along the pin.': 'Comprimento ao longo do pino.',
    'Length of a tube, thickness of a ring or disc.': 'Comprimento de um tubo, espessura de um anel ou disco.',
    'Length of the arm the headphones rest on.': 'Comprimento do braço onde o fone se apoia.',
    'Length of the back rest.': 'Comprimento do encosto.',
    'Length of the bottom spigot.': 'Comprimento da ponta de baixo.',
    "Length of the clip's arms.": 'Comprimento dos braços do prendedor.',
    'Length of the pointed stake.': 'Comprimento da haste pontuda.',
    'Length of the spout.': 'Comprimento do bico.',
    'Length of the top spigot.': 'Comprimento da ponta de cima.',
    'Letters standing up from the label or cut into it.': 'Letras em relevo sobre a etiqueta ou gravadas nela.',
    'Magnet pockets under each foot.': 'Furos para ímãs embaixo de cada pé.',
    'No text, letters standing up from the plate, or cut into it.': (
        'Sem texto, letras em relevo sobre a placa ou gravadas nela.'
    ),
    'Number of knuckles (odd).': 'Número de nós (ímpar).',
    'Opening between the arms; narrower than the folded bag.': (
        'Abertura entre os braços; mais estreita que o saco dobrado.'
    ),
    'Outside diameter at the rim.': 'Diâmetro externo na borda.',
    "Outside diameter of the bottom spigot (the hose's inside).": (
        'Diâmetro externo da ponta de baixo (o interno da mangueira).'
    ),
    'Outside diameter of the knuckles.': 'Diâmetro externo dos nós.',
    'Outside diameter of the spout.': 'Diâmetro externo do bico.',
    'Outside diameter of the top spigot.': 'Diâmetro externo da ponta de cima.',
    'Outside diameter of the tube, ring or disc.': 'Diâmetro externo do tubo, anel ou disco.',
    'Outside diameter of the wide end.': 'Diâmetro externo da ponta larga.',
    'Overall length of the grip.': 'Comprimento total da pega.',
    'Overall length.': 'Comprimento total.',
    'Overall width (the window is 24 mm wide for a crown cap).': 'Largura total (a janela tem 24 mm para a tampinha).',
    'Pilot hole for the screw (M4 machine screw: 3.3 mm).': 'Furo guia para o parafuso (parafuso M4: 3.3 mm).',
    'Play between the lid and the box: more if the lid is too tight, less if it is loose.': (
        'Folga entre a tampa e a caixa: mais se a tampa estiver apertada, menos se estiver folgada.'
    ),
    "Play between the lid's thread and the jar's: more if the lid is too tight, less if it is loose.": (
        'Folga entre a rosca da tampa e a do pote: mais se a tampa estiver apertada, menos se estiver folgada.'
    ),
    'Pyramid, hemisphere, torus (ring), wedge or cone.': 'Pirâmide, hemisfério, toro (anel), cunha ou cone.',
    'Radius of the rounded or size of the chamfered top edge.': (
        'Raio da borda arredondada ou tamanho da borda chanfrada.'
    ),
    'Ridges around the outside for grip (0 = smooth).': 'Estrias em volta para dar pegada (0 = lisa).',
    'Room around the board on every side.': 'Folga em volta da placa em todos os lados.',
    'Rows of holes along Y in a grid.': 'Fileiras de furos ao longo de Y em uma grade.',
    'Screw holes at both ends (0 = none).': 'Furos para parafuso nas duas pontas (0 = sem furos).',
    'Screw holes of the under-desk plate.': 'Furos para parafuso da placa de baixo da mesa.',
    'Slots for full-size SD cards.': 'Fendas para cartões SD de tamanho normal.',
    'Slots for microSD cards.': 'Fendas para cartões microSD.',
    'Sockets along X.': 'Encaixes ao longo de X.',
    'Sockets along Y.': 'Encaixes ao longo de Y.',
    'Stretches each hole into a slot this much longer along X (0 = round holes).': (
        'Alonga cada furo em um rasgo, este tanto mais comprido em X (0 = furos redondos).'
    ),
    'The board the case is for; its ports are cut where its drawing puts them.': (
        'A placa para a qual é a caixa; as portas são recortadas onde o desenho dela indica.'
    ),
    "The jar's or bottle's thread: a GPI finish, a Mason jar mouth, or ISO metric (thread diameter and pitch).": (
        'A rosca do pote ou da garrafa: um acabamento GPI, uma boca de pote Mason ou métrica ISO (diâmetro e passo).'
    ),
    'The screw the holes are for (clearance hole); custom uses the hole diameter.': (
        'O parafuso para o qual são os furos (furo de passagem); personalizado usa o diâmetro do furo.'
    ),
    'The upturned tip that keeps things on the arm.': 'A ponta virada para cima que segura as coisas no braço.',
    "Thickness of a torus's ring.": 'Espessura do anel de um toro.',
    'Thickness of each arm (thicker grips harder).': 'Espessura de cada braço (mais grosso aperta mais).',
    'Thickness of the back and the arm.': 'Espessura do encosto e do braço.',
    'Thickness of the base and legs.': 'Espessura da base e das abas.',
    'Thickness of the base, lip and back.': 'Espessura da base, da aba e do encosto.',
    'Thickness of the comb.': 'Espessura do pente.',
    'Thickness of the desk top the clamp grips.': 'Espessura do tampo da mesa que o grampo prende.',
    'Thickness of the grip bar.': 'Espessura da barra da pega.',
    'Thickness of the jaws, spine and arm.': 'Espessura das garras, da coluna e do braço.',
    'Thickness of the label.': 'Espessura da etiqueta.',
    'Thickness of the leaves.': 'Espessura das abas.',
    "Thickness of the lid's top.": 'Espessura do topo da tampa.',
    'Thickness of the opener.': 'Espessura do abridor.',
    'Thickness of the tablet in its case (slot width).': 'Espessura do tablet com capa (largura da fenda).',
    'Walls splitting the bin along X.': 'Paredes que dividem a caixa ao longo de X.',
    'What the label says.': 'O que a etiqueta diz.',
    'What the plate says.': 'O que a placa diz.',
    'Where the holes go: none, the centre, the four corners, a row along X or a grid.': (
        'Onde ficam os furos: nenhum, no centro, nos quatro cantos, em uma fileira em X ou em grade.'
    ),
    'Width in grid units (42 mm each).': 'Largura em unidades da grade (42 mm cada).',
    'Width of each leaf from the pin.': 'Largura de cada aba a partir do pino.',
    'Width of the grip bar.': 'Largura da barra da pega.',
    'Width of the hanger (its band rest).': 'Largura do suporte (onde a haste do fone apoia).',
    'Width of the label.': 'Largura da etiqueta.',
    "Width of the profile's base (X).": 'Largura da base do perfil (X).',
    'Width of the stand (Y).': 'Largura do suporte (Y).',
    'Width of the stiffening bead around the mouth (0 = none).': (
        'Largura do reforço em volta da boca (0 = sem reforço).'
    ),
    'X size of a pyramid or wedge.': 'Medida em X de uma pirâmide ou cunha.',
    "X size of the plate (a round plate's diameter).": 'Medida em X da placa (o diâmetro de uma placa redonda).',
    'Y size of a pyramid or wedge.': 'Medida em Y de uma pirâmide ou cunha.',
    'Y size of a rectangular plate.': 'Medida em Y de uma placa retangular.',
    "Outside diameter of the reservoir (and the pot's rim).": 'Diâmetro externo do reservatório (e da borda do vaso).',
    'Height of the water reservoir.': 'Altura do reservatório de água.',
    'Height of the pot that holds the soil.': 'Altura do vaso que leva a terra.',
    'Outside diameter of the wick basket.': 'Diâmetro externo do cesto do pavio.',
    "A notch in the reservoir's rim to pour the water in.": 'Um recorte na borda do reservatório para pôr a água.',
}
