import type { Dataset } from '../refdata/release';
import type { NotChecked } from './edit';
import { familyOf } from './refdata-gaps';
import { same } from './same-json';

/** A NotChecked entry as the compact messages carry it alone: `family` left out when it is the dataset's (familyOf). */
export type SingleNotChecked = Omit<NotChecked, 'family'> & { readonly family?: string };

/**
 * Consecutive NotChecked entries that differ only in their dataset, stated once: with a stand-in NCCI release its
 * PTP, MUE and add-on entries repeat the release, its span, the lines and the dates (the MUE and add-on ones are the
 * same but for the dataset: 170 bytes saved a validated and a priced message).
 */
export type GroupedNotChecked = Omit<NotChecked, 'family' | 'dataset'> & { readonly datasets: readonly Dataset[] };

export type FindingNotChecked = SingleNotChecked | GroupedNotChecked;

const isGrouped = (c: FindingNotChecked): c is GroupedNotChecked => 'datasets' in c;

/** The entry without its dataset (and family: only entries whose family is the dataset's are grouped). */
function restOf(c: SingleNotChecked): Omit<NotChecked, 'family' | 'dataset'> {
  const { dataset: _dataset, family: _family, ...rest } = c;
  void [_dataset, _family];
  return rest;
}

/** The same fields in the same order with the same values, so that expanding the group gives each entry back exactly. */
const sameRest = (a: object, b: object) => same(a, b) && Object.keys(a).join() === Object.keys(b).join();

/** The entries, each run of consecutive ones that differ only in their dataset (family left out) stated once. */
export function groupNotChecked(entries: readonly SingleNotChecked[]): readonly FindingNotChecked[] {
  const out: FindingNotChecked[] = [];
  for (let i = 0; i < entries.length;) {
    const first = entries[i];
    const rest = first.family === undefined ? restOf(first) : undefined;
    let j = i + 1;
    while (rest && j < entries.length && entries[j].family === undefined && sameRest(restOf(entries[j]), rest)) j++;
    out.push(rest && j - i > 1 ? { datasets: entries.slice(i, j).map((c) => c.dataset), ...rest } : first);
    i = j;
  }
  return out;
}

/** The entries whole: a group as one entry per dataset, and where `family` was left out, the dataset's wording after `dataset`. */
export const notCheckedOfFindings = (notChecked: readonly FindingNotChecked[]): readonly NotChecked[] =>
  notChecked.flatMap((c) => {
    if (isGrouped(c)) {
      const { datasets, ...rest } = c;
      return datasets.map((dataset) => ({ dataset, family: familyOf(dataset) ?? dataset, ...rest }));
    }
    if (c.family !== undefined) return [c as NotChecked];
    const { dataset, ...rest } = c;
    return [{ dataset, family: familyOf(dataset) ?? dataset, ...rest }];
  });
