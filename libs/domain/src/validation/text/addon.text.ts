import type { EditFacts, Template } from '../edit-facts';

/** The NCCI add-on code types, in words (the edit's source rationale says "add-on <this>"). */
export const ADDON_TYPE_TEXT = {
  1: 'type 1: paid only with one of its listed primary codes',
  2: 'type 2: CMS lists no primary codes, but a primary procedure must be reported',
  3: 'type 3: some primaries are listed and contractors may accept others',
} as const;

/** The listed primaries shown (at most 14), and how many more the add-on's row lists. */
interface Primaries {
  readonly primaries?: readonly string[];
  readonly more?: number;
}

const listed = ({ primaries = [], more }: Primaries): string => (more ? `${primaries.join(', ')} and ${more} more` : primaries.join(', '));

const at = (code: string, f: EditFacts) => `${code} (line ${f.lines[0]})`;

/** ADDON_WITHOUT_PRIMARY and ADDON_MODIFIER_51. */
export const ADDON_TEXT = {
  'addon.other-primary': (p: { code: string } & Primaries, f) => ({
    message: `${at(p.code, f)} is an add-on code (${ADDON_TYPE_TEXT[3]}); none of its listed primaries (${listed(p)}) is on the claim for this date and provider, so payment depends on the MAC accepting the other procedure as its primary.`,
    detail: 'Confirm your MAC accepts the reported primary procedure for this add-on.',
  }),
  'addon.no-primary': (p: { code: string; type: 1 | 2 | 3; date: string } & Primaries, f) => {
    const needs = p.type === 1 ? `one of its listed primary codes (${listed(p)})` : 'a payable primary procedure';
    return {
      message: `${at(p.code, f)} is an add-on code (${ADDON_TYPE_TEXT[p.type]}) reported without ${needs} on ${p.date} by the same provider; an add-on is never paid on its own.`,
      detail: `Report ${p.code} with ${needs} performed in the same session, or remove the line.`,
    };
  },
  'addon.modifier-51': (p: { code: string }, f) => ({
    message: `${at(p.code, f)} is an add-on code and carries modifier 51; add-on codes are exempt from the multiple-procedure reduction, so 51 does not apply.`,
    detail: `Remove modifier 51 from line ${f.lines[0]}.`,
  }),
} satisfies Record<string, Template<never>>;
