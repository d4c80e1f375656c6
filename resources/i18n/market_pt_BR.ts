<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Marketplace</name>
    <message>
        <source>Best match</source>
        <translation>Mais relevantes</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Mais recentes</translation>
    </message>
    <message>
        <source>Most liked</source>
        <translation>Mais curtidos</translation>
    </message>
    <message>
        <source>Most downloaded</source>
        <translation>Mais baixados</translation>
    </message>
    <message>
        <source>Standard digital file</source>
        <translation>Arquivo digital padrão</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>CC0 (public domain)</source>
        <translation>CC0 (domínio público)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Padrão</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Grátis</translation>
    </message>
    <message>
        <source>The marketplace cannot be reached right now. Check your connection and try again.</source>
        <translation>Não foi possível acessar o marketplace agora. Verifique sua conexão e tente de novo.</translation>
    </message>
    <message>
        <source>Sign in to the marketplace to do this.</source>
        <translation>Entre no marketplace para fazer isso.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>by {0}</source>
        <translation>por {0}</translation>
    </message>
    <message>
        <source>⚙ Parametric</source>
        <translation>⚙ Paramétrico</translation>
    </message>
    <message>
        <source>Opens in the Studio with its parameters editable</source>
        <translation>Abre no Studio com os parâmetros editáveis</translation>
    </message>
    <message>
        <source>Publish to the marketplace</source>
        <translation>Publicar no marketplace</translation>
    </message>
    <message>
        <source>What is it for, how to print it, what to change…</source>
        <translation>Para que serve, como imprimir, o que mudar…</translation>
    </message>
    <message>
        <source>herbs, kitchen, gift</source>
        <translation>ervas, cozinha, presente</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licença</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Others will not be allowed to remix this model.</source>
        <translation>Outras pessoas não poderão fazer remixes deste modelo.</translation>
    </message>
    <message>
        <source>Others may remix this model, crediting you.</source>
        <translation>Outras pessoas podem fazer remixes deste modelo, dando crédito a você.</translation>
    </message>
    <message>
        <source>Give your model a title (at least 3 characters).</source>
        <translation>Dê um título ao seu modelo (pelo menos 3 caracteres).</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Escolha uma categoria.</translation>
    </message>
    <message>
        <source>There is no model to publish yet: design something first.</source>
        <translation>Ainda não há modelo para publicar: crie algo primeiro.</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publicar…</translation>
    </message>
    <message>
        <source>{0} models</source>
        <translation>{0} modelos</translation>
    </message>
    <message>
        <source>{0} model</source>
        <translation>{0} modelo</translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer words or other filters.</source>
        <translation>Nada encontrado. Tente menos palavras ou outros filtros.</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Baixando…</translation>
    </message>
    <message>
        <source>Downloading a model</source>
        <translation>Baixando um modelo</translation>
    </message>
    <message>
        <source>'{0}' is open in the Studio.</source>
        <translation>'{0}' está aberto no Studio.</translation>
    </message>
    <message>
        <source>Buy it</source>
        <translation>Comprar</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Nova coleção…</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Nova coleção</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Saved in '{0}'.</source>
        <translation>Salvo em '{0}'.</translation>
    </message>
    <message>
        <source>Removed from '{0}'.</source>
        <translation>Removido de '{0}'.</translation>
    </message>
    <message>
        <source>Open or design a model first, then publish it.</source>
        <translation>Abra ou crie um modelo primeiro e depois publique.</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publicando</translation>
    </message>
    <message>
        <source>'{0}' was not published: {1}</source>
        <translation>'{0}' não foi publicado: {1}</translation>
    </message>
    <message>
        <source>Published '{0}'.</source>
        <translation>'{0}' publicado.</translation>
    </message>
    <message>
        <source>You are offline: your model is saved and will be published as soon as the marketplace can be reached.</source>
        <translation>Você está offline: seu modelo foi guardado e será publicado assim que o marketplace estiver acessível.</translation>
    </message>
    <message>
        <source>{0} waiting to publish</source>
        <translation>{0} aguardando publicação</translation>
    </message>
    <message>
        <source>{0} not published</source>
        <translation>{0} não publicado(s)</translation>
    </message>
    <message>
        <source>Search planters, vases, organisers…</source>
        <translation>Buscar vasos, floreiras, organizadores…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Editable parameters</source>
        <translation>Parâmetros editáveis</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Filters ({0})</source>
        <translation>Filtros ({0})</translation>
    </message>
    <message>
        <source>Only models made in the Studio, which open with their parameters</source>
        <translation>Só modelos feitos no Studio, que abrem com seus parâmetros</translation>
    </message>
    <message>
        <source>Any licence</source>
        <translation>Qualquer licença</translation>
    </message>
    <message>
        <source>Free and paid</source>
        <translation>Grátis e pagos</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas as categorias</translation>
    </message>
    <message>
        <source>← Back to results</source>
        <translation>← Voltar aos resultados</translation>
    </message>
    <message>
        <source>Open in Studio</source>
        <translation>Abrir no Studio</translation>
    </message>
    <message>
        <source>Remix</source>
        <translation>Remixar</translation>
    </message>
    <message>
        <source>Open a copy to change and publish as a remix, crediting the creator</source>
        <translation>Abrir uma cópia para alterar e publicar como remix, dando crédito a quem criou</translation>
    </message>
    <message>
        <source>♥ Like</source>
        <translation>♥ Curtir</translation>
    </message>
    <message>
        <source>Collect…</source>
        <translation>Colecionar…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>About this model</source>
        <translation>Sobre este modelo</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Arquivos</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <source>Remix family</source>
        <translation>Família de remixes</translation>
    </message>
    <message>
        <source>by {0} · {1}</source>
        <translation>por {0} · {1}</translation>
    </message>
    <message>
        <source>{0} like</source>
        <translation>{0} curtida</translation>
    </message>
    <message>
        <source>{0} likes</source>
        <translation>{0} curtidas</translation>
    </message>
    <message>
        <source>{0} download</source>
        <translation>{0} download</translation>
    </message>
    <message>
        <source>{0} downloads</source>
        <translation>{0} downloads</translation>
    </message>
    <message>
        <source>{0} make</source>
        <translation>{0} impressão</translation>
    </message>
    <message>
        <source>{0} makes</source>
        <translation>{0} impressões</translation>
    </message>
    <message>
        <source>Buy · {0}</source>
        <translation>Comprar · {0}</translation>
    </message>
    <message>
        <source>This licence does not allow remixes: you may open and print this model, but not publish a changed version of it.</source>
        <translation>Esta licença não permite remixes: você pode abrir e imprimir este modelo, mas não publicar uma versão alterada dele.</translation>
    </message>
    <message>
        <source>The creator wrote no description.</source>
        <translation>Quem criou não escreveu uma descrição.</translation>
    </message>
    <message>
        <source>Parametric document (editable parameters)</source>
        <translation>Documento paramétrico (parâmetros editáveis)</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Ainda sem avaliações.</translation>
    </message>
    <message>
        <source>Remix of {0}</source>
        <translation>Remix de {0}</translation>
    </message>
    <message>
        <source>Remixed as:</source>
        <translation>Remixado como:</translation>
    </message>
    <message>
        <source>An original: no remixes yet.</source>
        <translation>Um original: ainda sem remixes.</translation>
    </message>
    <message>
        <source>No pictures</source>
        <translation>Sem imagens</translation>
    </message>
    <message>
        <source>Sign in (Account) to write a review.</source>
        <translation>Entre (Conta) para escrever uma avaliação.</translation>
    </message>
    <message>
        <source>Only people who downloaded or bought this model can review it. Open it in the Studio (or buy it) first, then tell others how it printed.</source>
        <translation>Só quem baixou ou comprou este modelo pode avaliá-lo. Abra-o no Studio (ou compre-o) primeiro e depois conte aos outros como ficou a impressão.</translation>
    </message>
    <message>
        <source>How did it print? Settings, material, fit…</source>
        <translation>Como ficou a impressão? Configurações, material, encaixe…</translation>
    </message>
    <message>
        <source>Post review</source>
        <translation>Publicar avaliação</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Thank you — your review is posted.</source>
        <translation>Obrigado — sua avaliação foi publicada.</translation>
    </message>
    <message>
        <source>Your rating:</source>
        <translation>Sua nota:</translation>
    </message>
    <message>
        <source>A review can be at most {0} characters long.</source>
        <translation>Uma avaliação pode ter no máximo {0} caracteres.</translation>
    </message>
    <message>
        <source>♥ Liked</source>
        <translation>♥ Curtido</translation>
    </message>
    <message>
        <source>Open checkout</source>
        <translation>Abrir pagamento</translation>
    </message>
    <message>
        <source>Pay in your browser; this page shows the model as bought once the payment arrives</source>
        <translation>Pague no navegador; esta página mostra o modelo como comprado assim que o pagamento chegar</translation>
    </message>
    <message>
        <source>Unlist…</source>
        <translation>Despublicar…</translation>
    </message>
    <message>
        <source>Take it out of search and browsing; buyers keep their files</source>
        <translation>Tirar da busca e da navegação; quem comprou continua com os arquivos</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>Não listado</translation>
    </message>
    <message>
        <source>You took this listing down: it is out of search and browsing, and buyers keep their files.</source>
        <translation>Você tirou este anúncio do ar: ele saiu da busca e da navegação, e quem comprou continua com os arquivos.</translation>
    </message>
    <message>
        <source>Its creator took this listing down: it is out of search and browsing.</source>
        <translation>O criador tirou este anúncio do ar: ele saiu da busca e da navegação.</translation>
    </message>
    <message>
        <source>Your purchase is waiting for the payment. Pay at the checkout in your browser; this page shows the model as bought once the payment arrives.</source>
        <translation>Sua compra está aguardando o pagamento. Pague na página de pagamento, no navegador; esta página mostra o modelo como comprado assim que o pagamento chegar.</translation>
    </message>
    <message>
        <source>You bought this model: its files are yours to download.</source>
        <translation>Você comprou este modelo: os arquivos são seus para baixar.</translation>
    </message>
    <message>
        <source>Your purchase was refunded, so its files are locked again.</source>
        <translation>Sua compra foi reembolsada, então os arquivos estão bloqueados de novo.</translation>
    </message>
    <message>
        <source>Its creator took this listing down, so it can no longer be bought.</source>
        <translation>O criador tirou este anúncio do ar, então ele não pode mais ser comprado.</translation>
    </message>
    <message>
        <source>Unlist this model?</source>
        <translation>Despublicar este modelo?</translation>
    </message>
    <message>
        <source>'{0}' leaves search and browsing at once. People who bought or downloaded it keep their files, and remixes keep their link to it.</source>
        <translation>'{0}' sai da busca e da navegação na hora. Quem comprou ou baixou continua com os arquivos, e os remixes mantêm o link para ele.</translation>
    </message>
    <message>
        <source>'{0}' is unlisted: it no longer shows up in search.</source>
        <translation>'{0}' foi despublicado: não aparece mais na busca.</translation>
    </message>
