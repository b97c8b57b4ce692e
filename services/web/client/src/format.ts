const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export const money = (n: number | null | undefined): string => (n === null || n === undefined ? 'n/a' : usd.format(n));
export const rvu = (n: number): string => n.toFixed(2);
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
