/** The code page's view types live in libs/domain (code-view); the client imports them from here. */
export type { CodeView, CodeChanges, GuidanceItem, Indicator, LocalityOption, PtpPairView } from '@claimflow/domain';
import type { CodeViewSchema, LocalityOptionsSchema, SameShape } from '@claimflow/contracts';
import type { CodeView, LocalityOption } from '@claimflow/domain';

// The answers are exactly what the contracts (and so the OpenAPI document) describe.
const _codeView: SameShape<typeof CodeViewSchema, CodeView> = true;
const _localities: SameShape<typeof LocalityOptionsSchema, readonly LocalityOption[]> = true;
void [_codeView, _localities];
