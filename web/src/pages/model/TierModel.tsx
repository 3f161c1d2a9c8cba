// The tier model editor: edit YAML, validate (errors shown at their rule), dry-run, save a new version.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { ApiError, type FieldError } from '../../api/problem';
import type { DryRun, Model, ModelVersion } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { versionAuthor, versionNote } from './versions';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { conditionText, errorsByRule, replaceCondition, ruleBlocks, type RuleBlock } from './rules';
import { modelErrorText } from './conditionErrors';
import { parseCondition, yamlScalar, type Group } from './ruleForm';
import { RuleBuilder } from './RuleBuilder';
import { DryRunMovers } from './DryRunMovers';
import { DryRunResult } from './DryRunResult';
import { VersionDiff } from './VersionDiff';
import { MetricHelp } from './MetricHelp';
import { PlaybookPreview, type Preview } from './PlaybookPreview';
import { PlaybookForm } from './PlaybookForm';

type Check = { valid: true } | { valid: false; errors: FieldError[] } | null;

export default function TierModel() {
  const { t, dateTime, lang } = useI18n();
  const { reload: reloadMeta } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const model = useLoad(() => api<Model>('/model'), []);
  const versions = useLoad(() => api<ModelVersion[]>('/model/versions'), []);
  const [yaml, setYaml] = useState('');
  const [note, setNote] = useState('');
  const [check, setCheck] = useState<Check>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const editor = useRef<HTMLTextAreaElement | null>(null);
  const [building, setBuilding] = useState<{ block: RuleBlock; tree: Group } | null>(null);
  const [rawOnly, setRawOnly] = useState<number | null>(null);
  const [playbookOf, setPlaybookOf] = useState<RuleBlock | null>(null);
  const [draft, setDraft] = useState<Preview | null>(null);

  useEffect(() => { if (model.data) setYaml(model.data.yaml); }, [model.data]);
  const blocks = useMemo(() => ruleBlocks(yaml), [yaml]);
  const grouped = useMemo(() => errorsByRule(check && !check.valid ? check.errors : [], blocks), [check, blocks]);
  const changed = model.data !== null && yaml !== model.data.yaml;

  // Runs one server call; a 422 with field errors becomes the per-rule display, anything else a plain error.
  const call = async <T,>(name: string, action: () => Promise<T>): Promise<T | null> => {
    setBusy(name); setError(null);
    try { return await action(); } catch (e) {
      if (e instanceof ApiError && e.errors.length) setCheck({ valid: false, errors: e.errors }); else setError(e);
      return null;
    } finally { setBusy(null); }
  };
  const validate = async () => {
    setDryRun(null);
    if (await call('validate', () => api('/model/validate', { json: { yaml } }))) setCheck({ valid: true });
  };
  const runDry = async () => {
    setCheck(null);
    const result = await call('dryRun', () => api<DryRun>('/model/dry-run', { json: { yaml } }));
    if (result) { setDryRun(result); setCheck({ valid: true }); }
  };
  // The unsaved text's playbooks planned on today's tiers (POST /tasks/preview): nothing is stored.
  const previewDraft = async () => {
    const result = await call('preview', () => api<Preview>('/tasks/preview', { json: { yaml } }));
    if (result) { setDraft(result); setCheck({ valid: true }); }
  };
  // The playbook form's edit, planned before it is applied: a 422 lands at the form's fields through `check`; any
  // other failure is thrown for the form to show, since the page behind the drawer is out of sight.
  const previewEdit = async (text: string) => {
    try {
      const result = await api<Preview>('/tasks/preview', { json: { yaml: text } });
      setCheck(null);
      return result;
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) { setCheck({ valid: false, errors: e.errors }); return null; }
      throw e;
    }
  };
  const save = async () => {
    const saved = await call('save', () => api<Model>('/model', { method: 'PUT', json: { yaml, note } }));
    if (saved) {
      message.success(t('model.saved', { v: saved.version }));
      setNote(''); setCheck(null); setDryRun(null); setDraft(null);
      model.reload(); versions.reload(); reloadMeta();
    }
  };
  const goToLine = (line: number) => {
    const area = editor.current;
    if (!area) return;
    const lines = yaml.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    area.scrollTop = Math.max(0, (line - 5) * 20);
  };
  // A condition the form can show opens in the builder; any other stays in the raw editor, with a notice at its rule.
  const openBuilder = (b: RuleBlock) => {
    const tree = b.continued ? null : parseCondition(conditionText(b.when) ?? '');
    if (tree) { setRawOnly(null); setBuilding({ block: b, tree }); } else { setRawOnly(b.index); goToLine(b.whenLine ?? b.line); }
  };
  const applyBuilder = (cel: string) => {
    if (building) { setYaml(replaceCondition(yaml, building.block, yamlScalar(cel))); setCheck(null); setDryRun(null); setDraft(null); }
    setBuilding(null);
  };
  const loadVersion = async (v: number) => {
    const old = await call('load', () => api<Model>(`/model/versions/${v}`));
    if (old) { setYaml(old.yaml); setCheck(null); setDryRun(null); setDraft(null); }
  };

  const errorItem = (e: FieldError, i: number) => (
    <li key={i} data-testid="model-error" data-field={e.field ?? ''}>
      {e.field && <code>{e.field}</code>} {e.line ? <a onClick={() => goToLine(e.line!)}>{t('model.line', { line: e.line })}</a> : null}: {modelErrorText(e, t, lang)}
    </li>
  );

  return (
    <div data-testid="tier-model">
      <ErrorAlert error={model.error ?? error} />
      {model.data && (
        <Typography.Paragraph type="secondary" data-testid="model-version" data-version={model.data.version}>
          {t('model.current', { v: model.data.version })} · {versionAuthor(model.data, t)} · {dateTime(model.data.createdAt)}
          {versionNote(model.data, t) ? ` · ${versionNote(model.data, t)}` : ''} {changed && <Tag color="orange">{t('model.unsaved')}</Tag>}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('model.editor')} size="small">
            <Input.TextArea
              ref={(r) => { editor.current = r?.resizableTextArea?.textArea ?? null; }}
              value={yaml} onChange={(e) => { setYaml(e.target.value); setCheck(null); setDryRun(null); setDraft(null); }}
              autoSize={{ minRows: 24, maxRows: 40 }} spellCheck={false} aria-label={t('model.editor')} data-testid="model-yaml"
              // No soft wrapping: the line numbers of validation errors must match the lines the user sees.
              wrap="off"
              style={{ overflowX: 'auto', fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13, lineHeight: '20px' }} />
            <Space wrap style={{ marginTop: 12 }}>
              <Button onClick={validate} loading={busy === 'validate'} data-testid="model-validate">{t('model.validate')}</Button>
              {session.can('dryRunModel') && (
                <>
                  <Button onClick={runDry} loading={busy === 'dryRun'} data-testid="model-dryrun">{t('model.dryRun')}</Button>
                  <Button onClick={previewDraft} loading={busy === 'preview'} data-testid="model-preview">{t('pbf.preview')}</Button>
                </>
              )}
              {session.can('saveModel') ? <>
                <Input placeholder={t('model.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} data-testid="model-note" />
                <Button type="primary" onClick={save} loading={busy === 'save'} disabled={!changed} data-testid="model-save">{t('model.save')}</Button>
              </> : <Typography.Text type="secondary">{t('model.readOnly')}</Typography.Text>}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {check?.valid && <Alert type="success" showIcon message={t('model.valid')} data-testid="model-valid" style={{ marginBottom: 12 }} />}
          {grouped.get(-1) && (
            <Alert type="error" showIcon message={t('model.invalid')} data-testid="model-errors-general" style={{ marginBottom: 12 }}
              description={<ul style={{ margin: 0, paddingLeft: 20 }}>{grouped.get(-1)!.map(errorItem)}</ul>} />
          )}
          <Card title={t('model.rules')} size="small" style={{ marginBottom: 12 }}>
            {blocks.map((b) => {
              const errors = grouped.get(b.index);
              return (
                <div key={b.index} data-testid="model-rule" data-index={b.index} data-tier={b.id} data-invalid={errors ? 'true' : 'false'}
                  style={{ padding: '6px 8px', marginBottom: 6, borderRadius: 6, border: `1px solid ${errors ? '#ff4d4f' : '#f0f0f0'}`, background: errors ? '#fff2f0' : undefined }}>
                  <a onClick={() => goToLine(b.line)}>{t('model.tierRule', { n: b.index + 1, tier: b.id })}</a>
                  {b.whenLine !== null && conditionText(b.when) !== 'true' && (
                    <Button size="small" type="link" onClick={() => openBuilder(b)} data-testid="rule-open-builder">{t('rules.builder.open')}</Button>
                  )}
                  <Button size="small" type="link" onClick={() => setPlaybookOf(b)} data-testid="rule-open-playbook">{t('pbf.open')}</Button>
                  <div><code style={{ whiteSpace: 'pre-wrap' }}>{b.when ?? '—'}</code></div>
                  {rawOnly === b.index && <Alert type="info" showIcon style={{ marginTop: 4 }} message={t('rules.builder.raw')} data-testid="rule-raw-only" />}
                  {errors && <ul style={{ margin: '4px 0 0', paddingLeft: 20, color: '#cf1322' }}>{errors.map(errorItem)}</ul>}
                </div>
              );
            })}
          </Card>
          <MetricHelp />
          {dryRun && <DryRunResult result={dryRun} />}
          {dryRun?.movers && <DryRunMovers movers={dryRun.movers} moved={dryRun.moved} />}
          <PlaybookPreview draft={draft} />
        </Col>
        <Col xs={24}>
          <Card title={t('model.versions')} size="small" style={{ marginTop: 16 }}>
            <Table<ModelVersion> rowKey="version" size="small" dataSource={versions.data ?? []} pagination={{ pageSize: 10 }}
              columns={[
                { title: t('model.version'), dataIndex: 'version' },
                { title: t('model.createdAt'), dataIndex: 'createdAt', render: (d: string) => dateTime(d) },
                { title: t('model.createdBy'), key: 'createdBy', render: (_: unknown, v) => versionAuthor(v, t) },
                { title: t('model.note'), key: 'note', render: (_: unknown, v) => versionNote(v, t) },
                { key: 'load', render: (_: unknown, v) => <Button size="small" onClick={() => loadVersion(v.version)}>{t('model.load')}</Button> },
              ]} />
          </Card>
          {(versions.data?.length ?? 0) > 1 && <VersionDiff versions={versions.data!} />}
        </Col>
      </Row>
      {playbookOf && (
        <PlaybookForm index={playbookOf.index} title={t('pbf.title', { tier: playbookOf.id })} yaml={yaml}
          errors={(grouped.get(playbookOf.index) ?? []).filter((e) => e.field?.startsWith(`tiers[${playbookOf.index}].service`))}
          onApply={(next) => { if (next !== yaml) { setYaml(next); setCheck(null); setDryRun(null); setDraft(null); } setPlaybookOf(null); }}
          onClose={() => setPlaybookOf(null)} onPreview={session.can('dryRunModel') ? previewEdit : undefined} />
      )}
      {building && (
        <RuleBuilder title={t('rules.builder.title', { n: building.block.index + 1, tier: building.block.id })}
          initial={building.tree} onApply={applyBuilder} onClose={() => setBuilding(null)} />
      )}
    </div>
  );
}
