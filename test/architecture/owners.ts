/**
 * One owner per state field (issue 17, STYLE.md habit 13): `Interface.field` → the one module
 * allowed to write it. ownership.test.ts fails on a write from any other file, on a field of a
 * listed interface that has no owner here, and on an entry naming a field or file that is gone.
 *
 * How owners were picked: the field's doc comment when it names one ("owned by quality.ts"),
 * otherwise the module whose mechanism the field belongs to. A field that holds another slice
 * (`NumberState.trust`) belongs to that slice's owner. Fields set once when the world is built
 * and never written again (ids, policy, indices) belong to build.ts. The three shared data
 * structures at the end are written only through their own module's functions.
 */
const BUILD = 'src/model/build.ts';
const COEXISTENCE = 'src/model/coexistence.ts';
const FEEDBACK = 'src/model/feedback.ts';
const GRAPH_API = 'src/model/graph-api.ts';
const HOURLY_RING = 'src/model/hourly-ring.ts';
const MARKETING_CAP = 'src/model/marketing-cap.ts';
const PAIR_RATE = 'src/model/pair-rate.ts';
const POLICY_ENFORCEMENT = 'src/model/policy-enforcement.ts';
const PRICING = 'src/model/pricing.ts';
const QUALITY = 'src/model/quality.ts';
const RECIPIENTS = 'src/model/recipients.ts';
const RESTRICTIONS = 'src/model/restrictions.ts';
const SERVICE_WINDOW = 'src/model/service-window.ts';
const TEMPLATE_PACING = 'src/model/template-pacing.ts';
const TEMPLATES = 'src/model/templates.ts';
const THROUGHPUT = 'src/model/throughput.ts';
const TIERS = 'src/model/tiers.ts';
const TIMED_FIFO = 'src/model/timed-fifo.ts';
const TRUST_SCORE = 'src/model/trust-score.ts';
const UNANSWERED = 'src/model/unanswered.ts';
const UNIQUE_COUNTER = 'src/model/unique-counter.ts';

