<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
  <context>
    <name>Collaboration</name>
    <message>
      <source>Compare with Current</source>
      <translation>Comparar com a atual</translation>
    </message>
    <message>
      <source>Select one version to compare with the current model, or two (Ctrl+click) to compare them side by side</source>
      <translation>Selecione uma versão para comparar com o modelo atual, ou duas (Ctrl+clique) para compará-las lado a lado</translation>
    </message>
    <message>
      <source>Save Version…</source>
      <translation>Salvar versão…</translation>
    </message>
    <message>
      <source>Name the model as it is now, to compare with or restore later</source>
      <translation>Dê um nome ao modelo como está agora, para comparar ou restaurar depois</translation>
    </message>
    <message>
      <source>Compare Selected</source>
      <translation>Comparar selecionadas</translation>
    </message>
    <message>
      <source>r{0} · {1} · '{2}'</source>
      <translation>r{0} · {1} · '{2}'</translation>
    </message>
    <message>
      <source>{0}: {1} → {2}</source>
      <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
      <source>Exit Compare</source>
      <translation>Sair da comparação</translation>
    </message>
    <message>
      <source>Back to the editable model (Esc)</source>
      <translation>Voltar ao modelo editável (Esc)</translation>
    </message>
    <message>
      <source>Building both versions…</source>
      <translation>Gerando as duas versões…</translation>
    </message>
    <message>
      <source>Building versions to compare</source>
      <translation>Gerando versões para comparar</translation>
    </message>
    <message>
      <source>Current</source>
      <translation>Atual</translation>
    </message>
    <message>
      <source>{0}: added ({1})</source>
      <translation>{0}: adicionado ({1})</translation>
    </message>
    <message>
      <source>{0}: removed (was {1})</source>
      <translation>{0}: removido (era {1})</translation>
    </message>
    <message>
      <source>r{0} · '{1}'</source>
      <translation>r{0} · '{1}'</translation>
    </message>
    <message>
      <source>{0}: part added</source>
      <translation>{0}: peça adicionada</translation>
    </message>
    <message>
      <source>{0}: part removed</source>
      <translation>{0}: peça removida</translation>
    </message>
    <message>
      <source>{0}: part changed</source>
      <translation>{0}: peça alterada</translation>
    </message>
    <message>
      <source>&lt;b&gt;Comparing&lt;/b&gt; {0} (left) with {1} (right) · &lt;span style='color:{2}'&gt;■&lt;/span&gt; only in the older · &lt;span style='color:{3}'&gt;■&lt;/span&gt; only in the newer</source>
      <translation>&lt;b&gt;Comparando&lt;/b&gt; {0} (à esquerda) com {1} (à direita) · &lt;span style='color:{2}'&gt;■&lt;/span&gt; só na mais antiga · &lt;span style='color:{3}'&gt;■&lt;/span&gt; só na mais nova</translation>
    </message>
    <message>
      <source>No differences: both versions are the same model.</source>
      <translation>Nenhuma diferença: as duas versões são o mesmo modelo.</translation>
    </message>
    <message>
      <source>These versions could not be built: {0}</source>
      <translation>Não foi possível gerar estas versões: {0}</translation>
    </message>
    <message>
      <source>Save Version</source>
      <translation>Salvar versão</translation>
    </message>
    <message>
      <source>Name this version (what changed, or why it matters):</source>
      <translation>Dê um nome a esta versão (o que mudou, ou por que ela importa):</translation>
    </message>
  </context>
  <context>
    <name>CollabHost</name>
    <message>
      <source>Select one or two versions in the History tab to compare (Save Version… names the model as it is now).</source>
      <translation>Selecione uma ou duas versões na aba Histórico para comparar (Salvar versão… dá um nome ao modelo como está agora).</translation>
    </message>
  </context>
</TS>
