/** Every stylized fact of the calibration suite, in the order the table prints them. */
import type { Fact } from '../fact.js';
import { carefulNeverWorse } from './careful.js';
import { cloudApiLadder, sameVolumeByChannel, trustScoreRiskIndicator } from './channels.js';
import { coexistenceAppOpen } from './coexistence.js';
import { coldListTurnsRed, limitNeverLowered, pausedTemplateFails } from './quality.js';
import { retryLoop131049 } from './retries.js';
import { repliesGoAtTheLimit } from './service-window.js';
import { blastReachesFewer, cleanListClimbs } from './tiers.js';
import { warmupFollowsSchedule, webSessionWarmup } from './web-session.js';

export const FACTS: readonly Fact[] = [
  cleanListClimbs,
  blastReachesFewer,
  coldListTurnsRed,
  limitNeverLowered,
  pausedTemplateFails,
  repliesGoAtTheLimit,
  sameVolumeByChannel,
  webSessionWarmup,
  warmupFollowsSchedule,
  retryLoop131049,
  carefulNeverWorse,
  coexistenceAppOpen,
  cloudApiLadder,
  trustScoreRiskIndicator,
];
