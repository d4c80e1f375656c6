<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<!-- Printers dock (desktop/panels/printers), context "Printers". Compile together with potstudio_pt_BR.ts: -->
<!-- pyside6-lrelease potstudio_pt_BR.ts printers_pt_BR.ts -qm potstudio_pt_BR.qm -->
<context>
    <name>Printers</name>
    <message>
        <source>LAN only</source>
        <translation>Somente LAN</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>nuvem</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Adicionar impressora</translation>
    </message>
    <message>
        <source>Bambu Lab</source>
        <translation>Bambu Lab</translation>
    </message>
    <message>
        <source>Klipper (Moonraker)</source>
        <translation>Klipper (Moonraker)</translation>
    </message>
    <message>
        <source>3D Pot scale</source>
        <translation>Balança 3D Pot</translation>
    </message>
    <message>
        <source>Starts a simulated Bambu printer on this computer to try the app.</source>
        <translation>Inicia uma impressora Bambu simulada neste computador para experimentar o app.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Network discovery is off; enter the printer below.</source>
        <translation>A descoberta na rede está desligada; informe a impressora abaixo.</translation>
    </message>
    <message>
        <source>Starting a virtual printer</source>
        <translation>Iniciando uma impressora virtual</translation>
    </message>
    <message>
        <source>Add a virtual printer</source>
        <translation>Adicionar impressora virtual</translation>
    </message>
    <message>
        <source>Click a printer to fill in its address and serial; then type its access code.</source>
        <translation>Clique numa impressora para preencher endereço e número de série; depois digite o código de acesso.</translation>
    </message>
    <message>
        <source>Listening for Bambu Lab printers… (they announce themselves every few seconds)</source>
        <translation>Procurando impressoras Bambu Lab… (elas se anunciam a cada poucos segundos)</translation>
    </message>
    <message>
        <source>e.g. Workshop X1C</source>
        <translation>ex.: X1C da oficina</translation>
    </message>
    <message>
        <source>Found on your network</source>
        <translation>Encontradas na sua rede</translation>
    </message>
    <message>
        <source>Please give the printer a name.</source>
        <translation>Dê um nome à impressora.</translation>
    </message>
    <message>
        <source>The virtual printer could not start: {0}</source>
        <translation>Não foi possível iniciar a impressora virtual: {0}</translation>
    </message>
    <message>
        <source>There is already a printer named &quot;{0}&quot;.</source>
        <translation>Já existe uma impressora chamada &quot;{0}&quot;.</translation>
    </message>
    <message>
        <source>Virtual printer {0}</source>
        <translation>Impressora virtual {0}</translation>
    </message>
    <message>
        <source>Remove printer…</source>
        <translation>Remover impressora…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mais</translation>
    </message>
    <message>
        <source>Nozzle</source>
        <translation>Bico</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <source>Chamber</source>
        <translation>Câmara</translation>
    </message>
    <message>
        <source>Spool on scale: {0:.0f} g left</source>
        <translation>Carretel na balança: restam {0:.0f} g</translation>
    </message>
    <message>
        <source>No job</source>
        <translation>Sem trabalho</translation>
    </message>
    <message>
        <source>Fans off</source>
        <translation>Ventoinhas desligadas</translation>
    </message>
    <message>
        <source>Layer {0} / {1}</source>
        <translation>Camada {0} / {1}</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>faltam {0}</translation>
    </message>
    <message>
        <source>ETA {0}</source>
        <translation>Termina {0}</translation>
    </message>
    <message>
        <source>Fans: {0}</source>
        <translation>Ventoinhas: {0}</translation>
    </message>
    <message>
        <source>Speed: {0}</source>
        <translation>Velocidade: {0}</translation>
    </message>
    <message>
        <source>{0:.0f} g used</source>
        <translation>{0:.0f} g usados</translation>
    </message>
    <message>
        <source>battery {0} V (~{1:.0f} %)</source>
        <translation>bateria {0} V (~{1:.0f} %)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Luz</translation>
    </message>
    <message>
        <source>Chamber light on/off</source>
        <translation>Ligar/desligar a luz da câmara</translation>
    </message>
    <message>
        <source>Plate is clear</source>
        <translation>Mesa livre</translation>
    </message>
    <message>
        <source>Confirm the last print was taken off, so queued jobs may start here</source>
        <translation>Confirme que a última impressão foi retirada, para que trabalhos da fila possam começar aqui</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tarar</translation>
    </message>
    <message>
        <source>Zero the scale: do this with the empty spool holder on it</source>
        <translation>Zerar a balança: faça isso com o suporte de carretel vazio sobre ela</translation>
    </message>
    <message>
        <source>Heat…</source>
        <translation>Aquecer…</translation>
    </message>
    <message>
        <source>Set nozzle and bed temperatures</source>
        <translation>Definir temperaturas do bico e da mesa</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Print speed</source>
        <translation>Velocidade de impressão</translation>
    </message>
    <message>
        <source>Stop the print?</source>
        <translation>Parar a impressão?</translation>
    </message>
    <message>
        <source>Stop print</source>
        <translation>Parar impressão</translation>
    </message>
    <message>
        <source>Keep printing</source>
        <translation>Continuar imprimindo</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <source>Temperatures</source>
        <translation>Temperaturas</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Stop &quot;{0}&quot; on {1}? The print cannot be resumed afterwards.</source>
        <translation>Parar &quot;{0}&quot; em {1}? A impressão não poderá ser retomada depois.</translation>
    </message>
    <message>
        <source>this job</source>
        <translation>este trabalho</translation>
    </message>
    <message>
        <source>Remove printer?</source>
        <translation>Remover impressora?</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Impressoras</translation>
    </message>
    <message>
        <source>Add printer…</source>
        <translation>Adicionar impressora…</translation>
    </message>
    <message>
        <source>Send to printer…</source>
        <translation>Enviar para impressora…</translation>
    </message>
    <message>
        <source>No printers yet. Add a Bambu Lab, Klipper or 3D Pot scale on your network, or try a virtual printer.</source>
        <translation>Nenhuma impressora ainda. Adicione uma Bambu Lab, Klipper ou balança 3D Pot da sua rede, ou experimente uma impressora virtual.</translation>
    </message>
    <message>
        <source>Remove &quot;{0}&quot; from this computer? Its access code is deleted too; the printer itself is not changed.</source>
        <translation>Remover &quot;{0}&quot; deste computador? O código de acesso também é apagado; a impressora em si não é alterada.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>8 characters, shown on the printer's screen</source>
        <translation>8 caracteres, exibidos na tela da impressora</translation>
    </message>
    <message>
        <source>Anyone on your network could pretend to be this printer and read its access code. Use only on a network you trust.</source>
        <translation>Qualquer pessoa na sua rede poderia se passar por esta impressora e ler o código de acesso. Use apenas numa rede confiável.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Endereço IP</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de série</translation>
    </message>
    <message>
        <source>LAN access code</source>
        <translation>Código de acesso LAN</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Printer CA bundle</source>
        <translation>CA da impressora</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificados (*.pem *.crt)</translation>
    </message>
    <message>
        <source>MQTT broker</source>
        <translation>Broker MQTT</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>broker address</source>
        <translation>endereço do broker</translation>
    </message>
    <message>
        <source>The instance_name from the [mqtt] section of moonraker.conf</source>
        <translation>O instance_name da seção [mqtt] do moonraker.conf</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>Nome da instância</translation>
    </message>
    <message>
        <source>Moonraker's API (recommended)</source>
        <translation>API do Moonraker (recomendado)</translation>
    </message>
    <message>
        <source>Moonraker's MQTT bridge</source>
        <translation>Ponte MQTT do Moonraker</translation>
    </message>
    <message>
        <source>Only if Moonraker asks for one</source>
        <translation>Só se o Moonraker pedir uma</translation>
    </message>
    <message>
        <source>Moonraker's API key (Mainsail or Fluidd: Settings → API key); not needed when this computer is in trusted_clients</source>
        <translation>A chave de API do Moonraker (Mainsail ou Fluidd: Configurações → chave de API); desnecessária quando este computador está em trusted_clients</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Endereço da impressora</translation>
    </message>
    <message>
        <source>Moonraker port</source>
        <translation>Porta do Moonraker</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>Uses the printer's MQTT broker: only for installs whose moonraker.conf has an [mqtt] section. Files are still sent to Moonraker's port.</source>
        <translation>Usa o broker MQTT da impressora: só para instalações cujo moonraker.conf tem uma seção [mqtt]. Os arquivos continuam sendo enviados à porta do Moonraker.</translation>
    </message>
    <message>
        <source>Connects straight to Moonraker on the printer, as Mainsail and Fluidd do: works on every Klipper install.</source>
        <translation>Conecta direto ao Moonraker na impressora, como o Mainsail e o Fluidd: funciona em qualquer instalação do Klipper.</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved key</source>
        <translation>Deixe vazio para manter a chave salva</translation>
    </message>
    <message>
        <source>printer address</source>
        <translation>endereço da impressora</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Nenhuma impressora</translation>
    </message>
    <message>
        <source>Show its filament on</source>
        <translation>Mostrar o filamento em</translation>
    </message>
    <message>
        <source>Verify with Bambu Lab's certificates (recommended)</source>
        <translation>Verificar com os certificados da Bambu Lab (recomendado)</translation>
    </message>
    <message>
        <source>The printer's certificate is signed by Bambu Lab and names its serial number; the app ships Bambu Lab's CA certificates to check it.</source>
        <translation>O certificado da impressora é assinado pela Bambu Lab e traz o número de série dela; o app inclui os certificados de CA da Bambu Lab para conferi-lo.</translation>
    </message>
    <message>
        <source>Verify with another CA file</source>
        <translation>Verificar com outro arquivo de CA</translation>
    </message>
    <message>
        <source>Don't verify the certificate</source>
        <translation>Não verificar o certificado</translation>
    </message>
    <message>
        <source>CA bundle file (or choose another certificate option)</source>
        <translation>arquivo de CA (ou escolha outra opção de certificado)</translation>
    </message>
    <message>
        <source>Please enter the {0}.</source>
        <translation>Informe o {0}.</translation>
    </message>
    <message>
        <source>CA bundle (.pem)</source>
        <translation>Pacote de CA (.pem)</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>número de série</translation>
    </message>
    <message>
        <source>instance name</source>
        <translation>nome da instância</translation>
    </message>
    <message>
        <source>Finished, failed and cancelled prints appear here.</source>
        <translation>Impressões concluídas, com falha e canceladas aparecem aqui.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Trabalho</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impressora</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Filament</source>
        <translation>Filamento</translation>
    </message>
    <message>
        <source>Send waiting jobs to free printers whose bed and material fit. A printer with a finished print needs &quot;Plate is clear&quot; on its card first.</source>
        <translation>Envia trabalhos em espera para impressoras livres com mesa e material compatíveis. Uma impressora com impressão concluída precisa antes de &quot;Mesa livre&quot; no cartão dela.</translation>
    </message>
    <message>
        <source>No jobs waiting. Send a model to a printer, or queue it for the first free one.</source>
        <translation>Nenhum trabalho em espera. Envie um modelo para uma impressora ou coloque-o na fila da primeira livre.</translation>
    </message>
    <message>
        <source>Remove job?</source>
        <translation>Remover trabalho?</translation>
    </message>
    <message>
        <source>Starting queued jobs</source>
        <translation>Iniciando trabalhos da fila</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimindo</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>Remover da fila</translation>
    </message>
    <message>
        <source>Start next jobs</source>
        <translation>Iniciar próximos trabalhos</translation>
    </message>
    <message>
        <source>Remove &quot;{0}&quot; from the queue?</source>
        <translation>Remover &quot;{0}&quot; da fila?</translation>
    </message>
    <message>
        <source>first free printer</source>
        <translation>primeira impressora livre</translation>
    </message>
    <message>
        <source>Send to printer</source>
        <translation>Enviar para impressora</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>External spool</source>
        <translation>Carretel externo</translation>
    </message>
    <message>
        <source>Sliced file</source>
        <translation>Arquivo fatiado</translation>
    </message>
    <message>
        <source>Sliced files (*.gcode.3mf *.gcode)</source>
        <translation>Arquivos fatiados (*.gcode.3mf *.gcode)</translation>
    </message>
    <message>
        <source>Slicing…</source>
        <translation>Fatiando…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was started on the printer.</source>
        <translation>Cancelado. Nada foi iniciado na impressora.</translation>
    </message>
    <message>
        <source>A sliced file…</source>
        <translation>Um arquivo fatiado…</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>Nenhum modelo aberto</translation>
    </message>
    <message>
        <source>The build plate is clear (the last print was removed)</source>
        <translation>A mesa está livre (a última impressão foi retirada)</translation>
    </message>
    <message>
        <source>Slice and print</source>
        <translation>Fatiar e imprimir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No printer can print yet: add a Bambu Lab or Klipper printer first.</source>
        <translation>Nenhuma impressora pode imprimir ainda: adicione primeiro uma Bambu Lab ou Klipper.</translation>
    </message>
    <message>
        <source>Choose a sliced file, or open a model to slice.</source>
        <translation>Escolha um arquivo fatiado ou abra um modelo para fatiar.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Sliced with PrusaSlicer for a {0}×{1}×{2} mm bed, {3}, {4} mm nozzle.</source>
        <translation>Fatiado com PrusaSlicer para mesa de {0}×{1}×{2} mm, {3}, bico de {4} mm.</translation>
    </message>
    <message>
        <source>Sending to {0}</source>
        <translation>Enviando para {0}</translation>
    </message>
    <message>
        <source>Printing on {0}. Follow it on its card.</source>
        <translation>Imprimindo em {0}. Acompanhe pelo cartão dela.</translation>
    </message>
    <message>
        <source>Current model: {0}</source>
        <translation>Modelo atual: {0}</translation>
    </message>
    <message>
        <source>Sliced file: {0}</source>
        <translation>Arquivo fatiado: {0}</translation>
    </message>
    <message>
        <source>The printer refused the connection.</source>
        <translation>A impressora recusou a conexão.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectada</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fora do ar</translation>
    </message>
    <message>
        <source>Access code refused</source>
        <translation>Código de acesso recusado</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexão recusada</translation>
    </message>
    <message>
        <source>Not reachable right now; retrying automatically.</source>
        <translation>Inacessível no momento; tentando de novo automaticamente.</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Ociosa</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausada</translation>
    </message>
    <message>
        <source>Waiting for status</source>
        <translation>Aguardando status</translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation>{0} h {1:02d} min</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Silencioso</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Padrão</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Esportivo</translation>
    </message>
    <message>
        <source>Ludicrous</source>
        <translation>Insano</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Peça</translation>
    </message>
    <message>
        <source>Aux</source>
        <translation>Aux</translation>
    </message>
    <message>
        <source>Hotend</source>
        <translation>Hotend</translation>
    </message>
    <message>
        <source>Klipper</source>
        <translation>Klipper</translation>
    </message>
    <message>
        <source>Ext</source>
        <translation>Ext</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vazio</translation>
    </message>
    <message>
        <source>{0}: empty</source>
        <translation>{0}: vazio</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>em uso</translation>
    </message>
    <message>
        <source>The printer rejected the access code, so we stopped retrying (repeated attempts can lock you out). Check the LAN access code on the printer's screen, then enter it with &quot;Edit printer…&quot; (⋯ menu).</source>
        <translation>A impressora recusou o código de acesso, então paramos de tentar (tentativas repetidas podem bloquear o acesso). Confira o código de acesso LAN na tela da impressora e digite-o em &quot;Editar impressora…&quot; (menu ⋯).</translation>
    </message>
    <message>
        <source>The printer's certificate could not be verified. Bambu Lab printers are checked with Bambu Lab's own CAs, which come with the app, and by their serial number: check that the serial number in &quot;Edit printer…&quot; (⋯ menu) is the one on the printer's label and in its device settings, and that the IP address is this printer's. &quot;Don't verify the certificate&quot; is only for an exception you choose deliberately, for a printer you trust on this network.</source>
        <translation>Não foi possível verificar o certificado da impressora. As impressoras Bambu Lab são verificadas com as CAs da própria Bambu Lab, que vêm com o app, e pelo número de série: confira se o número de série em &quot;Editar impressora…&quot; (menu ⋯) é o da etiqueta da impressora e das configurações do dispositivo, e se o endereço IP é o desta impressora. &quot;Não verificar o certificado&quot; é só para uma exceção que você escolhe de propósito, para uma impressora em que você confia nesta rede.</translation>
    </message>
    <message>
        <source>Edit printer…</source>
        <translation>Editar impressora…</translation>
    </message>
    <message>
        <source>Edit printer</source>
        <translation>Editar impressora</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Saving {0}</source>
        <translation>Salvando {0}</translation>
    </message>
    <message>
        <source>Removing {0}</source>
        <translation>Removendo {0}</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>Não foi possível iniciar</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved access code</source>
        <translation>Deixe vazio para manter o código de acesso salvo</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>Deixe vazio para manter a senha salva</translation>
    </message>
    <message>
        <source>Right nozzle</source>
        <translation>Bico direito</translation>
    </message>
    <message>
        <source>Left nozzle</source>
        <translation>Bico esquerdo</translation>
    </message>
    <message>
        <source>Nozzle {0}</source>
        <translation>Bico {0}</translation>
    </message>
