/**
 * The mocha globals web-test-runner provides. No @types/mocha is installed, so the tests declare
 * the few they use (`declare function` merges with any other declaration of the same names).
 */
type IntegrationTestDone = (error?: unknown) => void;
type IntegrationTestFn = (this: unknown, done: IntegrationTestDone) => void | Promise<unknown>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: IntegrationTestFn): void;
declare function before(fn: IntegrationTestFn): void;
declare function after(fn: IntegrationTestFn): void;
declare function beforeEach(fn: IntegrationTestFn): void;
declare function afterEach(fn: IntegrationTestFn): void;
