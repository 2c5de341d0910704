// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarksControl } from '../../components/MarksControl';
import { PersonCard, type QuoteActions } from '../../components/PersonCard';
import { realPack } from './helpers';

const rakhimov = realPack().pack.people.find((person) => person.id === 'nikita-rakhimov')!;
const [first, second] = rakhimov.quotes.map((quote) => quote.text);

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('PersonCard quotes on the page', () => {
  const actions = (over: Partial<QuoteActions> = {}): QuoteActions => ({
    onPage: new Set([first!]),
    shown: null,
    onShow: () => {},
    ...over,
  });

  it('offers "Show in article" for a quote on the page, named with the quote', () => {
    const onShow = vi.fn();
    const root = mount(<PersonCard person={rakhimov} quotes={actions({ onShow })} />);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Show in article']);
    expect(buttons[0]!.getAttribute('aria-label')).toBe(`Show in article: ${first}`);
    buttons[0]!.click();
    expect(onShow).toHaveBeenCalledWith(first);
  });

  it('says why a quote cannot be shown instead of offering a button', () => {
    const root = mount(<PersonCard person={rakhimov} quotes={actions()} />);
    const quote = [...root.querySelectorAll('.quote')].find((q) =>
      q.textContent?.includes(second!),
    );
    expect(quote?.querySelector('button')).toBeNull();
    expect(quote?.textContent).toContain('Not on this page');
  });

  it.each([
    [true, 'Highlighted in the article.'],
    [false, 'No longer on this page'],
  ])('reports the quote last shown (found: %s)', (found, message) => {
    const root = mount(
      <PersonCard person={rakhimov} quotes={actions({ shown: { text: first!, found } })} />,
    );
    expect(root.querySelector('[role="status"]')?.textContent).toContain(message);
  });

  it('lists quotes only, while the page has not been read or without a page', () => {
    for (const quotes of [actions({ onPage: null }), undefined]) {
      const root = mount(<PersonCard person={rakhimov} quotes={quotes} />);
      expect(root.querySelectorAll('.quote blockquote')).toHaveLength(rakhimov.quotes.length);
      expect(root.querySelector('button, .quote-missing')).toBeNull();
    }
  });
});

describe('MarksControl', () => {
  it.each([
    [true, 'true', ['Marks in the articleOn', 'Go to the marks (12)']],
    [false, 'false', ['Marks in the articleOff']],
  ])('is a switch (on: %s)', (enabled, checked, texts) => {
    const onToggle = vi.fn();
    const marks = { enabled, count: 12, onToggle, onBrowse: () => {} };
    const root = mount(<MarksControl marks={marks} />);
    const toggle = root.querySelector('[role="switch"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-checked')).toBe(checked);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(texts);
    toggle.click();
    expect(onToggle).toHaveBeenCalledOnce();
  });
});
