import { OWNER_PLACEHOLDER } from '@claimflow/contracts';

/** Same characters as KAFKA_OWNER in @claimflow/contracts: no dot, so the owner ends where a TOPIC_SUFFIX begins. */
const OWNER = '([A-Za-z0-9_-]{1,80})';
const PLACEHOLDER_SUFFIX = `.${OWNER_PLACEHOLDER}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const familyRegex = (base: string, suffix: string) => new RegExp(`^${escape(base)}\\.${OWNER}${escape(suffix)}$`);

/** The owner a physical topic `<base>.<owner><suffix>` names, or undefined when it is not one of that family's topics. */
export function ownerOfTopic(base: string, topic: string, suffix: string): string | undefined {
  return familyRegex(base, suffix).exec(topic)?.[1];
}

/**
 * The owner-topic families among a server's handler patterns (`<base>.{owner}`, see ownerTopicPattern), matched
 * against physical topic names: which handler a per-owner topic goes to, and which of the broker's topics to consume.
 */
export class OwnerTopics {
  private readonly families: readonly { readonly pattern: string; readonly regex: RegExp }[];

  constructor(patterns: Iterable<string>, suffix: string) {
    this.families = [...patterns]
      .filter((p) => p.endsWith(PLACEHOLDER_SUFFIX))
      .map((pattern) => ({ pattern, regex: familyRegex(pattern.slice(0, -PLACEHOLDER_SUFFIX.length), suffix) }));
  }

  get any(): boolean {
    return this.families.length > 0;
  }

  isFamily(pattern: string): boolean {
    return this.families.some((f) => f.pattern === pattern);
  }

  /** The handler pattern a physical owner topic is handled by, or undefined. */
  patternOf(topic: string): string | undefined {
    return this.families.find((f) => f.regex.test(topic))?.pattern;
  }

  /** Of the broker's topics, those of an owner family, sorted. */
  select(topics: readonly string[]): string[] {
    return topics.filter((t) => this.patternOf(t) !== undefined).sort();
  }
}
