// Registering an element class under a tag, for every element of the package.

/**
 * Defines `cls` as `tag` in `registry`. Registering again is a no-op, and a second tag gets a
 * subclass (one class cannot be defined twice).
 * @template {CustomElementConstructor} T
 * @param {T} cls  @param {string} tag  @param {CustomElementRegistry} registry
 * @returns {T}
 */
export function register(cls, tag, registry) {
  if (!registry.get(tag)) registry.define(tag, registry.getName?.(cls) ? class extends cls {} : cls);
  return cls;
}
