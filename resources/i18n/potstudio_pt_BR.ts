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
      <location filename="../../desktop/actions.py" line="50" />
      <source>Account and Server…</source>
      <translation>Conta e servidor…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="48" />
      <source>Command Palette…</source>
      <translation>Paleta de comandos…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="41" />
      <source>Export Mesh (STL/3MF/OBJ)…</source>
      <translation>Exportar malha (STL/3MF/OBJ)…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="51" />
      <source>Fit View</source>
      <translation>Enquadrar</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="52" />
      <source>Front View</source>
      <translation>Vista frontal</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="40" />
      <source>Import Mesh (STL/3MF/OBJ)…</source>
      <translation>Importar malha (STL/3MF/OBJ)…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="55" />
      <source>Isometric View</source>
      <translation>Vista isométrica</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="63" />
      <source>Marketplace</source>
      <translation>Marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="61" />
      <source>Measure (Click Two Points)</source>
      <translation>Medir (clique em dois pontos)</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="36" />
      <source>New</source>
      <translation>Novo</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="37" />
      <source>Open…</source>
      <translation>Abrir…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="56" />
      <source>Orthographic</source>
      <translation>Ortográfica</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="60" />
      <source>Overhang Overlay</source>
      <translation>Destacar balanços</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="49" />
      <source>Preferences…</source>
      <translation>Preferências…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="62" />
      <source>Printers</source>
      <translation>Impressoras</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="44" />
      <source>Publish to Marketplace…</source>
      <translation>Publicar no marketplace…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="45" />
      <source>Quit</source>
      <translation>Sair</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="47" />
      <source>Redo</source>
      <translation>Refazer</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="54" />
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
      <location filename="../../desktop/actions.py" line="59" />
      <source>Section Plane</source>
      <translation>Plano de corte</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="42" />
      <source>Send to Printer…</source>
      <translation>Enviar para a impressora…</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="53" />
      <source>Top View</source>
      <translation>Vista superior</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="46" />
      <source>Undo</source>
      <translation>Desfazer</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="57" />
      <source>Wireframe</source>
      <translation>Aramado</translation>
    </message>
    <message>
      <location filename="../../desktop/actions.py" line="58" />
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
      <location filename="../../desktop/assistant.py" line="74" />
      <source>Checking…</source>
      <translation>Verificando…</translation>
    </message>
    <message>
      <location filename="../../desktop/assistant.py" line="81" />
      <source>Connecting</source>
      <translation>Conectando</translation>
    </message>
    <message>
      <location filename="../../desktop/assistant.py" line="96" />
      <source>Designing</source>
      <translation>Projetando</translation>
    </message>
    <message>
      <location filename="../../desktop/assistant.py" line="118" />
      <source>Stopped.</source>
      <translation>Interrompido.</translation>
    </message>
  </context>
  <context>
    <name>ChatPanel</name>
    <message>
      <location filename="../../desktop/panels/chat.py" line="36" />
      <source>Custom URL</source>
      <translation>URL personalizada</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="171" />
      <source>Describe a model or an edit…</source>
      <translation>Descreva um modelo ou uma alteração…</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="168" />
      <source>Describe what you want to print, for example “a plant pot 12 cm wide with drainage holes”. I will design it, and you can refine it by talking or with the sliders.</source>
      <translation>Descreva o que você quer imprimir, por exemplo “um vaso de 12 cm de largura com furos de drenagem”. Eu faço o projeto, e você pode ajustá-lo conversando ou com os controles deslizantes.</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="32" />
      <source>Offline (built-in)</source>
      <translation>Offline (embutido)</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="178" />
      <source>Open this version</source>
      <translation>Abrir esta versão</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="172" />
      <source>Send</source>
      <translation>Enviar</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="173" />
      <source>Stop</source>
      <translation>Parar</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/chat.py" line="177" />
      <source>Version {0}</source>
      <translation>Versão {0}</translation>
    </message>
  </context>
  <context>
    <name>CommandPalette</name>
    <message>
      <location filename="../../desktop/dialogs/palette.py" line="16" />
      <source>Command Palette</source>
      <translation>Paleta de comandos</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/palette.py" line="20" />
      <source>Type a command…</source>
      <translation>Digite um comando…</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../desktop/dialogs/errors.py" line="20" />
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
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/main_window.py" line="328" />
      <source>'{0}' has no model the Studio can open.</source>
      <translation>'{0}' não tem um modelo que o Studio consiga abrir.</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="238" />
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
      <location filename="../../desktop/main_window.py" line="185" />
      <source>Exported {0}</source>
      <translation>{0} exportado</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="335" />
      <source>From the marketplace: {0}</source>
      <translation>Do marketplace: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="239" />
      <source>History</source>
      <translation>Histórico</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="122" />
      <source>Import Mesh</source>
      <translation>Importar malha</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="238" />
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
      <location filename="../../desktop/main_window.py" line="334" />
      <source>Open '{0}' from the marketplace</source>
      <translation>Abrir '{0}' do marketplace</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="237" />
      <source>Open Recent</source>
      <translation>Abrir recente</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="238" />
      <source>Parameters</source>
      <translation>Parâmetros</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="357" />
      <source>Preferences</source>
      <translation>Preferências</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="305" />
      <source>Recovered work</source>
      <translation>Trabalho recuperado</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="317" />
      <source>Restore version</source>
      <translation>Restaurar versão</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="315" />
      <source>Restore version {0}</source>
      <translation>Restaurar versão {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="319" />
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
      <location filename="../../desktop/main_window.py" line="225" />
      <source>The {0} translation is missing; using English.</source>
      <translation>A tradução {0} não foi encontrada; usando inglês.</translation>
    </message>
    <message>
      <location filename="../../desktop/file_actions.py" line="173" />
      <source>Unsaved changes</source>
      <translation>Alterações não salvas</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="74" />
      <source>Untitled</source>
      <translation>Sem título</translation>
    </message>
    <message>
      <location filename="../../desktop/main_window.py" line="241" />
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
      <location filename="../../desktop/panels/model_tree.py" line="25" />
      <source>Box</source>
      <translation>Caixa</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="28" />
      <source>Circular pattern</source>
      <translation>Padrão circular</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="25" />
      <source>Cone</source>
      <translation>Cone</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="25" />
      <source>Cut</source>
      <translation>Corte</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="25" />
      <source>Cylinder</source>
      <translation>Cilindro</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="26" />
      <source>Extrusion</source>
      <translation>Extrusão</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="120" />
      <source>Hide part</source>
      <translation>Ocultar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="26" />
      <source>Hull</source>
      <translation>Casco convexo</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="27" />
      <source>Imported mesh</source>
      <translation>Malha importada</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="26" />
      <source>Intersect</source>
      <translation>Interseção</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="29" />
      <source>Join</source>
      <translation>União</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="27" />
      <source>Mirror</source>
      <translation>Espelho</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="29" />
      <source>Move</source>
      <translation>Mover</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="26" />
      <source>Parts</source>
      <translation>Peças</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="28" />
      <source>Revolution</source>
      <translation>Revolução</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="27" />
      <source>Row pattern</source>
      <translation>Padrão linear</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="120" />
      <source>Show part</source>
      <translation>Mostrar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="28" />
      <source>Sphere</source>
      <translation>Esfera</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="29" />
      <source>Torus</source>
      <translation>Toro</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/model_tree.py" line="96" />
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
      <location filename="../../desktop/panels/parameters.py" line="171" />
      <source>Computed from {0}</source>
      <translation>Calculado a partir de {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="148" />
      <source>Describe a model in the chat, or open a project, to get its parameters here.</source>
      <translation>Descreva um modelo na conversa, ou abra um projeto, para ver os parâmetros dele aqui.</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="154" />
      <source>Dimensions</source>
      <translation>Dimensões</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="221" />
      <source>No</source>
      <translation>Não</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/parameters.py" line="221" />
      <source>Yes</source>
      <translation>Sim</translation>
    </message>
  </context>
  <context>
    <name>Preferences</name>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="80" />
      <source>AI provider</source>
      <translation>Provedor de IA</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="83" />
      <source>API key</source>
      <translation>Chave de API</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="121" />
      <source>Choose an online AI provider (and its URL) before entering an API key.</source>
      <translation>Escolha um provedor de IA online (e a URL dele) antes de informar uma chave de API.</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="64" />
      <source>Dark</source>
      <translation>Escuro</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="87" />
      <source>Default bed (X × Y × Z)</source>
      <translation>Mesa padrão (X × Y × Z)</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="64" />
      <source>Follow the system</source>
      <translation>Seguir o sistema</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="61" />
      <source>Inches</source>
      <translation>Polegadas</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="86" />
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="64" />
      <source>Light</source>
      <translation>Claro</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="60" />
      <source>Millimetres</source>
      <translation>Milímetros</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="82" />
      <source>Model</source>
      <translation>Modelo</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="47" />
      <source>Preferences</source>
      <translation>Preferências</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="81" />
      <source>Server URL</source>
      <translation>URL do servidor</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="58" />
      <source>Stored in the system keyring</source>
      <translation>Guardada no chaveiro do sistema</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="85" />
      <source>Theme</source>
      <translation>Tema</translation>
    </message>
    <message>
      <location filename="../../desktop/dialogs/preferences.py" line="84" />
      <source>Units</source>
      <translation>Unidades</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <location filename="../../desktop/printing.py" line="150" />
      <source>Connecting printers</source>
      <translation>Conectando impressoras</translation>
    </message>
    <message>
      <location filename="../../desktop/printing.py" line="92" />
      <source>Connecting your printers…</source>
      <translation>Conectando suas impressoras…</translation>
    </message>
    <message>
      <location filename="../../desktop/printing.py" line="109" />
      <source>Loading printers</source>
      <translation>Carregando impressoras</translation>
    </message>
    <message>
      <location filename="../../desktop/printing.py" line="178" />
      <source>Printers</source>
      <translation>Impressoras</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <location filename="../../sync_client/files.py" line="57" />
      <source>Downloading {0}</source>
      <translation>Baixando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/embedded_hub.py" line="81" />
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
      <location filename="../../core/geometry/threemf.py" line="308" />
      <source>Reading 3MF</source>
      <translation>Lendo o 3MF</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="106" />
      <source>Reading {0}</source>
      <translation>Lendo {0}</translation>
    </message>
    <message>
      <location filename="../../hub/seed.py" line="143" />
      <source>Seeding the marketplace ({0}/{1})</source>
      <translation>Preparando o marketplace ({0}/{1})</translation>
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
      <location filename="../../printers/drivers/moonraker/driver.py" line="169" />
      <source>Starting the print</source>
      <translation>Iniciando a impressão</translation>
    </message>
    <message>
      <location filename="../../sync_client/tus.py" line="59" />
      <source>Uploaded {0}</source>
      <translation>{0} enviado</translation>
    </message>
    <message>
      <location filename="../../printers/ftps.py" line="77" />
      <source>Uploading {0}</source>
      <translation>Enviando {0}</translation>
    </message>
    <message>
      <location filename="../../printers/ftps.py" line="85" />
      <source>Uploading {0}: {1} KiB</source>
      <translation>Enviando {0}: {1} KiB</translation>
    </message>
    <message>
      <location filename="../../core/geometry/threemf.py" line="118" />
      <source>Writing 3MF</source>
      <translation>Gravando o 3MF</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="158" />
      <source>Writing {0}</source>
      <translation>Gravando {0}</translation>
    </message>
    <message>
      <location filename="../../core/geometry/meshio.py" line="176" />
      <source>Wrote {0}</source>
      <translation>{0} gravado</translation>
    </message>
  </context>
  <context>
    <name>Project</name>
    <message>
      <location filename="../../desktop/project.py" line="96" />
      <source>Export as STL, 3MF or OBJ, not '{0}'.</source>
      <translation>Exporte como STL, 3MF ou OBJ, não '{0}'.</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="104" />
      <source>Exporting {0}</source>
      <translation>Exportando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="120" />
      <source>Import {0}</source>
      <translation>Importar {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="90" />
      <source>Importing {0}</source>
      <translation>Importando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="68" />
      <source>Opening {0}</source>
      <translation>Abrindo {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="87" />
      <source>Saving {0}</source>
      <translation>Salvando {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="62" />
      <source>Untitled</source>
      <translation>Sem título</translation>
    </message>
    <message>
      <location filename="../../desktop/project.py" line="83" />
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
      <location filename="../../desktop/regen.py" line="67" />
      <source>Building model</source>
      <translation>Gerando o modelo</translation>
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
      <location filename="../../desktop/panels/transform.py" line="69" />
      <source>Move</source>
      <translation>Mover</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="116" />
      <source>Move part</source>
      <translation>Mover peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="70" />
      <source>Rotate</source>
      <translation>Girar</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="116" />
      <source>Rotate part</source>
      <translation>Girar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="71" />
      <source>Scale</source>
      <translation>Escala</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="116" />
      <source>Scale part</source>
      <translation>Redimensionar peça</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="72" />
      <source>Snap (1 mm, 15°, 5 %)</source>
      <translation>Encaixar (1 mm, 15°, 5 %)</translation>
    </message>
    <message>
      <location filename="../../desktop/panels/transform.py" line="68" />
      <source>Transform</source>
      <translation>Transformação</translation>
    </message>
  </context>
  <context>
    <name>Undo</name>
    <message>
      <location filename="../../desktop/undo.py" line="38" />
      <source>Redo</source>
      <translation>Refazer</translation>
    </message>
    <message>
      <location filename="../../desktop/undo.py" line="48" />
      <source>Redo {0}</source>
      <translation>Refazer {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/undo.py" line="32" />
      <source>Undo</source>
      <translation>Desfazer</translation>
    </message>
    <message>
      <location filename="../../desktop/undo.py" line="45" />
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
      <location filename="../../desktop/viewport/view.py" line="153" />
      <source>No model yet</source>
      <translation>Nenhum modelo ainda</translation>
    </message>
  </context>
</TS>
