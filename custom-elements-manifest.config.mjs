// @custom-elements-manifest/analyzer settings, read by `cem analyze` (npm run build / analyze).
// Private members (`#fields`, `private`) are implementation: left out, with the attributes the
// analyzer infers for them, so editors' IDEs and Storybook's Docs pages list only what a page can use.
export default {
  litelement: true,
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  plugins: [
    {
      name: 'privacy-kit:public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((member) => member.privacy === 'private' || member.name.startsWith('#'))
                .map((member) => member.name),
            );
            if (declaration.members) {
              declaration.members = declaration.members.filter((member) => !hidden.has(member.name));
            }
            // Internal state declared in `static properties` ({ state: true }) is no attribute.
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
            }
          }
        }
      },
    },
  ],
};
