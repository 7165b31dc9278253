// The parts of Node's test runner and strict assert module that these tests use. Declared here rather than
// taken from @types/node, which would add a dependency and Node's globals to the browser code's type check.

declare module "node:test" {
  type Body = () => void | Promise<void>;
  export function test(name: string, body: Body): Promise<void>;
  export function describe(name: string, body: () => void): void;
  export function it(name: string, body: Body): Promise<void>;
  export function beforeEach(body: Body): void;
  export function afterEach(body: Body): void;
  /** Node's fake timers (mock.timers): setInterval/setTimeout run only when tick() moves the clock. */
  export const mock: {
    timers: { enable(options: { apis: ("setInterval" | "setTimeout")[] }): void; tick(ms: number): void; reset(): void };
  };
}

declare module "node:assert/strict" {
  interface Assert {
    (value: unknown, message?: string): asserts value;
    ok(value: unknown, message?: string): asserts value;
    equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
    notEqual(actual: unknown, expected: unknown, message?: string): void;
    deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
    notDeepEqual(actual: unknown, expected: unknown, message?: string): void;
    match(actual: string, expected: RegExp, message?: string): void;
    throws(block: () => unknown, expected?: RegExp | ((err: unknown) => boolean), message?: string): void;
    fail(message?: string): never;
    rejects(block: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp, message?: string): Promise<void>;
  }
  const assert: Assert;
  export default assert;
}
