/** Facts about quality, template pausing and scaling (MODEL.md §2, §3, §11 row 3). */
import { QUALITY_CODES } from '../../../src/model/series-codes.js';
import { count, type Fact, fmt, mean, most, ofRuns, runsOf, redHours, sweep, tracedRuns } from '../fact.js';
import { campaign, optedInList, phone, template } from '../lists.js';

const PAUSING = 'Meta "Template pausing" (developers.facebook.com/docs/whatsapp/business-management-api/message-templates/template-pausing)';
const LIMIT_CHANGES = 'Meta "Upcoming changes to messaging limits" (2025-10-07: a quality drop never lowers the limit, it blocks scaling)';

/**
 * A verified portfolio already at TIER_2K (so a GREEN number would upgrade to 10K within a day)
 * whose cloud-api number mails a list that blocks 2–3% of messages, 1,800 a day with tier-aware.
 */
export function coldList(): Record<string, unknown> {
  return {
    name: 'cold-list',
    policy: 'meta-2025-10',
    horizonDays: 7,
    portfolio: { verified: true, startTier: 'TIER_2K', numbers: [phone('cloud-api', 180)] },
    templates: [template()],
    audience: { segments: [optedInList(12_000, { blockProbability: { uniform: [0.02, 0.03] }, replyProbability: 0.05 })] },
    campaigns: [campaign()],
    strategies: ['tier-aware'],
  };
}

/** Hours in which the tier index rose while the number stood RED (that hour or the one before). */
function upgradesWhileRed(series: Readonly<Record<string, readonly number[]>>): number {
  const tier = series.tierIndex;
  const quality = series['quality.main'] ?? [];
  let n = 0;
  for (let h = 1; h < tier.length; h++) {
    if (tier[h] > tier[h - 1] && (quality[h] === QUALITY_CODES.RED || quality[h - 1] === QUALITY_CODES.RED)) n++;
  }
  return n;
}

/** Hours in which the tier index fell. */
function downgrades(series: Readonly<Record<string, readonly number[]>>): number {
  const tier = series.tierIndex;
  let n = 0;
  for (let h = 1; h < tier.length; h++) if (tier[h] < tier[h - 1]) n++;
  return n;
}

export const coldListTurnsRed: Fact = {
  id: 'cold-list-turns-red',
  fact: "A list with 2–3% blocks turns the number's quality RED within a week, pauses its marketing template and freezes scaling (no tier upgrade while RED)",
  source: `MODEL.md §11 row 3; seeds/000_ac09f1fd974468da.txt, seeds/003_bb4d35adda67ac79.txt (over 2% blocks → Low); ${PAUSING}; ${LIMIT_CHANGES}`,
  expected: 'RED within 7 days in most runs; template paused ≥ 1 time in most runs; 0 upgrades while RED in all runs',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const runs = runsOf(await sweep(coldList(), run), 'tier-aware');
    const red = count(runs, (r) => redHours(r, 'main') > 0);
    const paused = count(runs, (r) => r.summary.templatePauses >= 1);
    const bad = runs.reduce((a, r) => a + upgradesWhileRed(r.series), 0);
    const n = runs.length;
    return {
      figure: `RED in ${ofRuns(red, n)} (mean ${fmt(mean(runs.map((r) => redHours(r, 'main'))), 0)} h RED); paused in ${ofRuns(paused, n)}; ${bad} upgrades while RED`,
      pass: most(red, n) && most(paused, n) && bad === 0,
    };
  },
};

export const limitNeverLowered: Fact = {
  id: 'limit-never-lowered',
  fact: 'Under the 2025-10 rules low quality never lowers the messaging limit (no FLAGGED state, no downgrade): it only stops scaling',
  source: `${LIMIT_CHANGES}; MODEL.md §1 table`,
  expected: 'the tier index never falls in any run of the cold-list scenario',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const runs = runsOf(await sweep(coldList(), run), 'tier-aware');
    const falls = runs.reduce((a, r) => a + downgrades(r.series), 0);
    const red = count(runs, (r) => redHours(r, 'main') > 0);
    return { figure: `${falls} downgrades over ${runs.length} runs (RED in ${ofRuns(red, runs.length)})`, pass: falls === 0 && red > 0 };
  },
};

/** A verified TIER_10K portfolio mailing a 3%-block list 3,000 a day with tier-aware (which does not stop on 132015). */
export function pausingList(): Record<string, unknown> {
  return {
    name: 'paused-template',
    policy: 'meta-2025-10',
    horizonDays: 4,
    portfolio: { verified: true, startTier: 'TIER_10K', numbers: [phone('cloud-api', 180)] },
    templates: [template()],
    audience: { segments: [optedInList(12_000, { blockProbability: 0.03, replyProbability: 0.05 })] },
    campaigns: [campaign({ dailyTarget: 3000 })],
    strategies: ['tier-aware'],
  };
}

export const pausedTemplateFails: Fact = {
  id: 'paused-template-132015',
  fact: "While a template is paused, every send of it fails with 132015 (not charged, not counted toward the limit), until it is reinstated",
  source: `${PAUSING}; Meta error codes (132015 template paused), developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes; MODEL.md §3`,
  expected: 'in every run, 0 sends of the template accepted while it is paused; in most runs ≥ 1 send refused with 132015 while paused',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const runs = await tracedRuns(pausingList(), 'tier-aware', run);
    let accepted = 0;
    let otherCodes = 0;
    const refusedRuns = count(runs, ({ trace }) => {
      let pausedSince = -1;
      let refused = 0;
      for (const r of trace) {
        if (r.kind === 'template-status') pausedSince = r.status === 'PAUSED' ? r.t : -1;
        else if (pausedSince >= 0 && r.template === 0 && r.kind === 'accepted') accepted++;
        else if (pausedSince >= 0 && r.template === 0 && r.kind === 'rejected') {
          if (r.code === 132015) refused++;
          else otherCodes++;
        }
      }
      return refused > 0;
    });
    const n = runs.length;
    return {
      figure: `${accepted} accepted while paused; 132015 while paused in ${ofRuns(refusedRuns, n)}; ${otherCodes} other refusals while paused`,
      pass: accepted === 0 && most(refusedRuns, n),
    };
  },
};
