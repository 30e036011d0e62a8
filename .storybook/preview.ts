// Stories render on a plain page; each story binds its own in-memory consent store.
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';

// The manifest `npm run build` writes at the repo root (from the elements' JSDoc) tells the
// controls every attribute, property, event, slot, part and CSS property. It is generated, not
// committed: a glob import is empty when the file is absent, so Storybook also builds without it.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  // A Docs page per element, from the manifest above.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
