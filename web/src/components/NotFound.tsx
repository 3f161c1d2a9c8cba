import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18n';

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result status="404" title={t('notFound')} subTitle={t('notFoundDetail')} data-testid="not-found"
      extra={<Button onClick={() => navigate(-1)}>{t('back')}</Button>} />
  );
}
