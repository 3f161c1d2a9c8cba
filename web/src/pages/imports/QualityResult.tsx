// The data-quality result of an import: nothing is dropped silently, so every row is accounted for here.
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ImportJob } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { useMeta } from '../../api/Meta';
import { warningsOf } from './warnings';

export function QualityResult({ quality }: { quality: NonNullable<ImportJob['quality']> }) {
  const { t, num, lang } = useI18n();
  const { codeName } = useMeta();
  const warnings = warningsOf(quality, lang);
  return (
    <div data-testid="import-quality">
      <Descriptions size="small" column={{ xs: 2, md: 4 }} items={[
        { key: 'rows', label: t('imp.rows'), children: num(quality.rows) },
        { key: 'accepted', label: t('imp.accepted'), children: num(quality.accepted) },
        { key: 'rejected', label: t('imp.rejected'), children: <span data-testid="import-rejected-count">{num(quality.rejected)}</span> },
        { key: 'duplicates', label: t('imp.duplicates'), children: num(quality.duplicates) },
        { key: 'after', label: t('imp.afterAsOf'), children: num(quality.afterAsOf) },
        { key: 'inserted', label: t('imp.inserted'), children: num(quality.inserted) },
        { key: 'unchanged', label: t('imp.unchanged'), children: num(quality.unchanged) },
      ]} />
      {Object.keys(quality.reasons).length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          <Typography.Text>{t('imp.reasons')}:</Typography.Text>
          {Object.entries(quality.reasons).map(([reason, n]) => <Tag key={reason} color="red" title={reason} data-reason={reason}>{codeName('rejectReasons', reason)}: {num(n)}</Tag>)}
        </Space>
      )}
      {warnings.length > 0 && (
        <ul style={{ marginTop: 8 }} data-testid="import-warnings">{warnings.map((w, i) => (
          <li key={i} data-code={w.code ?? ''}><Typography.Text type="warning">{w.text}</Typography.Text></li>
        ))}</ul>
      )}
    </div>
  );
}
