import { navigate } from '../../router';

export interface PaymentChoice {
  readonly year: number;
  readonly locality: string;
  readonly zip: string;
  readonly pos: '11' | '22';
}

const thisYear = () => new Date().getUTCFullYear();
export const YEARS = [thisYear(), thisYear() - 1, thisYear() - 2];

/** The date a year stands for: today in the current year, otherwise mid-year. */
export function dateForYear(year: number): string {
  return year === thisYear() ? new Date().toISOString().slice(0, 10) : `${year}-07-01`;
}

export function paymentChoice(query: URLSearchParams): PaymentChoice {
  const year = Number(query.get('year'));
  return {
    year: YEARS.includes(year) ? year : YEARS[0],
    locality: /^\d{5}-\d{2}$/.test(query.get('locality') ?? '') ? query.get('locality')! : '',
    zip: /^\d{5}$/.test(query.get('zip') ?? '') ? query.get('zip')! : '',
    pos: query.get('pos') === '22' ? '22' : '11',
  };
}

/** Choices live in the URL so that a priced view can be shared or bookmarked. */
export function choose(code: string, choice: PaymentChoice): void {
  const q = new URLSearchParams({ year: String(choice.year), pos: choice.pos });
  if (choice.locality) q.set('locality', choice.locality);
  if (choice.zip) q.set('zip', choice.zip);
  navigate(`/codes/${code}?${q}`, { replace: true });
}

export function feeScheduleUrl(code: string, c: PaymentChoice): string {
  const q = new URLSearchParams({ date: dateForYear(c.year), latest: 'true', pos: c.pos });
  if (c.zip) q.set('zip', c.zip);
  else if (c.locality) q.set('locality', c.locality);
  return `/api/pricing/v1/fee-schedule/${encodeURIComponent(code)}?${q}`;
}
