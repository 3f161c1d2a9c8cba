// The form-based rule builder: a tier's condition as rows (metric, operator, value) in and/or groups, written back
// as CEL into the model text. Only conditions ruleForm can parse open here; the page keeps the others in the raw editor.
import { useState } from 'react';
import { Alert, Button, InputNumber, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useMeta } from '../../api/Meta';
import type { MetricInfo } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { labelOf } from '../../i18n/locale';
import { complete, writeCondition, type Group, type Item, type Operator, type Row, type Scalar } from './ruleForm';

/** Metrics whose values are codes from a /meta list, offered as a dropdown. */
const CODE_LISTS: Record<string, 'abc' | 'lifecycle' | 'segments' | 'segments11' | 'quadrants'> = {
  abc_class: 'abc', lifecycle_stage: 'lifecycle', rfm_segment: 'segments', rfm_segment11: 'segments11', value_quadrant: 'quadrants',
};
const OP_KEYS: Record<Operator, MessageKey> = {
  '==': 'rules.op.eq', '!=': 'rules.op.ne', '<': 'rules.op.lt', '<=': 'rules.op.le', '>': 'rules.op.gt', '>=': 'rules.op.ge', in: 'rules.op.in',
};

function operatorsFor(type: MetricInfo['type'] | undefined): Operator[] {
  if (type === 'bool') return ['==', '!='];
  if (type === 'string') return ['==', '!=', 'in'];
  return ['==', '!=', '<', '<=', '>', '>='];
}

function defaultValue(type: MetricInfo['type'] | undefined, choices: string[], op: Operator): Scalar | Scalar[] {
  if (op === 'in') return [];
  if (type === 'bool') return true;
  if (type === 'string') return choices[0] ?? '';
  return 0;
}

export function RuleBuilder({ title, initial, onApply, onClose }: {
  title: string; initial: Group; onApply: (cel: string) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  const [tree, setTree] = useState<Group>(initial);
  const ok = complete(tree);
  const cel = ok ? writeCondition(tree) : '';
  return (
    <Modal open title={title} width={820} onCancel={onClose} okText={t('rules.builder.apply')} cancelText={t('cancel')}
      okButtonProps={{ disabled: !ok, 'data-testid': 'builder-apply' } as never} onOk={() => onApply(cel)}>
      <div data-testid="rule-builder">
        <GroupEditor group={tree} depth={0} onChange={(g) => setTree(g as Group)} />
        {ok ? (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('rules.builder.result')}: <code data-testid="builder-cel" style={{ whiteSpace: 'pre-wrap' }}>{cel}</code>
          </Typography.Paragraph>
        ) : <Alert type="warning" showIcon style={{ marginTop: 12 }} message={t('rules.builder.empty')} />}
      </div>
    </Modal>
  );
}

function GroupEditor({ group, depth, onChange, onRemove }: {
  group: Group; depth: number; onChange: (g: Item) => void; onRemove?: () => void;
}) {
  const { t } = useI18n();
  const set = (i: number, item: Item) => onChange({ ...group, items: group.items.map((x, k) => (k === i ? item : x)) });
  const remove = (i: number) => onChange({ ...group, items: group.items.filter((_, k) => k !== i) });
  const newRow: Row = { kind: 'row', metric: '', op: '==', value: 0 };
  return (
    <div data-testid="builder-group" style={depth ? { borderLeft: '3px solid #d9d9d9', paddingLeft: 12, margin: '8px 0' } : undefined}>
      <Radio.Group size="small" optionType="button" value={group.join} style={{ marginBottom: 8 }}
        onChange={(e) => onChange({ ...group, join: e.target.value })}
        options={[{ value: '&&', label: t('rules.builder.all') }, { value: '||', label: t('rules.builder.any') }]} />
      {group.items.map((item, i) => item.kind === 'row'
        ? <RowEditor key={i} row={item} onChange={(r) => set(i, r)} onRemove={() => remove(i)} />
        : <GroupEditor key={i} group={item} depth={depth + 1} onChange={(g) => set(i, g)} onRemove={() => remove(i)} />)}
      <Space wrap>
        <Button size="small" onClick={() => onChange({ ...group, items: [...group.items, newRow] })} data-testid="builder-add-row">
          {t('rules.builder.addRow')}
        </Button>
        <Button size="small" onClick={() => onChange({ ...group, items: [...group.items,
          { kind: 'group', join: group.join === '&&' ? '||' : '&&', items: [newRow] }] })}>{t('rules.builder.addGroup')}</Button>
        {onRemove && <Button size="small" danger onClick={onRemove}>{t('rules.builder.remove')}</Button>}
      </Space>
    </div>
  );
}

