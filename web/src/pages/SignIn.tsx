import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useSession } from '../auth/Session';
import { useI18n } from '../i18n/I18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { preloadPageAt } from '../pageChunks';

export function SignIn() {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const from = (useLocation().state as { from?: string } | null)?.from;
  // The page that follows sign-in loads while the user types, so it is ready when the session is.
  useEffect(() => preloadPageAt(from ?? '/'), [from]);

  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try { await signIn(username.trim(), password); } catch (e) { setError(e); } finally { setBusy(false); }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380, maxWidth: 'calc(100vw - 16px)' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('signin.title')}</Typography.Title>
          <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]} />
        </div>
        <Typography.Paragraph type="secondary">{t('appName')}</Typography.Paragraph>
        <ErrorAlert error={error} testId="signin-error" />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('signin.username')}
            rules={[{ required: true, message: t('signin.required', { field: t('signin.username') }) }]}>
            <Input autoFocus autoComplete="username" data-testid="signin-username" />
          </Form.Item>
          <Form.Item name="password" label={t('signin.password')}
            rules={[{ required: true, message: t('signin.required', { field: t('signin.password') }) }]}>
            <Input.Password autoComplete="current-password" data-testid="signin-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">{t('signin.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
