// Shows an error as the user should read it (errorText: the translation of its code), plus each field error, in the
// reader's language when the server sent both. The problem's title is HTTP's English reason phrase, so it is not shown.
import { Alert } from 'antd';
import { ApiError } from '../api/problem';
import { useI18n } from '../i18n/I18n';
import { errorText, fieldErrorText } from '../i18n/errors';

export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const detail = errorText(error, t);
  return (
    <Alert
      type="error" showIcon data-testid={testId} style={{ marginBottom: 16 }}
      message={t('err.title')}
      description={
        <>
          <div>{detail}</div>
          {apiError?.errors.length ? (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {apiError.errors.map((e, i) => <li key={i}>{e.field ? <code>{e.field}</code> : null} {fieldErrorText(e, lang)}</li>)}
            </ul>
          ) : null}
        </>
      }
    />
  );
}
