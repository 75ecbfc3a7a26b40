/** A template's pacing assessment (MODEL.md §3); written by template-pacing.ts. */

export interface PacingState {
  /** The template still needs a quality assessment (new, or just unpaused). */
  needsAssessment: boolean;
  phase: 'open' | 'holding' | 'releasing';
  /** Assessment cycle; events of an older cycle are ignored. */
  cycle: number;
  /** Messages sent in this cycle, and the batch's feedback. */
  sent: number;
  delivered: number;
  negative: number;
  signals: number;
  /** Held messages, HELD_FIELDS numbers each. */
  held: number[];
  /** Next held message to release (index into `held` / HELD_FIELDS). */
  releaseFrom: number;
}
