import { createContext, useContext } from 'react';
import type { OperatorSession } from '../api/operator-auth.api';

export const OperatorSessionContext = createContext<OperatorSession | null>(null);

/** The signed-in platform operator; only inside RequireOperatorSession. */
export function useOperatorSession(): OperatorSession {
  const session = useContext(OperatorSessionContext);
  if (!session) throw new Error('useOperatorSession outside RequireOperatorSession');
  return session;
}