</context>
<context>
    <name>PrinterMessages</name>
    <message>
        <source>{job}: print finished.</source>
        <translation>{job}: impressão concluída.</translation>
    </message>
    <message>
        <source>{job}: print failed. {error}</source>
        <translation>{job}: a impressão falhou. {error}</translation>
    </message>
    <message>
        <source>{job}: print paused. {error}</source>
        <translation>{job}: impressão pausada. {error}</translation>
    </message>
    <message>
        <source>{job}: print cancelled.</source>
        <translation>{job}: impressão cancelada.</translation>
    </message>
    <message>
        <source>{job}: print stopped.</source>
        <translation>{job}: impressão interrompida.</translation>
    </message>
    <message>
        <source>The printer refused '{command}': its firmware only accepts control commands from other apps in LAN-only + Developer Mode. On the printer: Settings → LAN Only Mode → on, then Developer Mode → on. Status monitoring keeps working without it.</source>
        <translation>A impressora recusou '{command}': o firmware só aceita comandos de controle de outros apps no modo Somente LAN + Modo Desenvolvedor. Na impressora: Configurações → LAN Only Mode → ligado, depois Developer Mode → ligado. O acompanhamento do status continua funcionando sem isso.</translation>
    </message>
    <message>
        <source>{module} reported a {severity} event; look up {code} on the Bambu Lab wiki.</source>
        <translation>{module} relatou um evento {severity}; procure {code} na wiki da Bambu Lab.</translation>
    </message>
    <message>
        <source>Error {code}; look it up on the Bambu Lab wiki.</source>
        <translation>Erro {code}; procure-o na wiki da Bambu Lab.</translation>
    </message>
    <message>
        <source>Motion controller</source>
        <translation>Controlador de movimento</translation>
    </message>
    <message>
        <source>Mainboard</source>
        <translation>Placa-mãe</translation>
    </message>
    <message>
        <source>AMS</source>
        <translation>AMS</translation>
    </message>
    <message>
        <source>Toolhead</source>
        <translation>Cabeçote</translation>
    </message>
    <message>
        <source>Camera/lidar</source>
        <translation>Câmera/lidar</translation>
    </message>
    <message>
        <source>AMS lite</source>
        <translation>AMS lite</translation>
    </message>
    <message>
        <source>AMS HT</source>
        <translation>AMS HT</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>serious</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>common</source>
        <translation>comum</translation>
    </message>
    <message>
        <source>info</source>
        <translation>informativo</translation>
    </message>
    <message>
        <source>unclassified</source>
        <translation>não classificado</translation>
    </message>
