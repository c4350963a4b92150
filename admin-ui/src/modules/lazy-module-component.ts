import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LazyComponentModule } from './ui-contract';

// One lazy component per loader for the app's lifetime: creating it during render would
// remount the page (and lose its state) on every render.
const cache = new WeakMap<object, unknown>();

export function lazyModuleComponent<Props extends object>(
  load: () => LazyComponentModule<Props>,
): LazyExoticComponent<ComponentType<Props>> {
  const cached = cache.get(load) as LazyExoticComponent<ComponentType<Props>> | undefined;
  if (cached) return cached;
  const component = lazy(load);
  cache.set(load, component);
  return component;
}
