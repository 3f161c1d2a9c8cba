// A model version's author and note as the user reads them: Strata's default model (builtIn) is stored with an
// English note by the actor "system", machine values the API keeps; the page says them in the user's language.
import type { ModelVersion } from '../../api/types';
import { actorName } from '../../i18n/actors';
import type { MessageKey } from '../../i18n/messages';

type T = (key: MessageKey) => string;

export function versionNote(v: ModelVersion, t: T): string {
  return v.builtIn ? t('model.builtInNote') : v.note ?? '';
}

export function versionAuthor(v: ModelVersion, t: T): string {
  return actorName(v.createdBy, t);
}