export const OWNERS: Readonly<Record<string, string>> = {
  // state/world.ts: a number
  'NumberState.index': BUILD,
  'NumberState.id': BUILD,
  'NumberState.phoneNumberId': BUILD,
  'NumberState.displayPhoneNumber': BUILD,
  'NumberState.channel': BUILD,
  'NumberState.ageDays': BUILD,
  'NumberState.pool': TIERS,
  'NumberState.windowUntil': SERVICE_WINDOW,
  'NumberState.blocked': FEEDBACK, // a recipient's block
  'NumberState.quality': QUALITY, // "owned by quality.ts"
  'NumberState.feedback': QUALITY,
  'NumberState.flaggedSince': TIERS, // legacy FLAGGED state (tiers.ts onQualityChange)
  'NumberState.lastAppOpen': COEXISTENCE,
  'NumberState.appOpen': COEXISTENCE,
  'NumberState.window': THROUGHPUT, // unique users for the throughput upgrade
  'NumberState.throughput': THROUGHPUT,
  'NumberState.pairTat': PAIR_RATE,
  'NumberState.enforcement': RESTRICTIONS,
  'NumberState.trust': TRUST_SCORE,

  // state/world.ts: a template
  'TemplateState.index': BUILD,
  'TemplateState.id': BUILD,
  'TemplateState.category': BUILD,
  'TemplateState.personalized': BUILD,
  'TemplateState.branded': BUILD,
  'TemplateState.sameLink': BUILD,
  'TemplateState.sameMedia': BUILD,
  'TemplateState.quality': TEMPLATES,
  'TemplateState.status': TEMPLATES,
  'TemplateState.pauses': TEMPLATES,
  'TemplateState.feedback': QUALITY,
  'TemplateState.pacing': TEMPLATE_PACING,
  'TemplateState.pausedHours': TEMPLATES,
  'TemplateState.stats': TEMPLATE_PACING,
  'PacingStats.held': TEMPLATE_PACING,
  'PacingStats.released': TEMPLATE_PACING,
  'PacingStats.dropped': TEMPLATE_PACING,
  'PacingStats.verdicts': TEMPLATE_PACING,
  'PacingVerdicts.released': TEMPLATE_PACING,
  'PacingVerdicts.paused': TEMPLATE_PACING,
  'PacingVerdicts.noFeedback': TEMPLATE_PACING,

  // state/world.ts: campaigns, the portfolio, the world
  'CampaignState.index': BUILD,
  'CampaignState.spec': BUILD,
  'CampaignState.template': BUILD,
  'CampaignState.number': BUILD,
  'CampaignState.first': BUILD,
  'CampaignState.count': BUILD,
  'CampaignState.startAt': BUILD,
  'CampaignState.numbers': BUILD,
  'CampaignState.series': BUILD,
  'CampaignState.occurrence': BUILD,
  'CampaignState.id': BUILD,
  'CampaignState.localWindow': BUILD,
  'PortfolioState.verified': BUILD,
  'PortfolioState.tiers': BUILD,
  'PortfolioState.firstAutomaticTier': BUILD,
  'PortfolioState.wabaId': BUILD,
  'PortfolioState.utilityPacedUntil': TEMPLATE_PACING,
  'PortfolioState.graph': GRAPH_API,
  'PortfolioState.violations': POLICY_ENFORCEMENT,
  'World.policy': BUILD,
  'World.horizon': BUILD,
  'World.epoch': BUILD,
  'World.portfolio': BUILD,
  'World.numbers': BUILD,
  'World.numberById': BUILD,
  'World.templates': BUILD,
  'World.templateById': BUILD,
  'World.campaigns': BUILD,
  'World.audience': RECIPIENTS,
  'World.pools': TIERS,
  'World.blockFactors': BUILD,
  'World.enforcements': RESTRICTIONS,
  'World.autoAppeal': BUILD,
  'World.metadataChanges': BUILD,
  'World.templateCreationBlockedUntil': RESTRICTIONS, // AI policy warning
  'World.pricing': PRICING, // rate card and cost (issue 22)

  // tiers.ts
  'LimitPool.index': TIERS,
  'LimitPool.id': TIERS,
  'LimitPool.members': TIERS,
  'LimitPool.tierIndex': TIERS,
  'LimitPool.peakTierIndex': TIERS,
  'LimitPool.tierSince': TIERS,
  'LimitPool.window': TIERS,
  'LimitPool.reserved': TIERS,
  'LimitPool.pending': TIERS,
  'LimitPool.holds': TIERS,
  'LimitPool.lookback': TIERS,
  'LimitPool.path': TIERS,
  'LimitPool.upgradeDueAt': TIERS,
  'LimitPool.reachedAt': TIERS,

  // quality.ts
  'QualityState.lastDelivered': QUALITY,
  'QualityState.buckets': QUALITY,

  // template-pacing.ts
  'PacingState.needsAssessment': TEMPLATE_PACING,
  'PacingState.phase': TEMPLATE_PACING,
  'PacingState.cycle': TEMPLATE_PACING,
  'PacingState.sent': TEMPLATE_PACING,
  'PacingState.delivered': TEMPLATE_PACING,
  'PacingState.negative': TEMPLATE_PACING,
  'PacingState.signals': TEMPLATE_PACING,
  'PacingState.held': TEMPLATE_PACING,
  'PacingState.releaseFrom': TEMPLATE_PACING,

  // throughput.ts
  'ThroughputState.mps': THROUGHPUT,
  'ThroughputState.second': THROUGHPUT,
  'ThroughputState.used': THROUGHPUT,
  'ThroughputState.upgradingUntil': THROUGHPUT,
  'ThroughputState.upgradeScheduled': THROUGHPUT,
  'ThroughputState.checkedAt': THROUGHPUT,

  // graph-api.ts
  'GraphBudget.times': GRAPH_API,
  'GraphBudget.head': GRAPH_API,
  'GraphBudget.registered': GRAPH_API,

  // restrictions.ts
  'EnforcementState.open': RESTRICTIONS,
  'EnforcementState.softBans': RESTRICTIONS,
  'EnforcementState.liftedAt': RESTRICTIONS,
  'Enforcement.id': RESTRICTIONS,
  'Enforcement.number': RESTRICTIONS,
  'Enforcement.kind': RESTRICTIONS,
  'Enforcement.path': RESTRICTIONS,
  'Enforcement.reason': RESTRICTIONS,
  'Enforcement.start': RESTRICTIONS,
  'Enforcement.end': RESTRICTIONS,
  'Enforcement.layers': RESTRICTIONS,
  'Enforcement.appealed': RESTRICTIONS,

  // trust-score.ts
  'TrustState.ring': TRUST_SCORE,
  'TrustState.registration': TRUST_SCORE,
  'TrustState.intervals': TRUST_SCORE,
  'TrustState.templateHour': TRUST_SCORE,
  'TrustState.unanswered': UNANSWERED,
  'TrustState.score': TRUST_SCORE,
  'TrustState.peak': TRUST_SCORE,
  'TrustState.layers': TRUST_SCORE,
  'TrustState.redSince': TRUST_SCORE,
  'TrustState.acts': TRUST_SCORE,
  'TrustState.velocityAlways': TRUST_SCORE,
  'TrustState.youngRulesAlways': TRUST_SCORE,
  'TrustState.lastEvidence': TRUST_SCORE,
  'TrustState.hoursOverRestrictScore': TRUST_SCORE,

  // unanswered.ts
  'UnansweredState.pending': UNANSWERED,
  'UnansweredState.judged': UNANSWERED,
  'UnansweredState.count': UNANSWERED,
  'UnansweredState.peak': UNANSWERED,

  // policy-enforcement.ts
  'ViolationState.ring': POLICY_ENFORCEMENT,
  'ViolationState.channels': POLICY_ENFORCEMENT,
  'ViolationState.times': POLICY_ENFORCEMENT,

  // pricing.ts
  'PricingState.prices': PRICING,
  'PricingState.rowOf': PRICING,
  'PricingState.numberRow': PRICING,
  'PricingState.freeUtilityInWindow': PRICING,
  'PricingState.cost': PRICING,
  'PricingState.card': PRICING,

  // recipients.ts
  'Audience.size': RECIPIENTS,
  'Audience.segments': RECIPIENTS,
  'Audience.segmentOf': RECIPIENTS,
  'Audience.reached': RECIPIENTS,
  'Audience.stopped': RECIPIENTS,
  'Audience.recent': RECIPIENTS,
  'Audience.recentAt': RECIPIENTS,
  'Audience.received': RECIPIENTS,
  'Audience.marketing': MARKETING_CAP,
  'Audience.zones': RECIPIENTS,
  'Audience.attributes': RECIPIENTS,
  'RecipientZones.names': RECIPIENTS,
  'RecipientZones.zoneOf': RECIPIENTS,
  'RecipientZones.epoch': RECIPIENTS,
  'RecipientZones.days': RECIPIENTS,
  'RecipientZones.offsets': RECIPIENTS,
  'SegmentState.index': RECIPIENTS,
  'SegmentState.id': RECIPIENTS,
  'SegmentState.first': RECIPIENTS,
  'SegmentState.size': RECIPIENTS,
  'SegmentState.optIn': RECIPIENTS,
  'SegmentState.consent': RECIPIENTS,
  'SegmentState.readProbability': RECIPIENTS,
  'SegmentState.replyProbability': RECIPIENTS,
  'SegmentState.blockProbability': RECIPIENTS,
  'SegmentState.reportProbability': RECIPIENTS,
  'SegmentState.stopProbability': RECIPIENTS,
  'SegmentState.brandRecognition': RECIPIENTS,
  'SegmentState.fatigue': RECIPIENTS,
  'SegmentState.inboundPerDay': RECIPIENTS,
  'SegmentState.marketingFromOthersPerDay': RECIPIENTS,
  'SegmentState.readDelay': RECIPIENTS,
  'SegmentState.replyDelay': RECIPIENTS,
  'SegmentState.blockDelay': RECIPIENTS,
  'SegmentState.blockReasonWeights': RECIPIENTS,

  // marketing-cap.ts
  'MarketingState.recent': MARKETING_CAP,
  'MarketingState.checks': MARKETING_CAP,
  'MarketingState.lastReply': MARKETING_CAP,
  'MarketingState.last131049': MARKETING_CAP,
  'MarketingState.saturatedUntil': MARKETING_CAP,

  // shared data structures: written only through their own module's functions
  'HourlyRing.slots': HOURLY_RING,
  'HourlyRing.hourOf': HOURLY_RING,
  'HourlyRing.channels': HOURLY_RING,
  'HourlyRing.slot': HOURLY_RING,
  'HourlyRing.from': HOURLY_RING,
  'HourlyRing.to': HOURLY_RING,
  'TimedFifo.times': TIMED_FIFO,
  'TimedFifo.values': TIMED_FIFO,
  'TimedFifo.head': TIMED_FIFO,
  'TimedFifo.tail': TIMED_FIFO,
  'UniqueCounter.window': UNIQUE_COUNTER,
  'UniqueCounter.count': UNIQUE_COUNTER,
  'UniqueCounter.last': UNIQUE_COUNTER,
  'UniqueCounter.touches': UNIQUE_COUNTER,
};
