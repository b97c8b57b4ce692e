import type { CodeViewSchema, LocalityOptionsSchema, SameShape } from '@claimflow/contracts';
import type { AddonEntry, EditCode, MueEntry, PtpEdit, Sourced } from '@claimflow/domain';

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
}

export interface LocalityOption {
  readonly id: string;
  readonly state: string;
  readonly name: string;
}

// The answers are exactly what the contracts (and so the OpenAPI document) describe.
const _codeView: SameShape<typeof CodeViewSchema, CodeView> = true;
const _localities: SameShape<typeof LocalityOptionsSchema, readonly LocalityOption[]> = true;
void [_codeView, _localities];
