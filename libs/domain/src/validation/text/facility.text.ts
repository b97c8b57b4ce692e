import { FACILITY_PACKAGED, type PackagedCodeGroup } from '../data/facility-packaged.data';
import type { Template } from '../edit-facts';

/** The packaged code group of each code (the last group naming it). */
export const PACKAGED_BY_CODE: ReadonlyMap<string, PackagedCodeGroup> = new Map(
  FACILITY_PACKAGED.flatMap((group) => group.codes.map((code) => [code, group] as const)),
);

/** FACILITY_PACKAGED: the group's summary is the domain's own table. */
export const FACILITY_TEXT = {
  'facility.packaged': (p: { code: string; pos: string }, f) => ({
    message: `${p.code} (line ${f.lines[0]}) on this facility claim (place of service ${p.pos}): ${PACKAGED_BY_CODE.get(p.code)!.summary}, so the facility receives no separate payment for it. The interpreting physician's professional component (${p.code}-26, on the professional claim) is unaffected.`,
    detail: 'Keep the line for cost reporting; expect no separate APC payment for it.',
  }),
} satisfies Record<string, Template<never>>;
