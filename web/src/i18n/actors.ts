// Who did something, as the user reads it: the server writes "system" for its own work (the default model, scheduled
// runs, returns to the pool) as a machine name, and the page says it in the user's language.
import type { MessageKey } from './messages';

const SYSTEM = 'system';

export function actorName(username: string | null | undefined, t: (key: MessageKey) => string): string {
  if (!username) return '—';
  return username === SYSTEM ? t('actor.system') : username;
}
