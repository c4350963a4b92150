import { errorResponses } from '../../../core/schemas/schema-kit.ts';
import { formVersionParams } from './common.schema.ts';

export const versionValidatorRoute = {
  tags: ['forms'],
  summary:
    "The version's validator as a JavaScript module (ajv standalone code with the options and formats of the server's own check), for the browser to validate answers exactly as the server will under the app's CSP. `export default function validators(require)`: `require` gives the ajv runtime helpers; the result is @rjsf/validator-ajv8's precompiled validator map. ETag = hash of the schema and the generator; send If-None-Match for a 304",
  params: formVersionParams,
  response: {
    200: { description: 'text/javascript: an ES module importing nothing' },
    304: { description: 'Not modified: the ETag still matches' },
    ...errorResponses,
  },
} as const;
