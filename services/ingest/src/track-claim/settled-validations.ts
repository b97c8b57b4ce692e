/**
 * Ids a generation holds before the older one is dropped: at most twice this many are kept, 5.0 MB of heap measured
 * for 65,536 (77 bytes an id, node 20), against ingest's 400 MB. Held-back validations are read 30-60 s after they
 * were written (INGEST_VALIDATION_HOLD_MS, heldBack); at the 1,100-1,800 claims/s of the pipeline bench's burst that
 * is 33,000-108,000 claims, so a sustained burst that long outruns it, and the rest are read and decided as before.
 */
const GENERATION = 32_768;

/**
 * Claims this process has recorded in a state where a validation is settled for good (validationSettled in the
 * lifecycle: priced), the latest kept: their held-back validations need not be read. It only saves work: a claim not
 * found here (older, priced by another instance, before a restart) has its validation read and decided as before,
 * which decides the same nothing.
 */
export class SettledValidations {
  private current = new Set<string>();
  private previous = new Set<string>();

  add(claimId: string): void {
    this.current.add(claimId);
    if (this.current.size < GENERATION) return;
    this.previous = this.current;
    this.current = new Set();
  }

  has(claimId: string): boolean {
    return this.current.has(claimId) || this.previous.has(claimId);
  }
}
