// Which columns the customer table shows; the choice is the browser's default (localStorage) and part of a saved view.
import { Button, Checkbox, Popover, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { COLUMNS, FIXED_COLUMN, type Column } from './views';

/** Each column's title, as the table heads it. */
export const COLUMN_TITLES: Record<Column, MessageKey> = {
  id: 'cust.id', name: 'cust.name', tier: 'cust.tier', owner: 'cust.owner', lifecycle: 'cust.lifecycle',
  segment: 'cust.segment', abc: 'cust.abc', compositeScore: 'cust.score', monetary: 'cust.monetary',
  frequency: 'cust.frequency', recencyDays: 'cust.recency', clv: 'cust.clv', pAlive: 'cust.pAlive',
  nextTask: 'cust.nextTask',
};

export function ColumnChooser({ columns, onChange }: { columns: Column[]; onChange: (columns: Column[]) => void }) {
  const { t } = useI18n();
  const content = (
    <Space direction="vertical" data-testid="column-chooser">
      <Checkbox.Group value={columns} onChange={(v) => onChange(v as Column[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={COLUMNS.map((c) => ({ value: c, label: t(COLUMN_TITLES[c]), disabled: c === FIXED_COLUMN }))} />
      <Button size="small" data-testid="columns-all" onClick={() => onChange([...COLUMNS])}>{t('columns.all')}</Button>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content}>
      <Button icon={<SettingOutlined />} data-testid="columns-button">{t('columns.choose')}</Button>
    </Popover>
  );
}
