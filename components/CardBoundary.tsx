import { Component, type ComponentChildren } from 'preact';

export interface CardBoundaryProps {
  /** What the card is, for the console message. */
  label: string;
  children: ComponentChildren;
  /**
   * What the card shows depends on only these: when given, the card is drawn again only when one
   * of them changes (the panel draws its sections a piece at a time, and the cards already drawn
   * need not be compared again for each new piece).
   */
  deps?: readonly unknown[];
}

/** Keeps one failing card from blanking the panel: the card is left out and the error logged. */
export class CardBoundary extends Component<CardBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown) {
    console.error(`Backstory: could not show ${this.props.label}`, error);
    this.setState({ failed: true });
  }

  override shouldComponentUpdate(next: CardBoundaryProps, nextState: { failed: boolean }) {
    const { deps } = this.props;
    if (!deps || !next.deps || nextState.failed !== this.state.failed) return true;
    return next.deps.length !== deps.length || next.deps.some((dep, i) => dep !== deps[i]);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
