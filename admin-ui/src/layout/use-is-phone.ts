import { useSyncExternalStore } from 'react';

// antd's `md` breakpoint: below it the side menu moves into a drawer.
const PHONE_QUERY = '(max-width: 767.98px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** Right from the first render (antd's useBreakpoint starts empty and would flash the PC layout). */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches);
}
