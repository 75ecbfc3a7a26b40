/**
 * The total handler registry of the model: one handler per event type (a missing one fails to
 * compile), each living in the module of its mechanism.
 */
import type { HandlerRegistry } from '../engine/index.js';
import type { RunContext } from './context.js';
import { onDeliver } from './delivery.js';
import type { ModelEvent } from './events.js';
import { onBlock, onInboundArrival, onRead, onReply, onReport, onStop } from './feedback.js';
import { onHourEnd } from './hourly.js';
import { onCampaignStart, onStrategyWake } from './strategy-host.js';
import { onFlagReview, onTierUpgrade } from './tiers.js';
import { onPacingRelease, onPacingVerdict } from './template-pacing.js';
import { onTemplateReinstate } from './templates.js';
import { onThroughputUpgrade } from './throughput.js';
import { onAppOpen, onCoexistenceCheck, onReconnect } from './coexistence.js';
import { onAiPolicy, onAppealReview, onEnforcementEnd, onMetadataChange } from './restrictions.js';

export const HANDLERS: HandlerRegistry<ModelEvent, RunContext> = {
  'campaign-start': onCampaignStart,
  'strategy-wake': onStrategyWake,
  deliver: onDeliver,
  read: onRead,
  reply: onReply,
  block: onBlock,
  report: onReport,
  stop: onStop,
  'inbound-arrival': onInboundArrival,
  'tier-upgrade': onTierUpgrade,
  'flag-review': onFlagReview,
  'pacing-verdict': onPacingVerdict,
  'pacing-release': onPacingRelease,
  'template-reinstate': onTemplateReinstate,
  'throughput-upgrade': onThroughputUpgrade,
  'app-open': onAppOpen,
  'coexistence-check': onCoexistenceCheck,
  reconnect: onReconnect,
  'enforcement-end': onEnforcementEnd,
  'appeal-review': onAppealReview,
  'metadata-change': onMetadataChange,
  'ai-policy': onAiPolicy,
  'hour-end': onHourEnd,
};
