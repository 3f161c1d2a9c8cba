// The customer's tags on the 360° page: each removable, a new one added by typing it (GET|POST|DELETE
// /customers/{id}/tags). The server normalises a tag (full-width forms, spaces) and answers with the tags as stored.
import { useState } from 'react';
import { App, Button, Input, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';

export function CustomerTags({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const path = `/customers/${encodeURIComponent(customerId)}/tags`;
  const { data, reload } = useLoad(() => api<{ tags: string[] }>(path), [path]);
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[] | null>(null);
  const shown = tags ?? data?.tags ?? [];

  const change = async (call: () => Promise<{ tags: string[] }>) => {
    try {
      setTags((await call()).tags);
    } catch (e) {
      message.error(<span data-testid="c360-tags-error">{errorText(e, t)}</span>);
      setTags(null);
      reload();
    }
  };
  const add = () => {
    const tag = text.trim();
    setAdding(false);
    setText('');
    if (tag) void change(() => api(path, { json: { tag } }));
  };
  const remove = (tag: string) => change(() => api(`${path}?tag=${encodeURIComponent(tag)}`, { method: 'DELETE' }));

  return (
    <Space size={[4, 8]} wrap data-testid="c360-tags" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('tags.title')}:</Typography.Text>
      {shown.length === 0 && !adding && <Typography.Text type="secondary">{t('tags.none')}</Typography.Text>}
      {shown.map((tag) => (
        <Tag key={tag} closable data-testid="c360-tag" data-tag={tag}
          closeIcon={<span aria-label={t('tags.removeOne', { tag })}>×</span>}
          onClose={(e) => { e.preventDefault(); void remove(tag); }}>{tag}</Tag>
      ))}
      {adding ? (
        <Input size="small" autoFocus style={{ width: 180 }} value={text} placeholder={t('tags.placeholder')}
          data-testid="c360-tag-input" aria-label={t('tags.add')} onChange={(e) => setText(e.target.value)}
          onPressEnter={add} onBlur={add} />
      ) : (
        <Button size="small" type="dashed" icon={<PlusOutlined />} data-testid="c360-tag-add"
          onClick={() => setAdding(true)}>{t('tags.add')}</Button>
      )}
    </Space>
  );
}
