import { createContext, useContext } from 'react';
import type { ModuleUi } from './ui-contract';

export type ModuleUiRegistry = Readonly<Record<string, ModuleUi>>;

/**
 * The installed module UIs, provided once at the root (main.tsx, from registry.ts). Parts of the
 * shell that modules themselves render (the contributed form renderer) read them from here rather
 * than importing the registry, which imports the modules: no import cycle through the kit.
 */
export const ModuleUisContext = createContext<ModuleUiRegistry>({});

export function useModuleUis(): ModuleUiRegistry {
  return useContext(ModuleUisContext);
}
