// The metrics a tier condition may read, by their names in the user's language, so a rule writer need not know the
// codes by heart; folded by default to leave the editor room.
import { useState } from 'react';
import { Collapse, Input, Table } from 'antd';
import { useMeta } from '../../api/Meta';
import type { MetricInfo } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { labelOf } from '../../i18n/locale';

export function MetricHelp() {
  const { t, lang } = useI18n();
  const { meta } = useMeta();
  const [filter, setFilter] = useState('');
  const metrics = meta?.metrics ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? metrics.filter((m) => [m.id, m.name.zh, m.name.en, labelOf(m.help, lang)]
    .some((s) => s.toLowerCase().includes(needle))) : metrics;
  return (
    <Collapse size="small" style={{ marginBottom: 12 }} data-testid="model-metrics" items={[{
      key: 'metrics', label: t('model.metrics', { n: metrics.length }),
      children: <>
        <Input.Search allowClear placeholder={t('model.metricFilter')} value={filter} onChange={(e) => setFilter(e.target.value)}
          style={{ marginBottom: 8 }} />
        <Table<MetricInfo> rowKey="id" size="small" dataSource={shown} pagination={false} scroll={{ x: true, y: 360 }}
          columns={[
            { title: t('model.metricName'), key: 'name', render: (_: unknown, m) => labelOf(m.name, lang, m.id) },
            { title: t('model.metricCode'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t('model.metricType'), dataIndex: 'type', render: (type: MetricInfo['type']) => t(`model.type.${type}`) },
            { title: t('model.metricHelp'), key: 'help', render: (_: unknown, m) => labelOf(m.help, lang) },
          ]} />
      </>,
    }]} />
  );
}
