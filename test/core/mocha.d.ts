/**
 * The mocha globals web-test-runner provides. No @types/mocha is installed, so the tests declare
 * the few they use (`declare function` merges with any other declaration of the same names).
 */
type CoreTestDone = (error?: unknown) => void;
type CoreTestFn = (this: unknown, done: CoreTestDone) => void | Promise<unknown>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: CoreTestFn): void;
declare function beforeEach(fn: CoreTestFn): void;
declare function afterEach(fn: CoreTestFn): void;
