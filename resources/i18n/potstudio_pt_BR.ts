<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
  <context>
    <name>Actions</name>
    <message>
      <location filename="../../desktop/actions.py" line="33" />
      <source>&amp;Edit</source>
      <translation>&amp;Editar</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="33" />
      <source>&amp;File</source>
      <translation>&amp;Arquivo</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="33" />
      <source>&amp;View</source>
      <translation>E&amp;xibir</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="52" />
      <source>Account and Server…</source>
      <translation>Conta e servidor…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="66" />
      <source>Collaboration</source>
      <translation>Colaboração</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="50" />
      <source>Command Palette…</source>
      <translation>Paleta de comandos…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="67" />
      <source>Comment on a Point</source>
      <translation>Comentar em um ponto</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="68" />
      <source>Compare Versions…</source>
      <translation>Comparar versões…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="41" />
      <source>Export Mesh (STL/3MF/OBJ)…</source>
      <translation>Exportar malha (STL/3MF/OBJ)…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="53" />
      <source>Fit View</source>
      <translation>Enquadrar</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="54" />
      <source>Front View</source>
      <translation>Vista frontal</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="40" />
      <source>Import Mesh (STL/3MF/OBJ)…</source>
      <translation>Importar malha (STL/3MF/OBJ)…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="57" />
      <source>Isometric View</source>
      <translation>Vista isométrica</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="65" />
      <source>Marketplace</source>
      <translation>Marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="63" />
      <source>Measure (Click Two Points)</source>
      <translation>Medir (clique em dois pontos)</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="36" />
      <source>New</source>
      <translation>Novo</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="46" />
      <source>Open Shared Link…</source>
      <translation>Abrir link compartilhado…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="37" />
      <source>Open…</source>
      <translation>Abrir…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="58" />
      <source>Orthographic</source>
      <translation>Ortográfica</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="62" />
      <source>Overhang Overlay</source>
      <translation>Destacar balanços</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="51" />
      <source>Preferences…</source>
      <translation>Preferências…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="64" />
      <source>Printers</source>
      <translation>Impressoras</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="44" />
      <source>Publish to Marketplace…</source>
      <translation>Publicar no marketplace…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="47" />
      <source>Quit</source>
      <translation>Sair</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="49" />
      <source>Redo</source>
      <translation>Refazer</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="56" />
      <source>Right View</source>
      <translation>Vista direita</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="38" />
      <source>Save</source>
      <translation>Salvar</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="39" />
      <source>Save As…</source>
      <translation>Salvar como…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="61" />
      <source>Section Plane</source>
      <translation>Plano de corte</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="42" />
      <source>Send to Printer…</source>
      <translation>Enviar para a impressora…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="45" />
      <source>Share…</source>
      <translation>Compartilhar…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="55" />
      <source>Top View</source>
      <translation>Vista superior</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="48" />
      <source>Undo</source>
      <translation>Desfazer</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="59" />
      <source>Wireframe</source>
      <translation>Aramado</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="60" />
      <source>X-Ray</source>
      <translation>Raio X</translation>
    </message>
  </context>
  <context>
    <name>Autosave</name>
    <message>
      <location filename="../../desktop/autosave.py" line="41" />
      <source>Autosave</source>
      <translation>Salvamento automático</translation>
    </message>
    <message>
      <location filename="../../desktop/autosave.py" line="77" />
      <source>Discard unsaved work</source>
      <translation>Descartar trabalho não salvo</translation>
    </message>
    <message>
      <location filename="../../desktop/autosave.py" line="68" />
      <source>Recover unsaved work</source>
      <translation>Recuperar trabalho não salvo</translation>
    </message>
  </context>
  <context>
    <name>ChatController</name>
    <message>
      <location filename="../../desktop/assistant.py" line="75" />
      <source>Checking…</source>
      <translation>Verificando…</translation>
    </message>
    <message>
      <location filename="../../desktop/assistant.py" line="82" />
      <source>Connecting</source>
      <translation>Conectando</translation>
    </message>
    <message>
      <location filename="../../desktop/assistant.py" line="97" />
      <source>Designing</source>
      <translation>Projetando</translation>
    </message>
    <message>
      <location filename="../../desktop/assistant.py" line="119" />
      <source>Stopped.</source>
      <translation>Interrompido.</translation>
    </message>
  </context>
  <context>
    <name>ChatPanel</name>
    <message>
      <location filename="../../desktop/panels/chat.py" line="40" />
      <source>Custom URL</source>
      <translation>URL personalizada</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="187" />
      <source>Describe a model or an edit…</source>
      <translation>Descreva um modelo ou uma alteração…</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="184" />
      <source>Describe what you want to print, for example “a plant pot 12 cm wide with drainage holes”. I will design it, and you can refine it by talking or with the sliders.</source>
      <translation>Descreva o que você quer imprimir, por exemplo “um vaso de 12 cm de largura com furos de drenagem”. Eu faço o projeto, e você pode ajustá-lo conversando ou com os controles deslizantes.</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="36" />
      <source>Offline (built-in)</source>
      <translation>Offline (embutido)</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="194" />
      <source>Open this version</source>
      <translation>Abrir esta versão</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="188" />
      <source>Send</source>
      <translation>Enviar</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="189" />
      <source>Stop</source>
      <translation>Parar</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="193" />
      <source>Version {0}</source>
      <translation>Versão {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="48" />
      <source>a box with a lid, 10 x 7 x 4 cm</source>
      <translation>uma caixa com tampa de 10 x 7 x 4 cm</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="49" />
      <source>a name tag that says Ana</source>
      <translation>um chaveiro escrito Ana</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="47" />
      <source>a phone stand for my desk</source>
      <translation>um suporte de celular para a mesa</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="46" />
      <source>a plant pot 12 cm wide with drainage holes</source>
      <translation>um vaso de planta de 12 cm com furos de drenagem</translation>
    </message>
  </context>
  <context>
    <name>CommandPalette</name>
    <message>
      <location filename="../../desktop/dialogs/palette.py" line="46" />
      <source>Command Palette</source>
      <translation>Paleta de comandos</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/palette.py" line="51" />
      <source>Type a command…</source>
      <translation>Digite um comando…</translation>
    </message>
  </context>
  <context>
    <name>Core</name>
    <message>
      <location filename="../../core/geometry/threemf.py" line="333" />
      <source>'{0}' contains XML entity declarations, which 3MF never uses; refusing it.</source>
      <translation>'{0}' contém declarações de entidades XML, que o 3MF nunca usa; arquivo recusado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="302" />
      <source>'{0}' contains an unsafe part name '{1}'; refusing to read it.</source>
      <translation>'{0}' contém um nome de parte inseguro '{1}'; leitura recusada.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="564" />
      <source>'{0}' contains no triangles.</source>
      <translation>'{0}' não contém triângulos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="259" />
      <source>'{0}' contains only degenerate triangles.</source>
      <translation>'{0}' contém só triângulos degenerados.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="51" />
      <source>'{0}' declares {1} triangles ({2} bytes) but has only {3} bytes: it is truncated or not an STL file.</source>
      <translation>'{0}' declara {1} triângulos ({2} bytes), mas tem só {3} bytes: está truncado ou não é um arquivo STL.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="188" />
      <source>'{0}' did not read back as written ({1}); nothing was written.</source>
      <translation>'{0}' não foi lido de volta como foi escrito ({1}); nada foi gravado.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="186" />
      <source>'{0}' does not give a finite number.</source>
      <translation>'{0}' não dá um número finito.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="184" />
      <source>'{0}' does not give a real number.</source>
      <translation>'{0}' não dá um número real.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="542" />
      <source>'{0}' expands to more than {1} triangles (the limit).</source>
      <translation>'{0}' se expande para mais de {1} triângulos (o limite).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="164" />
      <source>'{0}' got shorter while it was being read; try again once it is complete.</source>
      <translation>'{0}' ficou menor enquanto era lido; tente de novo quando ele estiver completo.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="115" />
      <source>'{0}' has NaN or infinite coordinates; the file is damaged.</source>
      <translation>'{0}' tem coordenadas NaN ou infinitas; o arquivo está danificado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/text_tokens.py" line="43" />
      <source>'{0}' has a coordinate that is not a number.</source>
      <translation>'{0}' tem uma coordenada que não é um número.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="65" />
      <source>'{0}' has a face that refers to vertex {1}, but the file defines only {2} vertices.</source>
      <translation>'{0}' tem uma face que se refere ao vértice {1}, mas o arquivo define só {2} vértices.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="319" />
      <source>'{0}' has broken XML ({1}).</source>
      <translation>'{0}' tem XML corrompido ({1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="248" />
      <source>'{0}' has coordinates too large to be a model (past 3.4e38).</source>
      <translation>'{0}' tem coordenadas grandes demais para ser um modelo (além de 3,4e38).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="368" />
      <source>'{0}' has more than {1} triangles (the limit).</source>
      <translation>'{0}' tem mais de {1} triângulos (o limite).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="48" />
      <source>'{0}' has more than {1} vertices (the limit).</source>
      <translation>'{0}' tem mais de {1} vértices (o limite).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="540" />
      <source>'{0}' has no build items: there is nothing to print in it.</source>
      <translation>'{0}' não tem itens de construção (build items): não há nada para imprimir nele.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="250" />
      <source>'{0}' has triangles that refer to vertices it does not have ({1} vertices).</source>
      <translation>'{0}' tem triângulos que se referem a vértices que ele não tem ({1} vértices).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="55" />
      <source>'{0}' has {1} bytes more than its {2} declared triangles need; it is damaged or not a binary STL.</source>
      <translation>'{0}' tem {1} bytes a mais do que seus {2} triângulos declarados precisam; está danificado ou não é um STL binário.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="190" />
      <source>'{0}' has {1} parts; a 3MF with more than {2} is refused.</source>
      <translation>'{0}' tem {1} partes; um 3MF com mais de {2} é recusado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="45" />
      <source>'{0}' has {1} triangles; the limit is {2}.</source>
      <translation>'{0}' tem {1} triângulos; o limite é {2}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="28" />
      <source>'{0}' has {1} vertices; the limit is {2}.</source>
      <translation>'{0}' tem {1} vértices; o limite é {2}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="89" />
      <source>'{0}' is a damaged zip archive ({1}).</source>
      <translation>'{0}' é um arquivo zip danificado ({1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="103" />
      <source>'{0}' is empty.</source>
      <translation>'{0}' está vazio.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="223" />
      <source>'{0}' is not a 3MF model: it has no '{1}' part.</source>
      <translation>'{0}' não é um modelo 3MF: não tem a parte '{1}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="87" />
      <source>'{0}' is not a 3MF package (it is not a zip archive).</source>
      <translation>'{0}' não é um pacote 3MF (não é um arquivo zip).</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="183" />
      <source>'{0}' is not a parameter kind.</source>
      <translation>'{0}' não é um tipo de parâmetro.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="262" />
      <source>'{0}' is not a valid ASCII STL: line {1} reads '{2}' where '{3}' should be.</source>
      <translation>'{0}' não é um STL ASCII válido: a linha {1} diz '{2}' onde deveria estar '{3}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="269" />
      <source>'{0}' is not a valid ASCII STL: line {1} reads '{2}' where a facet or 'endsolid' should start.</source>
      <translation>'{0}' não é um STL ASCII válido: a linha {1} diz '{2}' onde deveria começar uma faceta ou 'endsolid'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="277" />
      <source>'{0}' is not a valid ASCII STL: unexpected text at line {1}.</source>
      <translation>'{0}' não é um STL ASCII válido: texto inesperado na linha {1}.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="62" />
      <source>'{0}' is not a valid parameter name (letters, digits, _).</source>
      <translation>'{0}' não é um nome de parâmetro válido (letras, dígitos, _).</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="128" />
      <source>'{0}' is not allowed in expression '{1}'.</source>
      <translation>'{0}' não é permitido na expressão '{1}'.</translation>
    </message>
    <message>
      <location filename="../../core/assistant/llm/presets.py" line="76" />
      <source>'{0}' is not an http(s) URL of an OpenAI-compatible server.</source>
      <translation>'{0}' não é uma URL http(s) de um servidor compatível com a OpenAI.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="40" />
      <source>'{0}' is too short ({1} bytes) to be an STL file.</source>
      <translation>'{0}' é curto demais ({1} bytes) para ser um arquivo STL.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/stl.py" line="274" />
      <source>'{0}' is truncated: it ends in the middle of a triangle (line {1}).</source>
      <translation>'{0}' está truncado: termina no meio de um triângulo (linha {1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/text_tokens.py" line="49" />
      <source>'{0}' is {1} MB; text mesh files over {2} MB are not supported (export a binary STL or 3MF instead).</source>
      <translation>'{0}' tem {1} MB; arquivos de malha em texto com mais de {2} MB não são suportados (exporte um STL binário ou um 3MF).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="77" />
      <source>'{0}' line {1}: '{2}' is not an index.</source>
      <translation>'{0}' linha {1}: '{2}' não é um índice.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="57" />
      <source>'{0}' line {1}: a face needs at least three corners.</source>
      <translation>'{0}' linha {1}: uma face precisa de pelo menos três cantos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="51" />
      <source>'{0}' line {1}: a face with {2} corners (the limit is {3}).</source>
      <translation>'{0}' linha {1}: uma face com {2} cantos (o limite é {3}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="45" />
      <source>'{0}' line {1}: a vertex needs three coordinates.</source>
      <translation>'{0}' linha {1}: um vértice precisa de três coordenadas.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="82" />
      <source>'{0}' line {1}: vertex index {2} is out of range.</source>
      <translation>'{0}' linha {1}: o índice de vértice {2} está fora do intervalo.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="74" />
      <source>'{0}' must be a list of {1} numbers.</source>
      <translation>'{0}' deve ser uma lista de {1} números.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="77" />
      <source>'{0}' must contain finite numbers.</source>
      <translation>'{0}' deve conter números finitos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="527" />
      <source>'{0}' nests components more than {1} deep (or in a loop).</source>
      <translation>'{0}' aninha componentes em mais de {1} níveis (ou em ciclo).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="544" />
      <source>'{0}' places more than {1} copies of its objects (the limit).</source>
      <translation>'{0}' posiciona mais de {1} cópias de seus objetos (o limite).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="193" />
      <source>'{0}' read back with {1} triangles instead of {2}; nothing was written.</source>
      <translation>'{0}' foi lido de volta com {1} triângulos em vez de {2}; nada foi gravado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="196" />
      <source>'{0}' read back without its design ({1}); nothing was written.</source>
      <translation>'{0}' foi lido de volta sem o seu projeto ({1}); nada foi gravado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="531" />
      <source>'{0}' refers to object {1} that it does not define.</source>
      <translation>'{0}' se refere ao objeto {1}, que ele não define.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="406" />
      <source>'{0}' uses an unknown unit '{1}'.</source>
      <translation>'{0}' usa uma unidade desconhecida '{1}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="207" />
      <source>'{0}' would inflate to {1} MB; the limit is {2} MB.</source>
      <translation>'{0}' se descompactaria em {1} MB; o limite é {2} MB.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="433" />
      <source>'{0}', line {1}: &lt;triangle&gt; {2}="{3}" is not a vertex index.</source>
      <translation>'{0}', linha {1}: &lt;triangle&gt; {2}="{3}" não é um índice de vértice.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="431" />
      <source>'{0}', line {1}: &lt;vertex&gt; {2}="{3}" is not a number.</source>
      <translation>'{0}', linha {1}: &lt;vertex&gt; {2}="{3}" não é um número.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="413" />
      <source>'{0}', line {1}: a &lt;{2}&gt; has no '{3}'.</source>
      <translation>'{0}', linha {1}: um &lt;{2}&gt; não tem '{3}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="388" />
      <source>'{0}', line {1}: a triangle refers to a vertex index too large to exist.</source>
      <translation>'{0}', linha {1}: um triângulo se refere a um índice de vértice grande demais para existir.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="504" />
      <source>'{0}', line {1}: the transform of a &lt;{2}&gt; is not 12 finite numbers.</source>
      <translation>'{0}', linha {1}: a transformação de um &lt;{2}&gt; não é formada por 12 números finitos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/obj.py" line="38" />
      <source>'{0}': a line at byte {1} is longer than {2} MB.</source>
      <translation>'{0}': uma linha no byte {1} tem mais de {2} MB.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="448" />
      <source>'{0}': object {1} has triangles that refer to vertices it does not have ({2} vertices).</source>
      <translation>'{0}': o objeto {1} tem triângulos que se referem a vértices que ele não tem ({2} vértices).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="238" />
      <source>'{0}': part '{1}' cannot be read ({2}).</source>
      <translation>'{0}': a parte '{1}' não pode ser lida ({2}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="201" />
      <source>'{0}': part '{1}' inflates {2}× — this looks like a zip bomb, not a model.</source>
      <translation>'{0}': a parte '{1}' se expande {2}× — isso parece uma bomba zip, não um modelo.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="228" />
      <source>'{0}': part '{1}' is compressed with method {2}; a 3MF part is stored or deflated.</source>
      <translation>'{0}': a parte '{1}' está compactada com o método {2}; uma parte de 3MF é armazenada sem compressão ou com deflate.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="286" />
      <source>'{0}': part '{1}' is damaged ({2}).</source>
      <translation>'{0}': a parte '{1}' está danificada ({2}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="225" />
      <source>'{0}': part '{1}' is encrypted; a 3MF part must open without a password.</source>
      <translation>'{0}': a parte '{1}' está criptografada; uma parte de 3MF deve abrir sem senha.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="402" />
      <source>'{0}': part '{1}' is not a 3MF model (its root element is not &lt;model&gt;).</source>
      <translation>'{0}': a parte '{1}' não é um modelo 3MF (seu elemento raiz não é &lt;model&gt;).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="244" />
      <source>'{0}': part '{1}' is over {2} MB.</source>
      <translation>'{0}': a parte '{1}' tem mais de {2} MB.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="386" />
      <source>'{0}': the model XML is broken ({1}).</source>
      <translation>'{0}': o XML do modelo está corrompido ({1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="268" />
      <source>'{0}': unsupported file type; use one of {1}.</source>
      <translation>'{0}': tipo de arquivo não suportado; use um destes: {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="160" />
      <source>A 2D pattern needs 'count' and 'spacing' as [x, y] numbers.</source>
      <translation>Um padrão 2D precisa de 'count' e 'spacing' como números [x, y].</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="162" />
      <source>A 2D pattern needs between 0 and {0} copies in all.</source>
      <translation>Um padrão 2D precisa de 0 a {0} cópias no total.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="92" />
      <source>A box needs a positive size (got {0:g} × {1:g} × {2:g}).</source>
      <translation>Uma caixa precisa de um tamanho positivo (recebido: {0:g} × {1:g} × {2:g}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="177" />
      <source>A circular 2D pattern needs 0 to {0} copies (got {1}).</source>
      <translation>Um padrão circular 2D precisa de 0 a {0} cópias (recebeu {1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="294" />
      <source>A circular pattern needs 0 to 1000 copies (got {0}).</source>
      <translation>Um padrão circular precisa de 0 a 1000 cópias (recebido: {0}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="108" />
      <source>A cylinder/cone needs positive radii (got {0:g} and {1:g}).</source>
      <translation>Um cilindro/cone precisa de raios positivos (recebido: {0:g} e {1:g}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/gear.py" line="64" />
      <source>A gear needs {0} to {1} teeth (got {2}).</source>
      <translation>Uma engrenagem precisa de {0} a {1} dentes (recebido: {2}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="311" />
      <source>A grid pattern needs between 0 and 1000 copies in all.</source>
      <translation>Um padrão em grade precisa de 0 a 1000 cópias no total.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/loft.py" line="76" />
      <source>A layer's 'bore' must be {{shape, twist, slices}}.</source>
      <translation>O 'bore' (furo) de uma camada deve ser {{shape, twist, slices}}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/loft.py" line="53" />
      <source>A layer's outline is empty.</source>
      <translation>O contorno de uma camada está vazio.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/loft.py" line="58" />
      <source>A layer's top outline must be its bottom outline with each point moved ({0}).</source>
      <translation>O contorno de cima de uma camada deve ser o contorno de baixo com cada ponto deslocado ({0}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="325" />
      <source>A mirror needs a non-zero normal.</source>
      <translation>Um espelhamento precisa de uma normal não nula.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="123" />
      <source>A node must be an object with a 'type'.</source>
      <translation>Um nó deve ser um objeto com um 'type'.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="182" />
      <source>A number in '{0}' is too large.</source>
      <translation>Um número em '{0}' é grande demais.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="178" />
      <source>A parameter has no '{0}'.</source>
      <translation>Um parâmetro não tem '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="99" />
      <source>A part cannot be moved inside itself.</source>
      <translation>Uma peça não pode ser movida para dentro de si mesma.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="80" />
      <source>A polygon needs at least three finite [x, y] points.</source>
      <translation>Um polígono precisa de pelo menos três pontos [x, y] finitos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/gear.py" line="68" />
      <source>A pressure angle of {0:g}° is not usable; use 14.5° to 25° (20° is standard).</source>
      <translation>Um ângulo de pressão de {0:g}° não é utilizável; use de 14,5° a 25° (20° é o padrão).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="96" />
      <source>A rectangle needs a positive size (got {0:g} × {1:g}).</source>
      <translation>Um retângulo precisa de um tamanho positivo (recebido: {0:g} × {1:g}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="108" />
      <source>A regular polygon needs at least 3 sides.</source>
      <translation>Um polígono regular precisa de pelo menos 3 lados.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="125" />
      <source>A ring's inner radius ({0:g}) must be smaller than its outer ({1:g}).</source>
      <translation>O raio interno de um anel ({0:g}) deve ser menor que o externo ({1:g}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/budget.py" line="25" />
      <source>A round part asks for {0} segments; between 3 and {1} are allowed.</source>
      <translation>Uma peça redonda pede {0} segmentos; são permitidos de 3 a {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="274" />
      <source>A scale of 0 flattens the part; use a positive scale.</source>
      <translation>Uma escala 0 achata a peça; use uma escala positiva.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="199" />
      <source>A thread needs a depth of 0 or more and a crest under half the pitch.</source>
      <translation>Uma rosca precisa de profundidade 0 ou maior e de uma crista menor que metade do passo.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="196" />
      <source>A thread's section needs 8 to {0} points (got {1}).</source>
      <translation>A seção de uma rosca precisa de 8 a {0} pontos (recebeu {1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/thumbnail.py" line="79" />
      <source>A thumbnail must be between 1 and {0} pixels wide and high (got {1}).</source>
      <translation>Uma miniatura deve ter entre 1 e {0} pixels de largura e de altura (recebido: {1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="122" />
      <source>A torus's tube radius ({0:g}) must be smaller than its ring radius ({1:g}).</source>
      <translation>O raio do tubo de um toro ({0:g}) deve ser menor que o raio do anel ({1:g}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/budget.py" line="33" />
      <source>A twisted part asks for {0} slices; at most {1} are allowed.</source>
      <translation>Uma peça torcida pede {0} fatias; são permitidas no máximo {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/gear.py" line="86" />
      <source>A {0:g} mm bore leaves no material under the teeth (root diameter {1:.1f} mm).</source>
      <translation>Um furo de {0:g} mm não deixa material sob os dentes (diâmetro de raiz {1:.1f} mm).</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="173" />
      <source>A {0} cannot contain other parts.</source>
      <translation>Uma peça do tipo {0} não pode conter outras peças.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="71" />
      <source>A {0} node cannot have children.</source>
      <translation>Um nó do tipo {0} não pode ter filhos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="143" />
      <source>A {0} of shapes needs a non-empty 'shapes' list.</source>
      <translation>Uma {0} de formas precisa de uma lista 'shapes' não vazia.</translation>
    </message>
    <message>
      <location filename="../../core/commands.py" line="84" />
      <source>Add part</source>
      <translation>Adicionar peça</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="152" />
      <source>An extrusion has {0} layers; at most {1} are allowed.</source>
      <translation>Uma extrusão tem {0} camadas; são permitidas no máximo {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="150" />
      <source>An extrusion's 'layers' must be a list of {{shape, height}}.</source>
      <translation>As 'layers' de uma extrusão devem ser uma lista de {{shape, height}}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="173" />
      <source>An extrusion's 'profile' needs at least two finite [z, factor] points.</source>
      <translation>O 'profile' de uma extrusão precisa de pelo menos dois pontos [z, fator] finitos.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="175" />
      <source>An extrusion's 'profile' needs increasing heights and factors above 0.</source>
      <translation>O 'profile' de uma extrusão precisa de alturas crescentes e fatores acima de 0.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Axle</source>
      <translation>Eixo</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Back plate</source>
      <translation>Placa traseira</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Base</source>
      <translation>Base</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Block</source>
      <translation>Bloco</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Box</source>
      <translation>Caixa</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Box with lid</source>
      <translation>Caixa com tampa</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cable clip</source>
      <translation>Presilha de cabo</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cable holes</source>
      <translation>Furos para cabos</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cable slot</source>
      <translation>Passagem do cabo</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="94" />
      <source>Cannot compute '{0}': {1}.</source>
      <translation>Não é possível calcular '{0}': {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/thumbnail.py" line="65" />
      <source>Cannot draw a thumbnail of a mesh with NaN or infinite coordinates.</source>
      <translation>Não é possível desenhar a miniatura de uma malha com coordenadas NaN ou infinitas.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="175" />
      <source>Cannot evaluate '{0}'.</source>
      <translation>Não é possível avaliar '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="101" />
      <source>Cannot open '{0}': {1}.</source>
      <translation>Não é possível abrir '{0}': {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="123" />
      <source>Cannot read '{0}': {1}.</source>
      <translation>Não é possível ler '{0}': {1}.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="83" />
      <source>Cannot read the expression '{0}': {1}.</source>
      <translation>Não é possível ler a expressão '{0}': {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="179" />
      <source>Cannot write '{0}': {1}.</source>
      <translation>Não é possível gravar '{0}': {1}.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cells</source>
      <translation>Compartimentos</translation>
    </message>
    <message>
      <location filename="../../core/commands.py" line="48" />
      <source>Change {0}</source>
      <translation>Alterar {0}</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cheek windows</source>
      <translation>Janelas laterais</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Clip</source>
      <translation>Presilha</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Coaster</source>
      <translation>Porta-copos</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cradle</source>
      <translation>Berço</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Cup</source>
      <translation>Copo</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Device enclosure</source>
      <translation>Caixa para eletrônicos</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Dividers</source>
      <translation>Divisórias</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="228" />
      <source>Document parameters must be a list.</source>
      <translation>Os parâmetros do documento devem ser uma lista.</translation>
    </message>
    <message>
      <location filename="../../sync_client/files.py" line="59" />
      <source>Downloading {0}</source>
      <translation>Baixando {0}</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Drain slots</source>
      <translation>Fendas de drenagem</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Drainage holes</source>
      <translation>Furos de drenagem</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Drawer organizer</source>
      <translation>Organizador de gaveta</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="171" />
      <source>Each parameter must be an object with a name and a value.</source>
      <translation>Cada parâmetro deve ser um objeto com nome e valor.</translation>
    </message>
    <message>
      <location filename="../../core/commands.py" line="163" />
      <source>Edit</source>
      <translation>Editar</translation>
    </message>
    <message>
      <location filename="../../core/commands.py" line="116" />
      <source>Edit part</source>
      <translation>Editar peça</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Enclosure</source>
      <translation>Caixa</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="148" />
      <source>Exponent too large in '{0}'.</source>
      <translation>Expoente grande demais em '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="79" />
      <source>Expression is longer than {0} characters.</source>
      <translation>A expressão tem mais de {0} caracteres.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Gear</source>
      <translation>Engrenagem</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Grip ridges</source>
      <translation>Ranhuras de pega</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Gusset</source>
      <translation>Reforço</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Hook</source>
      <translation>Gancho</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Hooks</source>
      <translation>Ganchos</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Hub</source>
      <translation>Cubo</translation>
    </message>
    <message>
      <location filename="../../core/geometry/printability.py" line="137" />
      <source>Infill must be between 0 and 100 % (got {0:.0%}).</source>
      <translation>O preenchimento deve estar entre 0 e 100 % (recebido: {0:.0%}).</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Inside</source>
      <translation>Interior</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Knob</source>
      <translation>Botão</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Lid</source>
      <translation>Tampa</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Model</source>
      <translation>Modelo</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Name tag</source>
      <translation>Chaveiro</translation>
    </message>
    <message>
      <location filename="../../core/assistant/llm/presets.py" line="78" />
      <source>Name the model to use on the custom server in Preferences (e.g. 'llama3.1').</source>
      <translation>Informe nas Preferências o modelo a usar no servidor personalizado (por exemplo, 'llama3.1').</translation>
    </message>
    <message>
      <location filename="../../core/commands.py" line="147" />
      <source>New model</source>
      <translation>Novo modelo</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="131" />
      <source>No part with id '{0}' in this model.</source>
      <translation>Não há nenhuma peça com o id '{0}' neste modelo.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="126" />
      <source>Node children must be a list.</source>
      <translation>Os filhos de um nó devem ser uma lista.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="129" />
      <source>Node props must be an object.</source>
      <translation>As props de um nó devem ser um objeto.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="158" />
      <source>Only 3MF files can carry the parametric document, not {0}.</source>
      <translation>Só arquivos 3MF podem levar o documento paramétrico, não {0}.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="125" />
      <source>Only numbers are allowed in '{0}'.</source>
      <translation>Só números são permitidos em '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="122" />
      <source>Only {0} can be called in '{1}'.</source>
      <translation>Em '{1}', só é possível chamar {0}.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Open middle</source>
      <translation>Vão central</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="225" />
      <source>Parameters depend on each other in a loop: {0}.</source>
      <translation>Os parâmetros dependem uns dos outros em ciclo: {0}.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="115" />
      <source>Part '{0}' has no parent (it is the root or does not exist).</source>
      <translation>A peça '{0}' não tem pai (é a raiz ou não existe).</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="141" />
      <source>Part '{0}' uses parameter '{1}', which no longer exists.</source>
      <translation>A peça '{0}' usa o parâmetro '{1}', que não existe mais.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="170" />
      <source>Part id '{0}' is already used.</source>
      <translation>O id de peça '{0}' já está em uso.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="257" />
      <source>Part id '{0}' is used twice.</source>
      <translation>O id de peça '{0}' é usado duas vezes.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="121" />
      <source>Parts are nested more than {0} deep.</source>
      <translation>As peças estão aninhadas em mais de {0} níveis.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Pattern</source>
      <translation>Padrão</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Pen cup</source>
      <translation>Porta-canetas</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Phone stand</source>
      <translation>Suporte de celular</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Plant pot</source>
      <translation>Vaso de planta</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Pot</source>
      <translation>Vaso</translation>
    </message>
    <message>
      <location filename="../../desktop/embedded_hub.py" line="82" />
      <source>Preparing the marketplace catalogue</source>
      <translation>Preparando o catálogo do marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/printers/sending.py" line="81" />
      <source>Preparing the model</source>
      <translation>Preparando o modelo</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="126" />
      <source>Read {0} triangles</source>
      <translation>{0} triângulos lidos</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="465" />
      <source>Reading 3MF</source>
      <translation>Lendo o 3MF</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="104" />
      <source>Reading {0}</source>
      <translation>Lendo {0}</translation>
    </message>
    <message>
      <location filename="../../core/commands.py" line="96" />
      <source>Remove part</source>
      <translation>Remover peça</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Ribs</source>
      <translation>Nervuras</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Saucer</source>
      <translation>Pratinho</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Screw bosses</source>
      <translation>Torres de parafuso</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Screw holes</source>
      <translation>Furos de parafuso</translation>
    </message>
    <message>
      <location filename="../../hub/seed.py" line="143" />
      <source>Seeding the marketplace ({0}/{1})</source>
      <translation>Preparando o marketplace ({0}/{1})</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Set screw hole</source>
      <translation>Furo do parafuso de fixação</translation>
    </message>
    <message>
      <location filename="../../core/assistant/llm/presets.py" line="74" />
      <source>Set the custom server's URL in Preferences (e.g. http://localhost:11434/v1).</source>
      <translation>Informe nas Preferências a URL do servidor personalizado (por exemplo, http://localhost:11434/v1).</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Shaft hole</source>
      <translation>Furo do eixo</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="38" />
      <source>Shape '{0}' needs '{1}'.</source>
      <translation>A forma '{0}' precisa de '{1}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="42" />
      <source>Shape '{0}': '{1}' must be a number.</source>
      <translation>Forma '{0}': '{1}' deve ser um número.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="44" />
      <source>Shape '{0}': '{1}' must be finite.</source>
      <translation>Forma '{0}': '{1}' deve ser finito.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="51" />
      <source>Shape '{0}': '{1}' must be greater than 0 (got {2:g}).</source>
      <translation>Forma '{0}': '{1}' deve ser maior que 0 (recebido: {2:g}).</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Shelf arm</source>
      <translation>Braço da prateleira</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Shelf bracket</source>
      <translation>Mão francesa</translation>
    </message>
    <message>
      <location filename="../../printers/slicing.py" line="133" />
      <source>Sliced</source>
      <translation>Fatiado</translation>
    </message>
    <message>
      <location filename="../../printers/slicing.py" line="129" />
      <source>Slicing with {0}</source>
      <translation>Fatiando com {0}</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Soap dish</source>
      <translation>Saboneteira</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Spacer</source>
      <translation>Espaçador</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Spool holder</source>
      <translation>Suporte de carretel</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Spur gear</source>
      <translation>Engrenagem</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Stand</source>
      <translation>Suporte</translation>
    </message>
    <message>
      <location filename="../../printers/drivers/moonraker/driver.py" line="121" />
      <source>Starting the print</source>
      <translation>Iniciando a impressão</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Tag</source>
      <translation>Etiqueta</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Text</source>
      <translation>Texto</translation>
    </message>
    <message>
      <location filename="../../core/geometry/font.py" line="241" />
      <source>Text 'frame' must be an object (margin, radius, ring, ring_wall).</source>
      <translation>O 'frame' do texto deve ser um objeto (margin, radius, ring, ring_wall).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/font.py" line="247" />
      <source>Text 'layer' must be 'letters' or 'plate' (got {0}).</source>
      <translation>A 'layer' do texto deve ser 'letters' ou 'plate' (recebeu {0}).</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="145" />
      <source>Text can only be measured with len() or compared in '{0}'.</source>
      <translation>Em '{0}', um texto só pode ser medido com len() ou comparado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/font.py" line="172" />
      <source>Text is limited to {0} characters (got {1}).</source>
      <translation>O texto é limitado a {0} caracteres (recebido: {1}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/font.py" line="231" />
      <source>Text must be a string.</source>
      <translation>O texto deve ser uma string.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="91" />
      <source>The 'props' of this change must be an object.</source>
      <translation>O campo 'props' desta alteração deve ser um objeto.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="55" />
      <source>The '{0}' of this change is missing or of the wrong type.</source>
      <translation>O campo '{0}' desta alteração está ausente ou é do tipo errado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/printability.py" line="141" />
      <source>The build volume must be positive in X, Y and Z.</source>
      <translation>O volume de impressão deve ser positivo em X, Y e Z.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="230" />
      <source>The document has no root part.</source>
      <translation>O documento não tem peça raiz.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="283" />
      <source>The document has no valid schema_version.</source>
      <translation>O documento não tem um schema_version válido.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="247" />
      <source>The document is nested too deeply to read.</source>
      <translation>O documento está aninhado fundo demais para ser lido.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="245" />
      <source>The document is not valid JSON: {0}.</source>
      <translation>O documento não é um JSON válido: {0}.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="170" />
      <source>The document this change applies to is broken ({0}).</source>
      <translation>O documento ao qual esta alteração se aplica está corrompido ({0}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshdata.py" line="49" />
      <source>The embedded mesh data is damaged (size or checksum mismatch).</source>
      <translation>Os dados da malha incorporada estão danificados (tamanho ou checksum não confere).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshdata.py" line="47" />
      <source>The embedded mesh data is damaged.</source>
      <translation>Os dados da malha incorporada estão danificados.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshdata.py" line="40" />
      <source>The embedded mesh declares {0} triangles; the limit is {1}.</source>
      <translation>A malha incorporada declara {0} triângulos; o limite é {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshdata.py" line="55" />
      <source>The embedded mesh has NaN or infinite coordinates.</source>
      <translation>A malha incorporada tem coordenadas NaN ou infinitas.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshdata.py" line="53" />
      <source>The embedded mesh refers to vertices it does not have.</source>
      <translation>A malha incorporada se refere a vértices que ela não tem.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="140" />
      <source>The extruded outline is empty.</source>
      <translation>O contorno extrudado está vazio.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="208" />
      <source>The imported mesh '{0}' is not a closed solid ({1}); repair it before using it in a boolean.</source>
      <translation>A malha importada '{0}' não é um sólido fechado ({1}); repare-a antes de usá-la em uma operação booleana.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="426" />
      <source>The model could not be built ({0}).</source>
      <translation>Não foi possível construir o modelo ({0}).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="152" />
      <source>The model has NaN or infinite coordinates and cannot be exported.</source>
      <translation>O modelo tem coordenadas NaN ou infinitas e não pode ser exportado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="154" />
      <source>The model has coordinates too large for a mesh file and cannot be exported.</source>
      <translation>O modelo tem coordenadas grandes demais para um arquivo de malha e não pode ser exportado.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/printability.py" line="139" />
      <source>The model is empty: there is nothing to print.</source>
      <translation>O modelo está vazio: não há nada para imprimir.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="266" />
      <source>The parameter '{0}' is defined twice.</source>
      <translation>O parâmetro '{0}' está definido duas vezes.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="186" />
      <source>The parameter field '{0}' must be a list of text.</source>
      <translation>O campo de parâmetro '{0}' deve ser uma lista de textos.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="190" />
      <source>The parameter field '{0}' must be a number.</source>
      <translation>O campo de parâmetro '{0}' deve ser um número.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="181" />
      <source>The parameter field '{0}' must be text.</source>
      <translation>O campo de parâmetro '{0}' deve ser texto.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/budget.py" line="40" />
      <source>The patterns would make {0} triangles, more than the limit of {1}.</source>
      <translation>Os padrões gerariam {0} triângulos, mais que o limite de {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/font.py" line="166" />
      <source>The text font cannot draw {0}; use letters (with the accents of Portuguese, Spanish and French), digits, spaces and {1}.</source>
      <translation>A fonte do texto não consegue desenhar {0}; use letras (com os acentos do português, do espanhol e do francês), dígitos, espaços e {1}.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/font.py" line="234" />
      <source>The text is empty; type at least one letter.</source>
      <translation>O texto está vazio; digite pelo menos uma letra.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="215" />
      <source>There is nothing to export: the model has no parts.</source>
      <translation>Não há nada para exportar: o modelo não tem peças.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="156" />
      <source>There is nothing to export: the model has no triangles.</source>
      <translation>Não há nada para exportar: o modelo não tem triângulos.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="125" />
      <source>This change cannot apply: the parameter '{0}' no longer exists.</source>
      <translation>Esta alteração não pode ser aplicada: o parâmetro '{0}' não existe mais.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="122" />
      <source>This change cannot apply: the part '{0}' no longer exists.</source>
      <translation>Esta alteração não pode ser aplicada: a peça '{0}' não existe mais.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="162" />
      <source>This change is malformed ({0}).</source>
      <translation>Esta alteração está malformada ({0}).</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="285" />
      <source>This document was saved by a newer 3D Pot Studio (schema {0}); please update the app.</source>
      <translation>Este documento foi salvo por uma versão mais nova do 3D Pot Studio (esquema {0}); atualize o aplicativo.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="224" />
      <source>This is not a 3D Pot Studio document.</source>
      <translation>Este não é um documento do 3D Pot Studio.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="96" />
      <source>This model has no parameter '{0}'.</source>
      <translation>Este modelo não tem o parâmetro '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/shapes.py" line="61" />
      <source>Unknown 2D shape '{0}'. Known: {1}.</source>
      <translation>Forma 2D desconhecida '{0}'. Conhecidas: {1}.</translation>
    </message>
    <message>
      <location filename="../../core/assistant/llm/presets.py" line="65" />
      <source>Unknown AI service '{0}'. Known: {1}, or a URL.</source>
      <translation>Serviço de IA desconhecido: '{0}'. Conhecidos: {1}, ou uma URL.</translation>
    </message>
    <message>
      <location filename="../../core/document/ops.py" line="150" />
      <source>Unknown change kind '{0}'.</source>
      <translation>Tipo de alteração desconhecido '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="67" />
      <source>Unknown node type '{0}'.</source>
      <translation>Tipo de nó desconhecido '{0}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="223" />
      <source>Unknown parameter '{0}' (used by {1}).</source>
      <translation>Parâmetro desconhecido '{0}' (usado por {1}).</translation>
    </message>
    <message>
      <location filename="../../core/document/expressions.py" line="140" />
      <source>Unknown parameter '{0}' in '{1}'.</source>
      <translation>Parâmetro desconhecido '{0}' em '{1}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="175" />
      <source>Unknown parameter fields: {0}.</source>
      <translation>Campos de parâmetro desconhecidos: {0}.</translation>
    </message>
    <message>
      <location filename="../../sync_client/tus.py" line="70" />
      <source>Uploaded {0}</source>
      <translation>{0} enviado</translation>
    </message>
    <message>
      <location filename="../../printers/ftps.py" line="81" />
      <source>Uploading {0}</source>
      <translation>Enviando {0}</translation>
    </message>
    <message>
      <location filename="../../printers/ftps.py" line="89" />
      <source>Uploading {0}: {1} KiB</source>
      <translation>Enviando {0}: {1} KiB</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Vase</source>
      <translation>Vaso decorativo</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Vase body</source>
      <translation>Corpo do vaso</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Vents</source>
      <translation>Ventilação</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Wall arm</source>
      <translation>Braço de parede</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Wall hook</source>
      <translation>Gancho de parede</translation>
    </message>
    <message>
      <location filename="../../core/document/nodes.py" line="1" />
      <source>Wall-mount ears</source>
      <translation>Abas de fixação na parede</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="131" />
      <source>Writing 3MF</source>
      <translation>Gravando o 3MF</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="160" />
      <source>Writing {0}</source>
      <translation>Gravando {0}</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="180" />
      <source>Wrote {0}</source>
      <translation>{0} gravado</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="143" />
      <source>{0} cannot contain {1}; use letters, digits, spaces and common punctuation.</source>
      <translation>{0} não pode conter {1}; use letras, dígitos, espaços e pontuação comum.</translation>
    </message>
    <message>
      <location filename="../../core/document/document.py" line="139" />
      <source>{0} is computed from '{1}' and cannot be set.</source>
      <translation>{0} é calculado a partir de '{1}' e não pode ser definido.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="137" />
      <source>{0} is limited to {1} characters (got {2}).</source>
      <translation>{0} é limitado a {1} caracteres (recebido: {2}).</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="109" />
      <source>{0} must be a finite number.</source>
      <translation>{0} deve ser um número finito.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="105" />
      <source>{0} must be a number, not '{1}'.</source>
      <translation>{0} deve ser um número, não '{1}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="107" />
      <source>{0} must be a number, not {1}.</source>
      <translation>{0} deve ser um número, não {1}.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="96" />
      <source>{0} must be one of {1}, not '{2}'.</source>
      <translation>{0} deve ser um entre {1}, não '{2}'.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="132" />
      <source>{0} must be text, not {1}.</source>
      <translation>{0} deve ser um texto, não {1}.</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="135" />
      <source>{0} needs at least {1} character(s).</source>
      <translation>{0} precisa de pelo menos {1} caractere(s).</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="516" />
      <source>{0}: cannot build this part ({1}).</source>
      <translation>{0}: não é possível construir esta peça ({1}).</translation>
    </message>
    <message>
      <location filename="../../core/document/parameters.py" line="117" />
      <source>{0}: choice {1} does not exist.</source>
      <translation>{0}: a opção {1} não existe.</translation>
    </message>
    <message>
      <location filename="../../core/geometry/build.py" line="475" />
      <source>{0}: {1}</source>
      <translation>{0}: {1}</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../desktop/dialogs/errors.py" line="21" />
      <source>Something unexpected went wrong ({0}). The details are in the log file; please report them.</source>
      <translation>Algo inesperado deu errado ({0}). Os detalhes estão no arquivo de log; por favor, informe-os.</translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <location filename="../../desktop/panels/history.py" line="102" />
      <source>Click a version to preview it.</source>
      <translation>Clique em uma versão para vê-la.</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/history.py" line="56" />
      <source>Restore as new version</source>
      <translation>Restaurar como nova versão</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/history.py" line="111" />
      <source>Version {0}</source>
      <translation>Versão {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/history.py" line="101" />
      <source>Versions appear here as you design and save.</source>
      <translation>As versões aparecem aqui conforme você projeta e salva.</translation>
    </message>
  </context>
  <context>
    <name>HubHost</name>
    <message>
      <location filename="../../desktop/hub_host.py" line="247" />
      <source>Account</source>
      <translation>Conta</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="222" />
      <source>Account and Server</source>
      <translation>Conta e servidor</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="257" />
      <source>Browse and publish printable models. The marketplace starts when you open this tab.</source>
      <translation>Explore e publique modelos para imprimir. O marketplace é iniciado quando você abre esta aba.</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="275" />
      <source>Disconnecting</source>
      <translation>Desconectando</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="255" />
      <source>Marketplace</source>
      <translation>Marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="144" />
      <source>Starting the marketplace</source>
      <translation>Iniciando o marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="143" />
      <source>Starting the marketplace…</source>
      <translation>Iniciando o marketplace…</translation>
    </message>
    <message>
      <location filename="../../desktop/hub_host.py" line="150" />
      <source>The marketplace could not start: {0}</source>
      <translation>Não foi possível iniciar o marketplace: {0}</translation>
    </message>
  </context>
  <context>
    <name>KeyringFile</name>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="53" />
      <source>Again</source>
      <translation>De novo</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="36" />
      <source>Create the encrypted keyring</source>
      <translation>Criar o chaveiro criptografado</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="84" />
      <source>Encrypted file: {0}</source>
      <translation>Arquivo criptografado: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="39" />
      <source>Enter the passphrase of {0}.</source>
      <translation>Digite a frase-senha de {0}.</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="87" />
      <source>No secure keyring on this computer: secrets cannot be saved until you choose an encrypted file.</source>
      <translation>Não há chaveiro seguro neste computador: os segredos não podem ser salvos até você escolher um arquivo criptografado.</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="51" />
      <source>Passphrase</source>
      <translation>Frase-senha</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="37" />
      <source>Printer access codes, API keys and sign-ins will be kept in {0}, encrypted with this passphrase. It is asked for at each start and never saved.</source>
      <translation>Códigos de acesso de impressoras, chaves de API e logins ficarão em {0}, criptografados com esta frase-senha. Ela é pedida a cada início e nunca é salva.</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="86" />
      <source>System keyring: {0}</source>
      <translation>Chaveiro do sistema: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="73" />
      <source>The keyring file cannot be used: {0}</source>
      <translation>O arquivo de chaveiro não pode ser usado: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="67" />
      <source>The two passphrases differ.</source>
      <translation>As duas frases-senha são diferentes.</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="36" />
      <source>Unlock the encrypted keyring</source>
      <translation>Desbloquear o chaveiro criptografado</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/keyring_file.py" line="72" />
      <source>Wrong passphrase for this keyring file.</source>
      <translation>Frase-senha errada para este arquivo de chaveiro.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/main_window.py" line="370" />
      <source>'{0}' has no model the Studio can open.</source>
      <translation>'{0}' não tem um modelo que o Studio consiga abrir.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="277" />
      <source>Chat</source>
      <translation>Conversa</translation>
    </message>
    <message>
      <location filename="../../desktop/versions.py" line="54" />
      <source>Drawing thumbnail</source>
      <translation>Desenhando a miniatura</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="135" />
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="127" />
      <source>Export Mesh</source>
      <translation>Exportar malha</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="202" />
      <source>Exported {0}</source>
      <translation>{0} exportado</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="377" />
      <source>From the marketplace: {0}</source>
      <translation>Do marketplace: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="278" />
      <source>History</source>
      <translation>Histórico</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="122" />
      <source>Import Mesh</source>
      <translation>Importar malha</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="277" />
      <source>Model Tree</source>
      <translation>Árvore do modelo</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="148" />
      <source>No recent projects</source>
      <translation>Nenhum projeto recente</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="72" />
      <source>Open</source>
      <translation>Abrir</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="376" />
      <source>Open '{0}' from the marketplace</source>
      <translation>Abrir '{0}' do marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="276" />
      <source>Open Recent</source>
      <translation>Abrir recente</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="277" />
      <source>Parameters</source>
      <translation>Parâmetros</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="399" />
      <source>Preferences</source>
      <translation>Preferências</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="347" />
      <source>Recovered work</source>
      <translation>Trabalho recuperado</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="359" />
      <source>Restore version</source>
      <translation>Restaurar versão</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="357" />
      <source>Restore version {0}</source>
      <translation>Restaurar versão {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="361" />
      <source>Restored version {0}</source>
      <translation>Versão {0} restaurada</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="101" />
      <source>Save As</source>
      <translation>Salvar como</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="118" />
      <source>Saved {0}</source>
      <translation>{0} salvo</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="263" />
      <source>The {0} translation is missing; using English.</source>
      <translation>A tradução {0} não foi encontrada; usando inglês.</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="173" />
      <source>Unsaved changes</source>
      <translation>Alterações não salvas</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="77" />
      <source>Untitled</source>
      <translation>Sem título</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="280" />
      <source>View</source>
      <translation>Exibir</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="174" />
      <source>{0} has unsaved changes. Save them first?</source>
      <translation>{0} tem alterações não salvas. Salvar antes?</translation>
    </message>
  </context>
  <context>
    <name>ModelTree</name>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="33" />
      <source>Box</source>
      <translation>Caixa</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="36" />
      <source>Circular pattern</source>
      <translation>Padrão circular</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="33" />
      <source>Cone</source>
      <translation>Cone</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="33" />
      <source>Cut</source>
      <translation>Corte</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="33" />
      <source>Cylinder</source>
      <translation>Cilindro</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="34" />
      <source>Extrusion</source>
      <translation>Extrusão</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="157" />
      <source>Hide part</source>
      <translation>Ocultar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="34" />
      <source>Hull</source>
      <translation>Casco convexo</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="35" />
      <source>Imported mesh</source>
      <translation>Malha importada</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="34" />
      <source>Intersect</source>
      <translation>Interseção</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="37" />
      <source>Join</source>
      <translation>União</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="35" />
      <source>Mirror</source>
      <translation>Espelho</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="37" />
      <source>Move</source>
      <translation>Mover</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="34" />
      <source>Parts</source>
      <translation>Peças</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="36" />
      <source>Revolution</source>
      <translation>Revolução</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="35" />
      <source>Row pattern</source>
      <translation>Padrão linear</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="157" />
      <source>Show part</source>
      <translation>Mostrar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="36" />
      <source>Sphere</source>
      <translation>Esfera</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="37" />
      <source>Torus</source>
      <translation>Toro</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="140" />
      <source>{0} are editing this part</source>
      <translation>{0} estão editando esta peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="139" />
      <source>{0} is editing this part</source>
      <translation>{0} está editando esta peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="111" />
      <source>{0} · shown when {1}</source>
      <translation>{0} · visível quando {1}</translation>
    </message>
  </context>
  <context>
    <name>Overhang</name>
    <message>
      <location filename="../../desktop/viewport/overhang.py" line="57" />
      <source>Checking printability</source>
      <translation>Verificando a imprimibilidade</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/overhang.py" line="66" />
      <source>Overhang &gt; {0:g}°: {1:.0f} mm² · {2}</source>
      <translation>Balanço &gt; {0:g}°: {1:.0f} mm² · {2}</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/overhang.py" line="64" />
      <source>does NOT fit the bed</source>
      <translation>NÃO cabe na mesa</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/overhang.py" line="64" />
      <source>fits the bed</source>
      <translation>cabe na mesa</translation>
    </message>
  </context>
  <context>
    <name>ParametersPanel</name>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="237" />
      <source>Change {0}</source>
      <translation>Alterar {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="170" />
      <source>Computed from {0}</source>
      <translation>Calculado a partir de {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="147" />
      <source>Describe a model in the chat, or open a project, to get its parameters here.</source>
      <translation>Descreva um modelo na conversa, ou abra um projeto, para ver os parâmetros dele aqui.</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="153" />
      <source>Dimensions</source>
      <translation>Dimensões</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="224" />
      <source>No</source>
      <translation>Não</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="224" />
      <source>Yes</source>
      <translation>Sim</translation>
    </message>
  </context>
  <context>
    <name>Preferences</name>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="86" />
      <source>AI provider</source>
      <translation>Provedor de IA</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="89" />
      <source>API key</source>
      <translation>Chave de API</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="161" />
      <source>Choose an online AI provider (and its URL) before entering an API key.</source>
      <translation>Escolha um provedor de IA online (e a URL dele) antes de informar uma chave de API.</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="70" />
      <source>Dark</source>
      <translation>Escuro</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="93" />
      <source>Default bed (X × Y × Z)</source>
      <translation>Mesa padrão (X × Y × Z)</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="70" />
      <source>Follow the system</source>
      <translation>Seguir o sistema</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="67" />
      <source>Inches</source>
      <translation>Polegadas</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="92" />
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="70" />
      <source>Light</source>
      <translation>Claro</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="66" />
      <source>Millimetres</source>
      <translation>Milímetros</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="88" />
      <source>Model</source>
      <translation>Modelo</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="53" />
      <source>Preferences</source>
      <translation>Preferências</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="94" />
      <source>Secrets</source>
      <translation>Segredos</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="87" />
      <source>Server URL</source>
      <translation>URL do servidor</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="64" />
      <source>Stored in the system keyring</source>
      <translation>Guardada no chaveiro do sistema</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="91" />
      <source>Theme</source>
      <translation>Tema</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="90" />
      <source>Units</source>
      <translation>Unidades</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="113" />
      <source>Use an encrypted file…</source>
      <translation>Usar um arquivo criptografado…</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <location filename="../../desktop/printing.py" line="151" />
      <source>Connecting printers</source>
      <translation>Conectando impressoras</translation>
    </message>
    <message>
      <location filename="../../desktop/printing.py" line="93" />
      <source>Connecting your printers…</source>
      <translation>Conectando suas impressoras…</translation>
    </message>
    <message>
      <location filename="../../desktop/printing.py" line="110" />
      <source>Loading printers</source>
      <translation>Carregando impressoras</translation>
    </message>
    <message>
      <location filename="../../desktop/printing.py" line="179" />
      <source>Printers</source>
      <translation>Impressoras</translation>
    </message>
  </context>
  <context>
    <name>Project</name>
    <message>
      <location filename="../../desktop/project.py" line="102" />
      <source>Export as STL, 3MF or OBJ, not '{0}'.</source>
      <translation>Exporte como STL, 3MF ou OBJ, não '{0}'.</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="110" />
      <source>Exporting {0}</source>
      <translation>Exportando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="126" />
      <source>Import {0}</source>
      <translation>Importar {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="96" />
      <source>Importing {0}</source>
      <translation>Importando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="74" />
      <source>Opening {0}</source>
      <translation>Abrindo {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="93" />
      <source>Saving {0}</source>
      <translation>Salvando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="63" />
      <source>Untitled</source>
      <translation>Sem título</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="89" />
      <source>Writing</source>
      <translation>Gravando</translation>
    </message>
  </context>
  <context>
    <name>Providers</name>
    <message>
      <location filename="../../desktop/providers.py" line="97" />
      <source>Connected to {0} · {1}</source>
      <translation>Conectado a {0} · {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/providers.py" line="85" />
      <source>No API key for {0} (Preferences)</source>
      <translation>Sem chave de API para {0} (Preferências)</translation>
    </message>
    <message>
      <location filename="../../desktop/providers.py" line="79" />
      <source>Offline assistant ready</source>
      <translation>Assistente offline pronto</translation>
    </message>
    <message>
      <location filename="../../desktop/providers.py" line="96" />
      <source>{0} answered {1}</source>
      <translation>{0} respondeu {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/providers.py" line="92" />
      <source>{0} not reachable</source>
      <translation>{0} inacessível</translation>
    </message>
    <message>
      <location filename="../../desktop/providers.py" line="94" />
      <source>{0} refused the API key</source>
      <translation>{0} recusou a chave de API</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <location filename="../../desktop/dialogs/recovery.py" line="36" />
      <source>3D Pot Studio closed unexpectedly last time. This unsaved work can be recovered:</source>
      <translation>O 3D Pot Studio fechou inesperadamente da última vez. Este trabalho não salvo pode ser recuperado:</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/recovery.py" line="47" />
      <source>Discard all</source>
      <translation>Descartar tudo</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/recovery.py" line="48" />
      <source>Later</source>
      <translation>Depois</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/recovery.py" line="45" />
      <source>Recover</source>
      <translation>Recuperar</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/recovery.py" line="34" />
      <source>Recover unsaved work</source>
      <translation>Recuperar trabalho não salvo</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/recovery.py" line="41" />
      <source>Untitled</source>
      <translation>Sem título</translation>
    </message>
  </context>
  <context>
    <name>Regenerator</name>
    <message>
      <location filename="../../desktop/regen.py" line="58" />
      <source>Building model</source>
      <translation>Gerando o modelo</translation>
    </message>
  </context>
  <context>
    <name>Section</name>
    <message>
      <location filename="../../desktop/viewport/section_tool.py" line="73" />
      <source>Cut across the {0} axis</source>
      <translation>Cortar no eixo {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/section_tool.py" line="75" />
      <source>Flip</source>
      <translation>Inverter</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/section_tool.py" line="71" />
      <source>Section</source>
      <translation>Corte</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/section_tool.py" line="76" />
      <source>Show the other side of the cut</source>
      <translation>Mostrar o outro lado do corte</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/section_tool.py" line="74" />
      <source>Where the plane cuts the model</source>
      <translation>Onde o plano corta o modelo</translation>
    </message>
  </context>
  <context>
    <name>TaskStatus</name>
    <message>
      <location filename="../../desktop/status.py" line="43" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
  </context>
  <context>
    <name>TransformEditor</name>
    <message>
      <location filename="../../desktop/panels/transform.py" line="70" />
      <source>Move</source>
      <translation>Mover</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="117" />
      <source>Move part</source>
      <translation>Mover peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="71" />
      <source>Rotate</source>
      <translation>Girar</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="117" />
      <source>Rotate part</source>
      <translation>Girar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="72" />
      <source>Scale</source>
      <translation>Escala</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="117" />
      <source>Scale part</source>
      <translation>Redimensionar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="73" />
      <source>Snap (1 mm, 15°, 5 %)</source>
      <translation>Encaixar (1 mm, 15°, 5 %)</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="69" />
      <source>Transform</source>
      <translation>Transformação</translation>
    </message>
  </context>
  <context>
    <name>Undo</name>
    <message>
      <location filename="../../desktop/undo.py" line="39" />
      <source>Redo</source>
      <translation>Refazer</translation>
    </message>
    <message>
      <location filename="../../desktop/undo.py" line="49" />
      <source>Redo {0}</source>
      <translation>Refazer {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/undo.py" line="33" />
      <source>Undo</source>
      <translation>Desfazer</translation>
    </message>
    <message>
      <location filename="../../desktop/undo.py" line="46" />
      <source>Undo {0}</source>
      <translation>Desfazer {0}</translation>
    </message>
  </context>
  <context>
    <name>VersionStore</name>
    <message>
      <location filename="../../desktop/version_store.py" line="64" />
      <source>Recording the version</source>
      <translation>Registrando a versão</translation>
    </message>
    <message>
      <location filename="../../desktop/version_store.py" line="69" />
      <source>Saved, but the version could not be added to the project history: {0}</source>
      <translation>Salvo, mas a versão não pôde ser adicionada ao histórico do projeto: {0}</translation>
    </message>
  </context>
  <context>
    <name>Viewport</name>
    <message>
      <location filename="../../desktop/viewport/measure.py" line="71" />
      <source>Click the first point</source>
      <translation>Clique no primeiro ponto</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/measure.py" line="69" />
      <source>Click the second point</source>
      <translation>Clique no segundo ponto</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/measure.py" line="67" />
      <source>Distance: {0} mm</source>
      <translation>Distância: {0} mm</translation>
    </message>
    <message>
      <location filename="../../desktop/viewport/view.py" line="182" />
      <source>No model yet</source>
      <translation>Nenhum modelo ainda</translation>
    </message>
  </context>
</TS>
