/**
 * Chart: the enforcement timeline — each phone number's status (connected, flagged, restricted,
 * in review, disconnected, banned or disabled), coloured apart by how the path that set it is
 * known: Meta's documented policy ladder, a reported rule, or a community estimate (seed 003's
 * trust score and block cascade), MODEL.md §6b.
 */
import type { ChartDefinition } from '../chart-types.js';
import { STATUS_STATES, statusStateSeries } from '../status-states.js';
import { READ_STRIPS, timelineChart } from './timeline-chart.js';

export const statusTimeline: ChartDefinition = {
  name: 'enforcement timeline (phone-number status)',
  dependsOn: ['trust', 'restrictions', 'coexistence', 'policyEnforcement'],
  build: (data) =>
    timelineChart(data, {
      prefix: 'status.',
      codes: Object.fromEntries(STATUS_STATES.map((s, i) => [s.name, i])),
      colors: Object.fromEntries(STATUS_STATES.map((s) => [s.name, s.color])),
      seriesOf: (run, number) => statusStateSeries(run, number, data.hours),
      legendPresentOnly: true,
      legendColumns: 2,
      title: 'Enforcement timeline: phone-number status, by the path that set it',
      subtitle: [READ_STRIPS, 'Darkest: documented (Meta’s policy ladder) · middle: reported · palest: community estimate (seed 003)'],
      legendTitle: 'Status · how its path is known',
      skipIfAllZero: 'every number stayed connected in every run (no flag, restriction, review, disconnect or ban)',
      caption:
        'When a number was flagged, restricted (no business-initiated sends; Meta’s 5- and 7-day blocks also stop replies), in review, disconnected (a coexistence number whose app was not opened) or banned or disabled — and which rule did it. “documented”: Meta’s policy-enforcement ladder; “reported”: the identity review, AI policy and coexistence rules (seed 000, BSPs); “community estimate”: seed 003’s trust score and block cascade, which restrict coexistence and web-session numbers and, on cloud-api numbers, only where a scenario turns them on. Policy warnings restrict nothing and appear only in the enforcement table.',
    }),
};
