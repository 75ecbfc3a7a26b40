/**
 * Every chart of the report, in page order. Adding a chart: write a file in this folder
 * exporting a `ChartDefinition`, add its id to `CHART_IDS` and its entry to `CHARTS` (the
 * `Record` type makes a missing entry a compile error).
 */
import type { ChartDefinition } from '../chart-types.js';
import { blocksPerDay } from './blocks-per-day.js';
import { cumulativeDelivered } from './cumulative-delivered.js';
import { failuresByCode } from './failures-by-code.js';
import { limitAndUnique } from './limit-and-unique.js';
import { pacingPerDay } from './pacing-per-day.js';
import { qualityTimeline } from './quality-timeline.js';
import { repliesPerDay } from './replies-per-day.js';
import { seedSpread } from './seed-spread.js';
import { statusTimeline } from './status-timeline.js';
import { trustScore } from './trust-score.js';
import { unansweredCounter } from './unanswered-counter.js';

export const CHART_IDS = [
  'cumulative-delivered',
  'limit-and-unique',
  'failures-by-code',
  'blocks-per-day',
  'replies-per-day',
  'pacing-per-day',
  'quality-timeline',
  'status-timeline',
  'trust-score',
  'unanswered-counter',
  'seed-spread',
] as const;

export type ChartId = (typeof CHART_IDS)[number];

export const CHARTS: Readonly<Record<ChartId, ChartDefinition>> = {
  'cumulative-delivered': cumulativeDelivered,
  'limit-and-unique': limitAndUnique,
  'failures-by-code': failuresByCode,
  'blocks-per-day': blocksPerDay,
  'replies-per-day': repliesPerDay,
  'pacing-per-day': pacingPerDay,
  'quality-timeline': qualityTimeline,
  'status-timeline': statusTimeline,
  'trust-score': trustScore,
  'unanswered-counter': unansweredCounter,
  'seed-spread': seedSpread,
};
