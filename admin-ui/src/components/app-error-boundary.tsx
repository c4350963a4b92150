import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorResult } from './error-result';

interface State {
  error: unknown;
}

/** Last line of defence: a render error shows a Result with Retry instead of a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('render failed', error, info.componentStack);
  }

  render() {
    if (this.state.error) return <ErrorResult error={this.state.error} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
