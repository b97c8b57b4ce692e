/** The code page's view types live in libs/domain (code-view); the client imports them from here. */
export type { CodeView, CodeChanges, GuidanceItem, Indicator, LocalityOption, PtpPairView } from '@claimflow/domain';
