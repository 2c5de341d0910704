import { Component, type ComponentChildren } from 'preact';

export interface CardBoundaryProps {
  /** What the card is, for the console message. */
  label: string;
  children: ComponentChildren;
}

/** Keeps one failing card from blanking the panel: the card is left out and the error logged. */
export class CardBoundary extends Component<CardBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown) {
    console.error(`Backstory: could not show ${this.props.label}`, error);
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
