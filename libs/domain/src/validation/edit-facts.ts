import type { Edit, EditCode, EditFix, EditSource, Severity } from './edit';
import { EDIT_TEMPLATES_BY_ID, type EditTemplate } from './text/edit-templates';

/** A value an edit's text is written from: a code, a line number, a date, a count, a list of codes. */
export type EditParam = string | number | boolean | readonly string[];
export type EditParams = Readonly<Record<string, EditParam>>;

/**
 * An edit named by its facts: everything in an Edit but its prose (message, fix.detail), which renderEdit writes
 * from the template named and its parameters (the values the rule had at hand: codes, line numbers, dates, the
 * reference data's values). The compact messages carry this form when it renders back to the very edit (findingsOf).
 */
export interface EditFacts {
  readonly code: EditCode;
  readonly severity: Severity;
  readonly lines: readonly number[];
  readonly source: EditSource;
  readonly fix: Omit<EditFix, 'detail'>;
  readonly template: EditTemplate;
  readonly params: EditParams;
}

/** What a template writes. */
export interface EditText {
  readonly message: string;
  readonly detail: string;
}

/** A template: the prose of one kind of edit from its parameters and the edit's facts (lines, source, fix). */
export type Template<P> = (p: P, f: EditFacts) => EditText;

export type ParamsOf<T extends EditTemplate> = Parameters<(typeof EDIT_TEMPLATES_BY_ID)[T]>[0];

/** The facts each edit of this process was written from (factsOf), kept beside the edit rather than in it. */
const FACTS = new WeakMap<Edit, EditFacts>();

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The whole edit, message and fix detail written by the template; key order as the rules always wrote it. Built
 * field by field (object spread costs microseconds per call in V8, and this runs once per edit).
 */
export function renderEdit(f: EditFacts): Edit {
  const render = EDIT_TEMPLATES_BY_ID[f.template] as Template<EditParams> | undefined;
  if (!render) throw new Error(`unknown edit template ${f.template}`);
  const { message, detail } = render(f.params, f);
  const { action, modifier, units, automatic, replacementCode } = f.fix;
  const fix: Writable<EditFix> = { action } as EditFix;
  if (modifier !== undefined) fix.modifier = modifier;
  if (units !== undefined) fix.units = units;
  fix.detail = detail;
  fix.automatic = automatic;
  if (replacementCode !== undefined) fix.replacementCode = replacementCode;
  return { code: f.code, severity: f.severity, lines: f.lines, message, source: f.source, fix };
}

/** The facts `edit` was written from, when a rule of this process wrote it with editFrom. */
export const factsOf = (edit: Edit): EditFacts | undefined => FACTS.get(edit);

/** A rule's edit: written from its facts by the template, which are remembered for the compact messages (findingsOf). */
export function editFrom<T extends EditTemplate>(template: T, params: ParamsOf<T>, facts: Omit<EditFacts, 'template' | 'params'>): Edit {
  const p: Record<string, EditParam> = {};
  const given = params as Record<string, EditParam | undefined>;
  for (const k in given) if (given[k] !== undefined) p[k] = given[k];
  const { code, severity, lines, source, fix } = facts;
  const f: EditFacts = { code, severity, lines, source, fix, template, params: p };
  const edit = renderEdit(f);
  FACTS.set(edit, f);
  return edit;
}

/** Whether an edit of the findings is named by its facts (renderEdit writes it whole). */
export const isFacts = (e: Edit | EditFacts): e is EditFacts => 'template' in e;
