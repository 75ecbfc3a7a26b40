export { EventQueue } from './event-queue.js';
export { COMPACT_DATA_LIMIT, COMPACT_KINDS, Simulation, type CompactHandler, type SimEvent, type Handler, type HandlerRegistry } from './simulation.js';
export { createStream, streamFactory, type Rng } from './rng.js';
export { KeyedUniforms, keyedUniforms } from './keyed-uniforms.js';
export * from './random.js';
export { SECOND, MINUTE, HOUR, DAY, HOURS_PER_DAY } from './time.js';
export { doubled, type GrowableArray } from './typed-arrays.js';
