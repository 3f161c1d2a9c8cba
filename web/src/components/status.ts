// antd tag colours of run and import statuses.
export const STATUS_COLOR: Record<string, string> = { running: 'processing', queued: 'default', succeeded: 'success', failed: 'error' };