</context>
<context>
    <name>Collaboration</name>
    <message>
        <source> · {0} refused</source>
        <translation> · {0} recusada(s)</translation>
    </message>
    <message>
        <source>Restore as New Revision</source>
        <translation>Restaurar como nova revisão</translation>
    </message>
    <message>
        <source> · overwritten by {0} (r{1})</source>
        <translation> · sobrescrita por {0} (r{1})</translation>
    </message>
    <message>
        <source>here now</source>
        <translation>aqui agora</translation>
    </message>
    <message>
        <source>editing {0}</source>
        <translation>editando {0}</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>seu</translation>
    </message>
    <message>
        <source>no changes yet</source>
        <translation>nenhuma alteração ainda</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Shared projects</source>
        <translation>Projetos compartilhados</translation>
    </message>
    <message>
        <source>Choose a project to open.</source>
        <translation>Escolha um projeto para abrir.</translation>
    </message>
    <message>
        <source>shared by {0} · {1}</source>
        <translation>compartilhado por {0} · {1}</translation>
    </message>
    <message>
        <source>last change by {0}, {1}</source>
        <translation>última alteração por {0}, {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shared with me&lt;/b&gt;</source>
        <translation>&lt;b&gt;Compartilhados comigo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;My projects on the hub&lt;/b&gt;</source>
        <translation>&lt;b&gt;Meus projetos no hub&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing shared with you yet. Projects appear here when you accept an invitation.</source>
        <translation>Nada compartilhado com você ainda. Os projetos aparecem aqui quando você aceita um convite.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Dono(a)</translation>
    </message>
    <message>
        <source>Can edit</source>
        <translation>Pode editar</translation>
    </message>
    <message>
        <source>Can comment</source>
        <translation>Pode comentar</translation>
    </message>
    <message>
        <source>Can view</source>
        <translation>Pode ver</translation>
    </message>
    <message>
        <source>Reply… (@ to mention someone)</source>
        <translation>Responder… (@ para mencionar alguém)</translation>
    </message>
    <message>
        <source>{0} mentioned you in {1} · {2}</source>
        <translation>{0} mencionou você em {1} · {2}</translation>
    </message>
    <message>
        <source>Mark All Read</source>
        <translation>Marcar todas como lidas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mentions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Menções&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open the thread in {0}</source>
        <translation>Abrir a conversa em {0}</translation>
    </message>
    <message>
        <source>No unread mentions. When someone writes @ and your name in a comment, it shows here.</source>
        <translation>Nenhuma menção não lida. Quando alguém escrever @ e o seu nome em um comentário, ela aparece aqui.</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Menções</translation>
    </message>
    <message>
        <source>1 mention</source>
        <translation>1 menção</translation>
    </message>
    <message>
        <source>{0} mentions</source>
        <translation>{0} menções</translation>
    </message>
    <message>
        <source>Comments where someone mentioned you: click to see them</source>
        <translation>Comentários em que alguém mencionou você: clique para vê-los</translation>
    </message>
    <message>
        <source>Mentions could not be updated: {0}</source>
        <translation>Não foi possível atualizar as menções: {0}</translation>
    </message>
    <message>
        <source>Marking mentions read</source>
        <translation>Marcando menções como lidas</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source> on {0}</source>
        <translation> em {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;{1} · {2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;{1} · {2}</translation>
    </message>
    <message>
        <source> · resolved</source>
        <translation> · resolvido</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>r{0} · {1} {2} {3} · {4}</source>
        <translation>r{0} · {1} {2} {3} · {4}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Versions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Versões&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent changes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alterações recentes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0} · revision {1} · {2} · {3}</source>
        <translation>{0} · revisão {1} · {2} · {3}</translation>
    </message>
    <message>
        <source>No named versions yet.</source>
        <translation>Ainda sem versões nomeadas.</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Compartilhar…</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentários</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>#{0} {1}: {2} · ↩ {3}{4}</source>
        <translation>#{0} {1}: {2} · ↩ {3}{4}</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Conflict: choose a version</source>
        <translation>Conflito: escolha uma versão</translation>
    </message>
    <message>
        <source>Offline · {0} pending</source>
        <translation>Offline · {0} pendente(s)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out · {0} pending</source>
        <translation>Desconectado · {0} pendente(s)</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Syncing {0}…</source>
        <translation>Sincronizando {0}…</translation>
    </message>
    <message>
        <source>{0} pending</source>
        <translation>{0} pendente(s)</translation>
    </message>
    <message>
        <source>Shared projects: click for details</source>
        <translation>Projetos compartilhados: clique para ver detalhes</translation>
    </message>
    <message>
        <source>Sync details</source>
        <translation>Detalhes da sincronização</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Compare and choose…</source>
        <translation>Comparar e escolher…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar agora</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Recusado pelo servidor</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflitos</translation>
    </message>
    <message>
        <source>Project {0}: {1} (made on revision {2})</source>
        <translation>Projeto {0}: {1} (feito na revisão {2})</translation>
    </message>
    <message>
        <source>Project {0}: {1} — {2}</source>
        <translation>Projeto {0}: {1} — {2}</translation>
    </message>
    <message>
        <source>Project {0}: {1}</source>
        <translation>Projeto {0}: {1}</translation>
    </message>
    <message>
        <source>Parameter {0}</source>
        <translation>Parâmetro {0}</translation>
    </message>
    <message>
        <source>Part {0}</source>
        <translation>Peça {0}</translation>
    </message>
    <message>
        <source>Two versions of this project</source>
        <translation>Duas versões deste projeto</translation>
    </message>
    <message>
        <source>Your edits and a collaborator's could not be merged ({0}). Compare them and choose the one to continue with; the other stays in the revision history.</source>
        <translation>Suas edições e as de um colaborador não puderam ser combinadas ({0}). Compare e escolha com qual continuar; a outra fica no histórico de revisões.</translation>
    </message>
    <message>
        <source>Preparing preview…</source>
        <translation>Preparando a prévia…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your version&lt;/b&gt; (on this computer)</source>
        <translation>&lt;b&gt;Sua versão&lt;/b&gt; (neste computador)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Their version&lt;/b&gt; (on the hub, revision {0})</source>
        <translation>&lt;b&gt;A versão deles&lt;/b&gt; (no servidor, revisão {0})</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Ficar com a minha</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Ficar com a deles</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(ausente)</translation>
    </message>
    <message>
        <source>Differs from the other version</source>
        <translation>Diferente da outra versão</translation>
    </message>
    <message>
        <source>No local copy</source>
        <translation>Sem cópia local</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Sem prévia</translation>
    </message>
    <message>
        <source>Share '{0}'</source>
        <translation>Compartilhar '{0}'</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome de usuário</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Convidar</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Pessoa</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acesso</translation>
    </message>
    <message>
        <source>Invite someone by their 3D Pot username</source>
        <translation>Convide alguém pelo nome de usuário no 3D Pot</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Type the username of the person to invite.</source>
        <translation>Digite o nome de usuário da pessoa a convidar.</translation>
    </message>
    <message>
        <source>Invitation sent to {0} ({1}). They get access once they accept.</source>
        <translation>Convite enviado para {0} ({1}). O acesso começa quando a pessoa aceitar.</translation>
    </message>
    <message>
        <source>changed parameter</source>
        <translation>alterou o parâmetro</translation>
    </message>
    <message>
        <source>added parameter</source>
        <translation>adicionou o parâmetro</translation>
    </message>
    <message>
        <source>removed parameter</source>
        <translation>removeu o parâmetro</translation>
    </message>
    <message>
        <source>added a part</source>
        <translation>adicionou uma peça</translation>
    </message>
    <message>
        <source>removed a part</source>
        <translation>removeu uma peça</translation>
    </message>
    <message>
        <source>edited a part</source>
        <translation>editou uma peça</translation>
    </message>
    <message>
        <source>moved a part</source>
        <translation>moveu uma peça</translation>
    </message>
    <message>
        <source>replaced the design</source>
        <translation>substituiu o projeto</translation>
    </message>
    <message>
        <source>&lt;b&gt;Invitations&lt;/b&gt;</source>
        <translation>&lt;b&gt;Convites&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0} invites you to '{1}' ({2})</source>
        <translation>{0} convidou você para '{1}' ({2})</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problema na sincronização</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Recusar</translation>
    </message>
    <message>
        <source>No invitations right now.</source>
        <translation>Nenhum convite no momento.</translation>
    </message>
    <message>
        <source>A change by {0} could not be applied to your copy ({1}). Open the sync details to compare versions.</source>
        <translation>Uma alteração de {0} não pôde ser aplicada à sua cópia ({1}). Abra os detalhes da sincronização para comparar as versões.</translation>
    </message>
    <message>
        <source>for 1 day</source>
        <translation>por 1 dia</translation>
    </message>
    <message>
        <source>for 7 days</source>
        <translation>por 7 dias</translation>
    </message>
    <message>
        <source>for 30 days</source>
        <translation>por 30 dias</translation>
    </message>
    <message>
        <source>until revoked</source>
        <translation>até ser revogado</translation>
    </message>
    <message>
        <source>Create Link</source>
        <translation>Criar link</translation>
    </message>
    <message>
        <source>Create a link, then copy it and send it</source>
        <translation>Crie um link, copie-o e envie-o</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Vale</translation>
    </message>
    <message>
        <source>Anyone with the link</source>
        <translation>Qualquer pessoa com o link</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>até {0}</translation>
    </message>
    <message>
        <source>{0}, made by {1}</source>
        <translation>{0}, criado por {1}</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revogar</translation>
    </message>
    <message>
        <source>Anyone signed in who opens this link joins as '{0}' ({1}).</source>
        <translation>Quem abrir este link com sua conta entra como '{0}' ({1}).</translation>
    </message>
    <message>
        <source>Link copied. Send it to the people you want to share with.</source>
        <translation>Link copiado. Envie-o para as pessoas com quem quer compartilhar.</translation>
    </message>
    <message>
        <source>Link revoked: nobody can join with it any more.</source>
        <translation>Link revogado: ninguém mais pode entrar com ele.</translation>
    </message>
    <message>
        <source>Or share a link</source>
        <translation>Ou compartilhe um link</translation>
    </message>
    <message>
        <source>{0}, invited</source>
        <translation>{0}, convidado(a)</translation>
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <source>On this computer (built-in marketplace, works offline)</source>
        <translation>Neste computador (marketplace embutido, funciona offline)</translation>
    </message>
    <message>
        <source>3D Pot ({0})</source>
        <translation>3D Pot ({0})</translation>
    </message>
    <message>
        <source>Self-hosted hub:</source>
        <translation>Servidor próprio:</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>Usar este servidor</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Entrar…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>&lt;b&gt;Marketplace server&lt;/b&gt;</source>
        <translation>&lt;b&gt;Servidor do marketplace&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Account&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conta&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A self-hosted hub needs an https:// address (plain http only on this computer).</source>
        <translation>Um servidor próprio precisa de um endereço https:// (http simples só neste computador).</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;{0}&lt;/b&gt; on {1}</source>
        <translation>Conectado como &lt;b&gt;{0}&lt;/b&gt; em {1}</translation>
    </message>
    <message>
        <source>Not signed in. Browsing works without an account; sign in to like, publish and share.</source>
        <translation>Você não entrou. Dá para navegar sem conta; entre para curtir, publicar e compartilhar.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser…</source>
        <translation>Conclua a entrada no seu navegador…</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar a entrada</translation>
    </message>
</context>
</TS>
