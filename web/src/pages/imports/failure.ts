// Why an import failed, as the import page shows it (issue 17): the server sends the sentence in both languages
// (strata.server.intake.ImportFailure) and the page picks the reader's; imports that failed before failures had codes
// carry their English text under both, with no code.
import type { ImportJob } from '../../api/types';
import { labelOf, type Lang } from '../../i18n/locale';

export interface ShownFailure { code: string | null; text: string }

export function failureOf(job: Pick<ImportJob, 'error'>, lang: Lang): ShownFailure | null {
  if (!job.error) return null;
  return { code: job.error.code, text: labelOf(job.error, lang, job.error.code ?? '') };
}
