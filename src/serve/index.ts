export { startServer, MAX_BODY_BYTES, type ServeOptions, type ServerHandle, type ServedNumber } from './server.js';
export { parseClock, createClock, type Clock, type ClockSpec } from './clock.js';
export { signature, createWebhookSender, verifyReceiver, DEFAULT_RETRY, type RetryPolicy, type WebhookSender } from './webhook-sender.js';
export { graphError, graphCode, fbtraceId, type GraphErrorReply, type GraphErrorObject } from './graph-errors.js';
export { sessionResults, writeSessionOutputs } from './session-results.js';
export { createSession, HTTP_CLIENT, type Session } from './session.js';
