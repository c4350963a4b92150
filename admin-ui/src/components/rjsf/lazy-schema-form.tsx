import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { SchemaFormProps } from './schema-form-props';

// A dynamic import: RJSF lands in its own chunk, fetched the first time a schema form shows.
const SchemaForm = lazy(() => import('./schema-form'));

/**
 * A form rendered from a JSON Schema with RJSF + antd, in the UI language (RJSF's strings and
 * ajv's messages). Module config, custom-field previews and the forms module use this one entry.
 */
export function LazySchemaForm(props: SchemaFormProps) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <SchemaForm {...props} />
    </Suspense>
  );
}

export type { SchemaFormProps } from './schema-form-props';
export { hasErrors, issuesToErrorTree, type SchemaErrorTree } from './error-schema';
