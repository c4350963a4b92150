import { Suspense } from 'react';
import { Skeleton } from 'antd';
import { LazySchemaForm } from '../components/rjsf/lazy-schema-form';
import { lazyModuleComponent } from './lazy-module-component';
import { useModuleUis } from './module-uis-context';
import type { FormRendererProps } from './ui-contract';
import { enabledModules, useTenantModules } from './use-tenant-modules';

/**
 * A tenant-designed form filled in inside another module's page (e.g. a dispatch report form):
 * rendered by the first enabled module that contributes a `formRenderer` (registry order), with
 * its own answer widgets, or by the shell's plain form when none is enabled.
 */
export function ContributedSchemaForm(props: FormRendererProps) {
  const modules = useTenantModules();
  const moduleUis = useModuleUis();
  if (modules.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  const renderer = enabledModules(modules.data)
    .map((module) => (Object.hasOwn(moduleUis, module.id) ? moduleUis[module.id].formRenderer : undefined))
    .find((contribution) => contribution !== undefined);
  if (!renderer) return <LazySchemaForm {...props} />;
  const Renderer = lazyModuleComponent(renderer.load);
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <Renderer {...props} />
    </Suspense>
  );
}
