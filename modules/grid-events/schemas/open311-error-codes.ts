/**
 * Codes of the Open311 side of grid events. The management routes answer them in the platform's
 * shape (`{"error": {"code", …}}`); the GeoReport v2 routes answer in the standard's shape
 * (`[{"code": <HTTP status>, "description"}]`), where these codes only tell the server's own
 * errors apart before they are written out.
 */
export const OPEN311_ERRORS = {
  CLIENT_NOT_FOUND: 'GRID_OPEN311_CLIENT_NOT_FOUND',
  COUNTY_SCOPE_REQUIRED: 'GRID_OPEN311_COUNTY_SCOPE_REQUIRED',
  KEY_INVALID: 'GRID_OPEN311_KEY_INVALID',
  CLIENT_LIMIT: 'GRID_OPEN311_CLIENT_LIMIT',
  SERVICE_NOT_FOUND: 'GRID_OPEN311_SERVICE_NOT_FOUND',
  RESOURCE_NOT_FOUND: 'GRID_OPEN311_RESOURCE_NOT_FOUND',
  REQUEST_NOT_FOUND: 'GRID_OPEN311_REQUEST_NOT_FOUND',
  DATES_INVALID: 'GRID_OPEN311_DATES_INVALID',
  VALUE_INVALID: 'GRID_OPEN311_VALUE_INVALID',
  RATE_LIMITED: 'GRID_OPEN311_RATE_LIMITED',
} as const;
