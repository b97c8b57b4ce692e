import type { Sourced } from '../refdata/lookup-code';
import type { AddonEntry, MueEntry, PtpEdit } from '../refdata/tables';
import type { EditCode } from '../validation/edit';
import type { CodeChanges } from './code-changes';

/** One PTP pair, with whether an NCCI-associated modifier can let both codes be paid. */
export interface PtpPairView extends PtpEdit {
  readonly bypassable: boolean;
}

/** A billing rule in our words, tied to the edit that enforces it on a claim. */
export interface GuidanceItem {
  readonly edit: EditCode;
  readonly title: string;
  readonly text: string;
}

export interface Indicator {
  readonly value: string;
  readonly meaning: string;
}

/** What GET /api/codes/{code}?date= answers: everything the code page shows except the money. */
export interface CodeView {
  readonly code: string;
  readonly date: string;
  readonly summary: string | null;
  readonly feeScheduleRelease: string | null;
  readonly status: (Indicator & { readonly payable: boolean }) | null;
  readonly globalDays: Indicator | null;
  readonly pctc: Indicator | null;
  readonly addon: Sourced<AddonEntry | null>;
  readonly mue: Readonly<Record<'practitioner' | 'hospital' | 'dme', Sourced<MueEntry | null>>>;
  readonly ptp: Sourced<{ readonly asColumn1: readonly PtpPairView[]; readonly asColumn2: readonly PtpPairView[] }>;
  readonly guidance: readonly GuidanceItem[];
  /** What changed for this code in the release in use, against the release before it. */
  readonly changes: CodeChanges;
}

export interface LocalityOption {
  readonly id: string;
  readonly state: string;
  readonly name: string;
}
