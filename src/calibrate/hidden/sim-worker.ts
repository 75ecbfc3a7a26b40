/**
 * A simulation worker of the hidden-rate inference (runner.ts): builds the replay plan from the
 * scenario and the observed evidence it was started with, then answers each (rates, seed) with the
 * summaries row of that replay.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { failureMessage } from '../../run/watched-worker.js';
import { planReplay } from './replay.js';
import { simulateRow, type SimReply, type SimTask, type SimWorkerData } from './runner.js';

const port = parentPort!;
const data = workerData as SimWorkerData;
const plan = planReplay(data.scenario, data.observed);

port.on('message', (task: SimTask) => {
  let reply: SimReply;
  try {
    reply = { id: task.id, row: simulateRow(plan, task.rates, task.seed) };
  } catch (err) {
    reply = { id: task.id, failure: failureMessage(err) };
  }
  port.postMessage(reply);
});