function RowEditor({ row, onChange, onRemove }: { row: Row; onChange: (r: Row) => void; onRemove: () => void }) {
  const { t, lang } = useI18n();
  const { meta, options } = useMeta();
  const metrics = meta?.metrics ?? [];
  const metric = metrics.find((m) => m.id === row.metric);
  const list = CODE_LISTS[row.metric];
  const choices = list ? options(list) : row.metric === 'owner' ? (meta?.owners ?? []).map((o) => ({ value: o, label: o })) : null;
  const ops = operatorsFor(metric?.type);
  const pickMetric = (id: string) => {
    const m = metrics.find((x) => x.id === id);
    const first = CODE_LISTS[id] ? options(CODE_LISTS[id]).map((o) => o.value) : [];
    onChange({ kind: 'row', metric: id, op: '==', value: defaultValue(m?.type, first, '==') });
  };
  const pickOp = (op: Operator) => onChange({ ...row, op,
    value: op === 'in' ? (Array.isArray(row.value) ? row.value : [row.value].filter((v) => v !== '')) : Array.isArray(row.value) ? defaultValue(metric?.type, choices?.map((c) => c.value) ?? [], op) : row.value });
  let value;
  if (row.op === 'in') {
    value = <Select mode={choices ? 'multiple' : 'tags'} style={{ minWidth: 220 }} placeholder={t('rules.builder.values')}
      aria-label={t('rules.builder.value')} value={(row.value as Scalar[]).map(String)} options={choices ?? []}
      onChange={(v: string[]) => onChange({ ...row, value: v })} />;
  } else if (metric?.type === 'bool') {
    value = <Select style={{ width: 100 }} aria-label={t('rules.builder.value')} value={String(row.value)}
      options={[{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }]}
      onChange={(v: string) => onChange({ ...row, value: v === 'true' })} />;
  } else if (choices) {
    value = <Select showSearch style={{ minWidth: 180 }} aria-label={t('rules.builder.value')} value={String(row.value)}
      options={choices} optionFilterProp="label" onChange={(v: string) => onChange({ ...row, value: v })} />;
  } else if (metric?.type === 'string' || typeof row.value === 'string') {
    value = <Input style={{ width: 180 }} aria-label={t('rules.builder.value')} value={String(row.value)}
      onChange={(e) => onChange({ ...row, value: e.target.value })} />;
  } else {
    value = <InputNumber style={{ width: 140 }} aria-label={t('rules.builder.value')} value={row.value as number}
      onChange={(v) => onChange({ ...row, value: typeof v === 'number' ? v : Number.NaN })} data-testid="builder-number" />;
  }
  return (
    <Space wrap style={{ display: 'flex', marginBottom: 8 }} data-testid="builder-row">
      <Select showSearch style={{ width: 240 }} aria-label={t('rules.builder.metric')} placeholder={t('rules.builder.metric')}
        value={row.metric || undefined} optionFilterProp="label" onChange={pickMetric} data-testid="builder-metric"
        options={metrics.map((m) => ({ value: m.id, label: `${labelOf(m.name, lang, m.id)} (${m.id})` }))} />
      <Select style={{ width: 120 }} aria-label={t('rules.builder.operator')} value={row.op} onChange={pickOp}
        options={ops.map((op) => ({ value: op, label: `${t(OP_KEYS[op])} ${op === 'in' ? '' : op}`.trim() }))} />
      {value}
      <Button size="small" type="text" danger onClick={onRemove} aria-label={t('rules.builder.remove')}>×</Button>
    </Space>
  );
}
