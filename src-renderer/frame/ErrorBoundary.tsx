/**
 * The last guard against a blank window: a render error shows what happened and a way back,
 * instead of React unmounting everything.
 */
import { Component, type ReactNode } from 'react';
import { closeBatch } from '../review/actions';

interface State {
  message: string | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(err: unknown): State {
    return { message: err instanceof Error ? err.message : String(err) };
  }

  private back = () => {
    closeBatch();
    this.setState({ message: null });
  };

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <div className="notice error" role="alert" data-testid="screen-error">
        <span>This screen failed: {this.state.message}. Your saved verdicts are safe.</span>
        <button type="button" onClick={this.back}>
          Back to batches
        </button>
      </div>
    );
  }
}
