/**
 * The code that runs *inside* the strategy realm (strategy-realm.ts), after SES's lockdown there:
 * its source text (`realmInside.toString()`) is evaluated in that realm, so it must use nothing
 * but its parameters and that realm's globals (no import, no closure over this module). It is the
 * realm's half of the membrane: every value from the model's realm is copied into plain data of
 * this realm before strategy code sees it, and the model's functions are held in closures that
 * strategy code cannot reach.
 *
 *   model realm                                   strategy realm (frozen, no Node)
 *   host(method, a, b, c) ◀── facade.sendTemplate(…) ◀── strategy code in a Compartment
 *   guard ──▶ invoke(strategy, callback, facade, arg) ──copy(arg)──▶ callback(facade, copy)
 */

/** The messages the stand-ins refuse with (JSON, from strategy-realm.ts realmMsg). */
interface InsideMessages {
  readonly random: string;
  readonly now: string;
  readonly newDate: string;
  readonly dateCall: string;
  readonly exit: string;
  /** `process.<key>` is refused: the text with KEY in place of the key. */
  readonly process: string;
  readonly hostFailed: string;
}

/** What the realm gives the model's realm: functions of this realm, called with primitives or the model's plain data. */
export interface RealmInside {
  /** Evaluates a bundle (strategy-bundle.ts) in a fresh Compartment; returns its exports. */
  evaluate(program: string): unknown;
  /** Calls `definition.create` with the parameters given as JSON. */
  create(definition: unknown, paramsJson: string): unknown;
  /** A hardened SenderApi of this realm whose methods call `host` (see strategy-realm.ts). */
  facade(host: (method: string, a?: unknown, b?: unknown, c?: unknown) => unknown, failed: string): unknown;
  /** Calls `callback` of `strategy` as `callback(facade, copy of arg)`. */
  invoke(strategy: unknown, callback: unknown, facade: unknown, arg: unknown): unknown;
}

/**
 * Builds the realm's half of the membrane. `messagesJson` holds InsideMessages; `write` prints a
 * line of strategy console output (on stderr).
 * @example vm.runInContext(`(${realmInside.toString()})`, context)(JSON.stringify(messages), write)
 */
export function realmInside(messagesJson: string, write: (line: string) => void): RealmInside {
  'use strict';
  const g = globalThis as unknown as { harden<T>(v: T): T; Compartment: new (o: object) => { evaluate(code: string): unknown } };
  const { harden, Compartment } = g;
  const messages = JSON.parse(messagesJson) as InsideMessages;
  const { apply, construct } = Reflect;
  const { isArray } = Array;
  const { create, freeze, getOwnPropertyDescriptors, defineProperties, keys } = Object;
  const OriginalDate = Date;
  const refuse = (message: string) => () => {
    throw new Error(message);
  };

  // plain data of this realm from the model's plain data (objects, arrays, primitives)
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const k of keys(value)) out[k] = copy((value as Record<string, unknown>)[k]);
    return out;
  };

  // the stand-ins: Math without random(), Date without the clock, a process that refuses, a console on stderr
  const mathDescriptors = getOwnPropertyDescriptors(Math) as Record<PropertyKey, PropertyDescriptor>;
  mathDescriptors.random = { ...mathDescriptors.random, value: refuse(messages.random) };
  const StrategyMath = create(Object.prototype, mathDescriptors) as typeof Math;
  const StrategyDate = function (this: unknown, ...args: unknown[]): Date {
    if (new.target === undefined) throw new Error(messages.dateCall);
    if (args.length === 0) throw new Error(messages.newDate);
    return construct(OriginalDate, args, new.target) as Date;
  };
  defineProperties(StrategyDate, {
    prototype: { value: OriginalDate.prototype, writable: false },
    now: { value: refuse(messages.now) },
    UTC: { value: OriginalDate.UTC },
    parse: { value: OriginalDate.parse },
    name: { value: 'Date' },
  });
  const exit = refuse(messages.exit);
  const StrategyProcess = new Proxy(freeze({}), {
    get(_target, key) {
      if (key === 'exit') return exit;
      if (typeof key === 'symbol') return undefined;
      throw new Error(messages.process.replace('KEY', key));
    },
  });
  const show = (value: unknown): string => {
    if (typeof value === 'string') return value;
    try {
      return typeof value === 'object' && value !== null ? (JSON.stringify(value) ?? String(value)) : String(value);
    } catch {
      return '[unprintable]';
    }
  };
  const line = (...args: unknown[]): void => write(`strategy: ${args.map(show).join(' ')}`);
  const StrategyConsole = { log: line, info: line, warn: line, error: line, debug: line };
  const globals = harden({ Math: StrategyMath, Date: StrategyDate, process: StrategyProcess, console: StrategyConsole });

  return harden({
    evaluate(program: string): unknown {
      const compartment = new Compartment({ __options__: true, name: 'strategy', globals });
      // three lines above the program (strategy-stack.ts PROGRAM_LINE_OFFSET); named for its stack frames (BUNDLE_URL there)
      return compartment.evaluate(`(() => {\nconst module = { exports: {} };\n(function (module, exports) {\n${program}\n})(module, module.exports);\nreturn module.exports;\n})()\n//# sourceURL=wabasim-strategy-bundle.js\n`);
    },
    create(definition: unknown, paramsJson: string): unknown {
      const d = definition as { create(p: unknown): unknown };
      return apply(d.create, d, [JSON.parse(paramsJson)]);
    },
    facade(host: (method: string, a?: unknown, b?: unknown, c?: unknown) => unknown, failed: string): unknown {
      const call = (method: string, a?: unknown, b?: unknown, c?: unknown): unknown => {
        const r = host(method, a, b, c);
        if (r === failed) throw new Error(messages.hostFailed);
        return r;
      };
      // the views never change during a run: copied once
      const numbers = harden(copy(call('numbers')));
      const templates = harden(copy(call('templates')));
      const campaigns = harden(copy(call('campaigns')));
      const response = (r: unknown): unknown => {
        const o = r as { ok: boolean; messageId?: number; messageStatus?: string; code?: number };
        return o.ok ? { ok: true, messageId: o.messageId, messageStatus: o.messageStatus } : { ok: false, code: o.code };
      };
      return harden({
        now: () => call('now'),
        numbers: () => numbers,
        templates: () => templates,
        campaigns: () => campaigns,
        sendTemplate: (from: unknown, to: unknown, template: unknown) => response(call('sendTemplate', from, to, template)),
        sendText: (from: unknown, to: unknown) => response(call('sendText', from, to)),
        wakeAt: (at: unknown, tag: unknown) => {
          call('wakeAt', typeof at === 'number' ? at : Number(at), typeof tag === 'string' ? tag : String(tag));
        },
        getPhoneNumber: (id: unknown) => copy(call('getPhoneNumber', id)),
        openApp: (id: unknown) => {
          call('openApp', id);
        },
        localHour: (r: unknown) => call('localHour', r),
        inLocalWindow: (c: unknown, r: unknown) => call('inLocalWindow', typeof c === 'object' && c !== null ? String((c as { id?: unknown }).id) : String(c), r),
        attributes: (r: unknown) => harden(copy(call('attributes', r))),
        attribute: (r: unknown, name: unknown) => call('attribute', r, String(name)),
        rng: { next: () => call('rng') },
      });
    },
    invoke(strategy: unknown, callback: unknown, facade: unknown, arg: unknown): unknown {
      return apply(callback as (...a: unknown[]) => unknown, strategy, [facade, copy(arg)]);
    },
  } satisfies RealmInside);
}
