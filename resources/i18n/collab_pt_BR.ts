<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
  <context>
    <name>CollabHost</name>
    <message><source>Connecting to the hub…</source><translation>Conectando ao hub…</translation></message>
    <message><source>Comment</source><translation>Comentário</translation></message>
    <message><source>Your comment on this point (@ to mention someone):</source><translation>Seu comentário sobre este ponto (@ para mencionar alguém):</translation></message>
    <message><source>Removed from a shared project</source><translation>Removido(a) de um projeto compartilhado</translation></message>
    <message><source>Save a Copy…</source><translation>Salvar uma cópia…</translation></message>
    <message><source>Collaboration</source><translation>Colaboração</translation></message>
    <message><source>Click a point on the model to comment on it.</source><translation>Clique em um ponto do modelo para comentar sobre ele.</translation></message>
    <message><source>Your copy, with the edits not yet sent, stays open: save it to keep it.</source><translation>Sua cópia, com as edições ainda não enviadas, continua aberta: salve-a para guardá-la.</translation></message>
    <message><source>Share a project with File ▸ Share…, or open the projects shared with you here. The hub connects when you open this tab.</source><translation>Compartilhe um projeto em Arquivo ▸ Compartilhar… ou abra aqui os projetos compartilhados com você. O hub se conecta quando você abre esta aba.</translation></message>
    <message><source>Sharing {0}</source><translation>Compartilhando {0}</translation></message>
    <message><source>Share</source><translation>Compartilhar</translation></message>
    <message><source>Opening {0}</source><translation>Abrindo {0}</translation></message>
    <message><source>Open shared project</source><translation>Abrir projeto compartilhado</translation></message>
    <message><source>Restored '{0}' as a new revision.</source><translation>'{0}' restaurada como nova revisão.</translation></message>
    <message><source>{0} changed the model.</source><translation>{0} alterou o modelo.</translation></message>
    <message><source>Restore '{0}'</source><translation>Restaurar '{0}'</translation></message>
    <message><source>Showing what changed</source><translation>Mostrando o que mudou</translation></message>
    <message><source>Placing comment pins</source><translation>Posicionando os marcadores de comentário</translation></message>
    <message><source>You were removed from '{0}' by {1}.</source><translation>Você foi removido(a) de '{0}' por {1}.</translation></message>
    <message><source>Open Shared Link</source><translation>Abrir link compartilhado</translation></message>
    <message><source>Paste the share link you were sent:</source><translation>Cole o link de compartilhamento que você recebeu:</translation></message>
    <message><source>Joining a shared project</source><translation>Entrando em um projeto compartilhado</translation></message>
    <message><source>You joined '{0}', shared by {1}.</source><translation>Você entrou em '{0}', compartilhado por {1}.</translation></message>
  </context>
</TS>