</context>
<context>
    <name>PrinterStages</name>
    <message>
        <source>printing</source>
        <translation>imprimindo</translation>
    </message>
    <message>
        <source>auto bed levelling</source>
        <translation>nivelando a mesa</translation>
    </message>
    <message>
        <source>heatbed preheating</source>
        <translation>pré-aquecendo a mesa</translation>
    </message>
    <message>
        <source>vibration compensation</source>
        <translation>compensando vibrações</translation>
    </message>
    <message>
        <source>changing filament</source>
        <translation>trocando o filamento</translation>
    </message>
    <message>
        <source>M400 pause</source>
        <translation>pausa M400</translation>
    </message>
    <message>
        <source>paused: filament ran out</source>
        <translation>pausado: o filamento acabou</translation>
    </message>
    <message>
        <source>heating hotend</source>
        <translation>aquecendo o hotend</translation>
    </message>
    <message>
        <source>calibrating extrusion</source>
        <translation>calibrando a extrusão</translation>
    </message>
    <message>
        <source>scanning bed surface</source>
        <translation>escaneando a superfície da mesa</translation>
    </message>
    <message>
        <source>inspecting first layer</source>
        <translation>inspecionando a primeira camada</translation>
    </message>
    <message>
        <source>identifying build plate type</source>
        <translation>identificando o tipo de placa</translation>
    </message>
    <message>
        <source>calibrating Micro Lidar</source>
        <translation>calibrando o Micro Lidar</translation>
    </message>
    <message>
        <source>homing toolhead</source>
        <translation>levando o cabeçote à origem</translation>
    </message>
    <message>
        <source>cleaning nozzle tip</source>
        <translation>limpando a ponta do bico</translation>
    </message>
    <message>
        <source>checking extruder temperature</source>
        <translation>verificando a temperatura da extrusora</translation>
    </message>
    <message>
        <source>paused by the user</source>
        <translation>pausado pelo usuário</translation>
    </message>
    <message>
        <source>paused: front cover fell off</source>
        <translation>pausado: a tampa frontal caiu</translation>
    </message>
    <message>
        <source>calibrating extrusion flow</source>
        <translation>calibrando o fluxo de extrusão</translation>
    </message>
    <message>
        <source>paused: nozzle temperature malfunction</source>
        <translation>pausado: falha na temperatura do bico</translation>
    </message>
    <message>
        <source>paused: heatbed temperature malfunction</source>
        <translation>pausado: falha na temperatura da mesa</translation>
    </message>
    <message>
        <source>unloading filament</source>
        <translation>descarregando o filamento</translation>
    </message>
    <message>
        <source>paused: skipped steps</source>
        <translation>pausado: passos perdidos</translation>
    </message>
    <message>
        <source>loading filament</source>
        <translation>carregando o filamento</translation>
    </message>
    <message>
        <source>calibrating motor noise</source>
        <translation>calibrando o ruído dos motores</translation>
    </message>
    <message>
        <source>paused: AMS lost</source>
        <translation>pausado: AMS desconectado</translation>
    </message>
    <message>
        <source>paused: heatbreak fan too slow</source>
        <translation>pausado: ventoinha do heatbreak lenta</translation>
    </message>
    <message>
        <source>paused: chamber temperature control error</source>
        <translation>pausado: erro no controle de temperatura da câmara</translation>
    </message>
    <message>
        <source>cooling chamber</source>
        <translation>resfriando a câmara</translation>
    </message>
    <message>
        <source>paused by G-code</source>
        <translation>pausado pelo G-code</translation>
    </message>
    <message>
        <source>motor noise showoff</source>
        <translation>demonstração de ruído dos motores</translation>
    </message>
    <message>
        <source>paused: filament on the nozzle</source>
        <translation>pausado: filamento enrolado no bico</translation>
    </message>
    <message>
        <source>paused: cutter error</source>
        <translation>pausado: erro do cortador</translation>
    </message>
    <message>
        <source>paused: first layer error</source>
        <translation>pausado: erro na primeira camada</translation>
    </message>
    <message>
        <source>paused: nozzle clog</source>
        <translation>pausado: bico entupido</translation>
    </message>
    <message>
        <source>checking absolute accuracy before calibration</source>
        <translation>verificando a precisão absoluta antes da calibração</translation>
    </message>
    <message>
        <source>calibrating absolute accuracy</source>
        <translation>calibrando a precisão absoluta</translation>
    </message>
    <message>
        <source>checking absolute accuracy after calibration</source>
        <translation>verificando a precisão absoluta após a calibração</translation>
    </message>
    <message>
        <source>calibrating nozzle offset</source>
        <translation>calibrando o deslocamento dos bicos</translation>
    </message>
    <message>
        <source>high-temperature bed levelling</source>
        <translation>nivelando a mesa em alta temperatura</translation>
    </message>
    <message>
        <source>checking the quick release</source>
        <translation>verificando a trava rápida</translation>
    </message>
    <message>
        <source>checking the door and cover</source>
        <translation>verificando a porta e a tampa</translation>
    </message>
    <message>
        <source>calibrating the laser</source>
        <translation>calibrando o laser</translation>
    </message>
    <message>
        <source>checking the platform</source>
        <translation>verificando a plataforma</translation>
    </message>
    <message>
        <source>checking the birdseye camera position</source>
        <translation>verificando a posição da câmera panorâmica</translation>
    </message>
    <message>
        <source>calibrating the birdseye camera</source>
        <translation>calibrando a câmera panorâmica</translation>
    </message>
    <message>
        <source>bed levelling, phase 1</source>
        <translation>nivelando a mesa, fase 1</translation>
    </message>
    <message>
        <source>bed levelling, phase 2</source>
        <translation>nivelando a mesa, fase 2</translation>
    </message>
    <message>
        <source>heating chamber</source>
        <translation>aquecendo a câmara</translation>
    </message>
    <message>
        <source>cooling the heatbed</source>
        <translation>resfriando a mesa</translation>
    </message>
    <message>
        <source>printing calibration lines</source>
        <translation>imprimindo linhas de calibração</translation>
    </message>
    <message>
        <source>checking material</source>
        <translation>verificando o material</translation>
    </message>
    <message>
        <source>calibrating the live view camera</source>
        <translation>calibrando a câmera ao vivo</translation>
    </message>
    <message>
        <source>waiting for the heatbed temperature</source>
        <translation>aguardando a temperatura da mesa</translation>
    </message>
    <message>
        <source>checking material position</source>
        <translation>verificando a posição do material</translation>
    </message>
    <message>
        <source>calibrating the cutter offset</source>
        <translation>calibrando o deslocamento do cortador</translation>
    </message>
    <message>
        <source>measuring the surface</source>
        <translation>medindo a superfície</translation>
    </message>
    <message>
        <source>thermal preconditioning</source>
        <translation>pré-condicionamento térmico</translation>
    </message>
    <message>
        <source>homing the blade holder</source>
        <translation>levando o porta-lâmina à origem</translation>
    </message>
    <message>
        <source>calibrating the camera offset</source>
        <translation>calibrando o deslocamento da câmera</translation>
    </message>
    <message>
        <source>calibrating the blade holder position</source>
        <translation>calibrando a posição do porta-lâmina</translation>
    </message>
    <message>
        <source>testing hotend pick and place</source>
        <translation>testando a troca de hotend</translation>
    </message>
    <message>
        <source>waiting for the chamber temperature to settle</source>
        <translation>aguardando a temperatura da câmara estabilizar</translation>
    </message>
    <message>
        <source>preparing the hotend</source>
        <translation>preparando o hotend</translation>
    </message>
    <message>
        <source>calibrating nozzle clumping detection</source>
        <translation>calibrando a detecção de acúmulo no bico</translation>
    </message>
    <message>
        <source>purifying chamber air</source>
        <translation>purificando o ar da câmara</translation>
    </message>
    <message>
        <source>measuring the rotary attachment</source>
        <translation>medindo o acessório rotativo</translation>
    </message>
    <message>
        <source>moving the toolhead above the purge chute</source>
        <translation>movendo o cabeçote sobre a calha de purga</translation>
    </message>
    <message>
        <source>cooling the nozzle</source>
        <translation>resfriando o bico</translation>
    </message>
    <message>
        <source>moving the toolhead to the bed centre</source>
        <translation>movendo o cabeçote ao centro da mesa</translation>
    </message>
    <message>
        <source>arc fitting</source>
        <translation>ajuste de arcos</translation>
    </message>
    <message>
        <source>detecting the hotend type</source>
        <translation>detectando o tipo de hotend</translation>
    </message>
    <message>
        <source>detecting build plate alignment</source>
        <translation>detectando o alinhamento da placa</translation>
    </message>
    <message>
        <source>checking the heatbed for foreign objects</source>
        <translation>procurando objetos estranhos na mesa</translation>
    </message>
    <message>
        <source>checking under the heatbed for foreign objects</source>
        <translation>procurando objetos estranhos sob a mesa</translation>
    </message>
    <message>
        <source>pre-extruding before printing</source>
        <translation>pré-extrudando antes de imprimir</translation>
    </message>
    <message>
        <source>preparing the AMS</source>
        <translation>preparando o AMS</translation>
    </message>
</context>
</TS>
