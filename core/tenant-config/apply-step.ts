import { AppError } from '../http/errors.ts';

/**
 * Runs one write of an apply; a refusal by a service (409 name taken, 403 …) is re-labelled with
 * the JSON path of the item in the file, so the author sees `units[0].children[2].name`, not
 * `body.name` of an API call nobody made. The transaction still rolls back as a whole.
 */
export async function at<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details =
      error.details.length > 0
        ? error.details.map((d) => ({ path: relabel(path, d.path), message: d.message }))
        : [{ path, message: error.message }];
    throw new AppError(error.statusCode, error.code, `${path}: ${error.message}`, details);
  }
}

function relabel(path: string, servicePath: string): string {
  const field = /^body\.(.+)$/.exec(servicePath)?.[1];
  if (!field) return path;
  // The services' field names, in the file's words.
  const fileField: Record<string, string> = { parentId: '', unitId: 'unit', positionId: 'position', personIds: 'members' };
  const mapped = field in fileField ? fileField[field] : field;
  return mapped ? `${path}.${mapped}` : path;
}
