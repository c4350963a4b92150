import type { Light, Priority } from '../../schemas/common.schema';

/** One page of a keyset-paged list of the dispatch API. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The lights and priorities, in the order the pages offer them as filters and choices. */
export const LIGHTS: Light[] = ['white', 'blue', 'green', 'yellow', 'red'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
