/**
 * `privacy-kit`: everything in one import — the core, the integrations and the elements
 * (importing it registers the custom elements). Prefer the subpaths when you need less:
 * `privacy-kit/core` (no Lit, no DOM rendering), `privacy-kit/integrations`, `privacy-kit/elements`.
 */
export * from './core/index.js';
export * from './integrations/index.js';
export * from './elements/index.js';
