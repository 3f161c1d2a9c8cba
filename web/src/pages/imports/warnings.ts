// What an import's reader should check about its rows, and whether the page still waits for news of the import
// (issue 17). The server sends each warning's sentence in both languages (strata.server.intake.ImportWarning) and the
// page picks the reader's; imports stored before warnings had codes carry their English text under both, with no code.
import type { ImportJob } from '../../api/types';
import { labelOf, type Lang } from '../../i18n/locale';

export interface ShownWarning { code: string | null; text: string }

export function warningsOf(quality: NonNullable<ImportJob['quality']>, lang: Lang): ShownWarning[] {
  return (quality.warnings ?? []).map((w) => ({ code: w.code, text: labelOf(w, lang, w.code ?? '') }));
}

/**
 * Polls after an import succeeded, waiting for the run it starts: the server starts it just after it marks the import
 * succeeded, so the poll that sees the success may come before the run is linked (runId). A server with runs after
 * imports turned off links none, so the page gives up after this many polls.
 */
export const RUN_LINK_POLLS = 3;

/** Whether to ask for the job again: while it is queued or running, and a few times after success for its run. */
export function keepPolling(job: Pick<ImportJob, 'status' | 'runId'> | null, pollsSinceSuccess: number): boolean {
  if (!job) return false;
  if (job.status === 'queued' || job.status === 'running') return true;
  return job.status === 'succeeded' && job.runId == null && pollsSinceSuccess < RUN_LINK_POLLS;
}
