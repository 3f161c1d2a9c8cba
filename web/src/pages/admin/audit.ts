// The audit log's action codes as the admin reads them (labels in i18n/messages-audit.ts).
import { messages, type MessageKey } from '../../i18n/messages';

const PREFIX = 'audit.';

/** Every action code the server records, in the bundle's order (which groups them by feature). */
export const AUDIT_ACTIONS: string[] = Object.keys(messages.en).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));

/** The action's label; a code this UI does not know (a newer server's) shows as itself rather than nothing. */
export function actionLabel(code: string, t: (key: MessageKey) => string): string {
  const key = PREFIX + code;
  return key in messages.en ? t(key as MessageKey) : code;
}
