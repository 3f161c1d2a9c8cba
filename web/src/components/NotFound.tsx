import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18n';

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    // antd's Result does not pass data attributes on, hence the wrapper.
    <div data-testid="not-found">
      <Result status="404" title={t('notFound')} subTitle={t('notFoundDetail')}
        extra={<Button onClick={() => navigate(-1)}>{t('back')}</Button>} />
    </div>
  );
}

export function NoAccess() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div data-testid="no-access">
      <Result status="403" title={t('noAccess')} subTitle={t('noAccessDetail')}
        extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />
    </div>
  );
}
