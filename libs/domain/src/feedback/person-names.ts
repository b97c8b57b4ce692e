export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Common U.S. given names. Names that are also ordinary words in billing prose (Bill, Will, May,
 * Mark, Grace, Rose, Pat, Frank, Joy, ...) are left out: a name check that fires on "bill the
 * MAC" would teach people to ignore it.
 */
const GIVEN_NAMES = new Set(
  (
    'James John Robert Michael David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Donald Steven ' +
    'Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan ' +
    'Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Dennis Jerry Tyler Aaron Jose Adam Nathan ' +
    'Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Roger Noah Gerald Carl Terry Sean ' +
    'Arthur Jesse Dylan Bryan Joe Billy Bruce Albert Willie Gabriel Alan Juan Roy Ralph Randy ' +
    'Eugene Vincent Russell Elijah Bobby Philip Johnny Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica ' +
    'Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah ' +
    'Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha ' +
    'Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Julie Olivia Joyce ' +
    'Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara ' +
    'Kathryn Janice Abigail Sophia Judy Beverly Denise Marilyn Amber Danielle Diana Brittany Natalie Theresa Doris Kayla ' +
    'Alexis Lori Marie Mohammed Muhammad Ahmed Wei Priya Carlos Luis Miguel Jorge Ana Rosa Carmen Juana Sofia'
  ).split(' '),
);

const TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof)\.?\s+([A-Z][a-z'’-]+)/g;
const LABELLED =
  /\b(?:patient|pt|beneficiary|bene|member|client|resident|spouse|husband|wife|son|daughter|mother|father|caregiver|named|name(?:\s+(?:is|was))?(?:\s*:)?)\s+([A-Za-z][a-z'’-]+)/gi;
const CAPITALIZED_WORD = /\b[A-Z][a-z'’-]+\b/g;

// Capitalized words that legitimately follow "patient", "member" and the like in denial stories.
const NOT_NAMES = new Set(
  (
    'Medicare Medicaid Advantage Part The A An This That Who Was Is Had Has With Without And Or But In On At For From To ' +
    'Responsibility Portal Services Record Records Account Id Number Eligibility Status Care Plan Name Names Birth'
  ).split(' '),
);

function capitalized(word: string): boolean {
  return /^[A-Z][a-z]/.test(word);
}

/** Spans of free text that look like a person's name: after a title or label, or a common given name. */
export function findPersonNames(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const m of text.matchAll(TITLE)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(LABELLED)) {
    const word = m[1];
    if (capitalized(word) && !NOT_NAMES.has(word)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CAPITALIZED_WORD)) {
    if (GIVEN_NAMES.has(m[0])) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
