/**
 * The total handler registries of the model: one handler per tagged event type and one per
 * message event (a missing one fails to compile), each living in the module of its mechanism.
 */
import type { CompactHandler, HandlerRegistry } from '../engine/index.js';
import type { RunContext } from './context.js';
import { onDeliver } from './delivery.js';
import type { ModelEvent } from './events.js';
import { MESSAGE_EVENTS, type MessageEvent } from './messages.js';
import { onBlock, onInboundArrival, onRead, onReply, onReport, onStop } from './feedback.js';
import { onHourEnd } from './hour-end.js';
import { onCampaignStart, onStrategyWake } from './strategy-host.js';
import { onFlagReview, onTierUpgrade } from './tiers.js';
import { onPacingRelease } from './template-pacing.js';
import { onPacingVerdict, onTemplateReinstate } from './templates.js';
import { onThroughputUpgrade } from './throughput.js';
import { onAppOpen, onCoexistenceCheck, onReconnect } from './coexistence.js';
import { onAiPolicy, onAppealReview, onEnforcementEnd, onMetadataChange } from './restrictions.js';

export const HANDLERS: HandlerRegistry<ModelEvent, RunContext> = {
  'campaign-start': onCampaignStart,
  'strategy-wake': onStrategyWake,
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

/** Handlers of the events about one in-flight message, by name; each gets the event's datum (messages.ts `load`). */
const MESSAGE_HANDLERS: Readonly<Record<MessageEvent, CompactHandler<RunContext>>> = {
  deliver: onDeliver,
  read: onRead,
  reply: onReply,
  block: onBlock,
  report: onReport,
  stop: onStop,
};

/** The same handlers by engine kind (MESSAGE_EVENTS order), each releasing its event's hold on the message after it ran. */
export const COMPACT_HANDLERS: readonly CompactHandler<RunContext>[] = MESSAGE_EVENTS.map((name) => {
  const handle = MESSAGE_HANDLERS[name];
  return (datum: number, ctx: RunContext): void => {
    handle(datum, ctx);
    ctx.messages.release(datum);
  };
});
