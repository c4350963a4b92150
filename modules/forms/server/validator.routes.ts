import { conflict, type RoutePlugin } from '../../../core/module-kit.ts';
import { versionValidatorRoute } from '../schemas/validator.schema.ts';
import { getVersion } from './form.service.ts';
import { ValidatorUnavailableError, validatorModule, type ValidatorModule } from './validator-module.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** The browser's validator of a frozen version: generated once per schema, cached, served with an ETag. */
export const validatorRoutes: RoutePlugin = async (app) => {
  // Whoever may read the version (to fill it in, too) may have its validator.
  const permission = ['forms.design', 'forms.collect', 'forms.results', 'forms.submit'];
  app.get(
    '/forms/:id/versions/:version/validator.js',
    { schema: versionValidatorRoute, config: { permission } },
    async (request, reply) => {
      const version = await getVersion(request.db, request.params.id, request.params.version);
      let module: ValidatorModule;
      try {
        module = validatorModule(version.schema);
      } catch (error) {
        // The form still works: the browser leaves validation to the server's check on save.
        if (error instanceof ValidatorUnavailableError)
          throw conflict(FORMS_ERRORS.VALIDATOR_UNAVAILABLE, error.message, [{ path: 'params.version', message: error.message }]);
        throw error;
      }
      const etag = `"${module.hash}"`;
      // `no-cache`: the browser keeps its copy but asks each time, and a 304 costs no body.
      reply.headers({ etag, 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' });
      const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
      if (known?.includes(etag)) return reply.status(304).send();
      return reply.type('text/javascript; charset=utf-8').send(module.code);
    },
  );
};
