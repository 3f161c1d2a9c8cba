// A page whose chunk cannot be fetched (a new version was deployed since this tab opened, or the network dropped)
// says so and offers a reload, instead of leaving the frame empty. Other errors pass on as before.
import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { ChunkLoadError } from '../pageChunks';
import { useI18n } from '../i18n/I18n';

type Props = { path: string; children: ReactNode };
type State = { error: unknown; path: string };

export class ChunkBoundary extends Component<Props, State> {
  state: State = { error: null, path: this.props.path };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  // Another page may load fine (its chunk may be cached), so moving on clears the message.
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.path === state.path ? null : { error: null, path: props.path };
  }

  render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof ChunkLoadError) return <ChunkFailed />;
    throw error;
  }
}

function ChunkFailed() {
  const { t } = useI18n();
  return (
    <div data-testid="chunk-failed">
      <Result status="warning" title={t('chunkFailed')} subTitle={t('chunkFailedDetail')}
        extra={<Button type="primary" data-testid="chunk-reload" onClick={() => window.location.reload()}>{t('reload')}</Button>} />
    </div>
  );
}
