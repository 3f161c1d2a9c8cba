// The customer list's "next step": the open task due first, as a rep reads it on a card or in the table.
import type { CustomerRow } from '../../api/types';

/** The local calendar day as ISO (yyyy-mm-dd), which is how due dates come from the server. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The parts of a row's next step to show, or null when nothing is planned; overdue when due before today. */
export function nextStep(row: Pick<CustomerRow, 'nextTask'>, today: string):
  { type: string; channel: string | null; dueDate: string; overdue: boolean } | null {
  const task = row.nextTask;
  if (!task) return null;
  return { type: task.type, channel: task.channel, dueDate: task.dueDate, overdue: task.dueDate < today };
}
