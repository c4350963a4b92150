import { describe, expect, expectTypeOf, it } from 'vitest';
import { REPORT_FORMS_SERVICE as CONSUMED, type ReportForms } from '../../modules/dispatch/server/report-form-port.ts';
import { formsModule } from '../../modules/forms/module.ts';
import { REPORT_FORMS_SERVICE as PROVIDED, type ReportFormsService } from '../../modules/forms/public-api.ts';
import { reportFormsService } from '../../modules/forms/server/report-forms.service.ts';

/**
 * For each method the port names: whether the provider's accepts every argument the consumer
 * passes and returns what the consumer expects. Spelled out because TypeScript compares method
 * parameters both ways (bivariance): a provider whose method takes less than the port passes
 * would still fit the port's interface.
 */
type Fits<Provider, Port> = {
  [K in keyof Port]: K extends keyof Provider
    ? Provider[K] extends (...args: infer Accepted) => infer Returned
      ? Port[K] extends (...args: infer Passed) => infer Expected
        ? [Passed] extends [Accepted]
          ? [Returned] extends [Expected]
            ? true
            : false
          : false
        : false
      : false
    : false;
};
type EveryMethodFits = { [K in keyof ReportForms]: true };

// The type checks run in `npm run typecheck` (tsc reads tests/): when forms' service and
// dispatch's port drift apart, the build fails, not a report form in production.
describe('forms’ report forms service and dispatch’s port for it', () => {
  it('forms publishes a service that fits what dispatch asks for, under the name dispatch asks by', () => {
    expectTypeOf<ReportFormsService>().toExtend<ReportForms>();
    expectTypeOf<Fits<ReportFormsService, ReportForms>>().toEqualTypeOf<EveryMethodFits>();
    expectTypeOf<Fits<typeof reportFormsService, ReportForms>>().toEqualTypeOf<EveryMethodFits>();
    expectTypeOf(PROVIDED).toEqualTypeOf(CONSUMED);
    expect(PROVIDED).toBe(CONSUMED);
  });

  it('forms provides that very service under that name', () => {
    expect(formsModule.provides?.[CONSUMED]).toBe(reportFormsService);
  });
});
