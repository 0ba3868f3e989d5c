import { addMonths } from '../calendar/add-months.js';

/**
 * `count` due dates every `periodMonths` months from `firstDueDate`, each on `dayOfMonth`
 * (default: the first due date's day) clamped to the month's end, so a 31st loan falls due on
 * 28/29 February and on 31 March again.
 */
export function dueDates(firstDueDate: string, periodMonths: number, count: number, dayOfMonth = Number(firstDueDate.slice(8, 10))): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(firstDueDate, i * periodMonths, dayOfMonth));
}
