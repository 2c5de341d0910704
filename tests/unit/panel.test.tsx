// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/Panel';
import { SECTIONS } from '../../components/sections';
import { realPack } from './helpers';

const { pack } = realPack();
const verdict = {
  kind: 'version',
  packId: pack.id,
  evidence: { kind: 'text', share: 0.82 },
} as const;

function mount(state: Parameters<typeof Panel>[0]['state']) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<Panel state={state} onClose={() => {}} onJump={() => {}} />, root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Panel', () => {
  it('is a complementary landmark named Backstory with its section headings, Places, People and Timeline first', () => {
    const root = mount({ status: 'ready', verdict, pack });
    const landmark = root.querySelector('[role="complementary"]');
    expect(landmark?.getAttribute('aria-label')).toBe('Backstory');
    const headings = [...root.querySelectorAll('section > h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'Places',
      'People',
      'Timeline',
      'Figures',
      'Terms',
      'Notes on the article',
    ]);
  });

  it('says what was recognized and why', () => {
    const root = mount({ status: 'ready', verdict, pack });
    expect(root.textContent).toContain('A version of this article');
    expect(root.textContent).toContain('82% of the article’s text is on this page.');
    expect(root.textContent).toContain(pack.article.title);
  });

  it('renders a card for every place and person', () => {
    const root = mount({ status: 'ready', verdict, pack });
    expect(root.querySelectorAll('#section-places article.card')).toHaveLength(pack.places.length);
    expect(root.querySelectorAll('#section-people article.card')).toHaveLength(pack.people.length);
    expect(root.querySelectorAll('#section-timeline li.event')).toHaveLength(pack.timeline.length);
    expect(root.querySelectorAll('#section-figures article.card')).toHaveLength(
      pack.figures.length,
    );
    expect(root.querySelectorAll('#section-glossary dt')).toHaveLength(pack.glossary.length);
    expect(root.textContent).toContain('The photo caption mixes up two border areas');
  });

  it('shows loading and error states instead of an empty panel', () => {
    expect(mount({ status: 'loading' }).textContent).toContain('Loading');
    const error = mount({ status: 'error', message: 'no pack "x"' });
    expect(error.querySelector('[role="alert"]')?.textContent).toContain('could not load');
  });

  it('keeps the panel when one card fails', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = {
      ...pack,
      places: [
        { ...pack.places[0]!, altNames: null as unknown as string[] },
        ...pack.places.slice(1),
      ],
    };
    const root = mount({ status: 'ready', verdict, pack: broken });
    expect(root.querySelectorAll('#section-places article.card')).toHaveLength(
      pack.places.length - 1,
    );
    expect(logged).toHaveBeenCalledWith(
      'Backstory: could not show place kazakhstan',
      expect.any(TypeError),
    );
    logged.mockRestore();
  });
});

describe('the section registry', () => {
  it('lists each section once, with a heading and content for the first pack', () => {
    const ids = SECTIONS.map((section) => section.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const section of SECTIONS) {
      expect(section.heading).not.toBe('');
      expect(section.count(pack)).toBeGreaterThan(0);
    }
  });
});
