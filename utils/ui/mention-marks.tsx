/**
 * Marks the pack's people and places in the article's main text with the CSS Custom Highlight API
 * (`::highlight(backstory-mention)`; the page's DOM is never changed) and shows a card for a mention
 * on hover and on keyboard focus, meeting WCAG 1.4.13: Escape hides it without moving pointer or
 * focus, the pointer can move onto it, and it stays until then or until the pointer or focus
 * leaves. Highlights cannot take focus, so keyboard users get one focusable target in a shadow
 * root that moves over the mentions with the arrow keys (a roving stand-in: one Tab stop, not one
 * per mention). Rectangles are read lazily: for the mention under the pointer (found with
 * `caretPositionFromPoint`) and the one with focus, once per animation frame at most.
 */
import { createRef, render } from 'preact';
import { MentionLayer, type MentionCardState } from '../../components/MentionLayer';
import type { Pack } from '../packs/types';
import { findMentions, mentionEntities, type MentionEntity } from '../page/find-mentions';
import {
  ACTIVE_MENTION_HIGHLIGHT,
  clearHighlight,
  MENTION_HIGHLIGHT,
  setHighlight,
} from '../page/highlights';
import { nodesOf, rangeOf, readPageTextInSteps } from '../page/page-text';
import { articleRoot, isNotArticle } from '../page/read-page';
import { scrollToRange } from '../page/scroll-to-range';
import { runAtOnce, runInSlices, type Steps } from '../slices';
import { pageStrings } from '../strings';
import { boxContains, placeCard, type Box } from './card-position';
import { caretAt, firstBox, visibleIndex } from './mention-geometry';
import { createShadowHost, type ShadowHost } from './shadow-host';

/** The marks' host element name. */
export const MARKS_TAG = 'backstory-marks';
/** How long a card stays after the pointer leaves its words, so it can reach the card. */
const HOVER_GRACE_MS = 300;

/** What the marks need. */
export interface MentionMarksOptions {
  doc: Document;
  pack: Pack;
  /** Styles for the marks' shadow root (the target and the card). */
  css: string;
  /** Whether marks are shown at first (the reader's setting); true when left out. */
  marks?: boolean;
  /** Opens the panel at the entity's card. */
  onOpen: (entity: Pick<MentionEntity, 'kind' | 'id'>) => void;
  /** The mentions already found (see {@link markMentions}); the page is read when left out. */
  found?: FoundMentions;
}

/** The mentions found on a page, and which text nodes each one touches. */
export interface FoundMentions {
  mentions: Mention[];
  byNode: Map<Node, number[]>;
}

/** The marks on one page. */
export interface MentionMarks {
  /** Shows or removes every mark (and the card and the focus target with them). */
  setEnabled(on: boolean): void;
  isEnabled(): boolean;
  /** How many mentions are marked (0 while off). */
  count(): number;
  /** Moves focus to the mention nearest the top of the viewport and shows its card. */
  focusFirst(): boolean;
  destroy(): void;
}

interface Mention {
  entity: MentionEntity;
  range: Range;
}

/** Reads the article's main text and finds the pack's people and places in it, in steps. */
export function* findPageMentionsInSteps(doc: Document, pack: Pack): Steps<FoundMentions> {
  const root = articleRoot(doc) ?? doc.body;
  const page = yield* readPageTextInSteps(root, { exclude: isNotArticle });
  const matches = findMentions(page.words, mentionEntities(pack));
  yield;
  const mentions = matches.map((m) => ({ entity: m.entity, range: rangeOf(page, m.from, m.to) }));
  const byNode = new Map<Node, number[]>();
  matches.forEach((m, index) => {
    for (const node of nodesOf(page, m.from, m.to)) {
      byNode.set(node, [...(byNode.get(node) ?? []), index]);
    }
  });
  return { mentions, byNode };
}

/**
 * Finds the mentions in slices that give the page's main thread back between them (a long page
 * takes many), then marks them as {@link createMentionMarks} does. Rejects if `signal` aborts.
 */
export async function markMentions(
  options: MentionMarksOptions & { signal?: AbortSignal },
): Promise<MentionMarks> {
  const { signal, ...rest } = options;
  if (rest.marks === false) return createMentionMarks(rest);
  const found = await runInSlices(findPageMentionsInSteps(rest.doc, rest.pack), {
    ...(signal && { signal }),
  });
  return createMentionMarks({ ...rest, found });
}

/** Marks the page's mentions of the pack's people and places (unless `marks` is false). */
export function createMentionMarks(options: MentionMarksOptions): MentionMarks {
  const { doc, pack } = options;
  const view = doc.defaultView;
  let enabled = false;
  let mentions: Mention[] = [];
  let byNode = new Map<Node, number[]>();
  let shadow: ShadowHost | null = null;
  let container: HTMLElement | null = null;
  let listeners: AbortController | null = null;
  const targetRef = createRef<HTMLButtonElement>();
  const cardRef = createRef<HTMLDivElement>();

  // Interaction state.
  let current = -1; // the mention the focus target stands on
  let focusInside = false; // focus is on the target or in the card
  let hovered = -1; // the mention under the pointer
  let hoverBox: Box | null = null;
  let lingering = -1; // a hovered mention whose card waits for the pointer to reach it
  let overCard = false;
  let dismissed = false; // Escape pressed: no card until the trigger changes
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let pointer: { x: number; y: number } | null = null;
  let frame = 0;

  // Found before the marks were made (the first time only: the page may change after).
  let found = options.found;
  const scan = () => {
    ({ mentions, byNode } = found ?? runAtOnce(findPageMentionsInSteps(doc, pack)));
    found = undefined;
  };

  /** The mention whose card shows, and why. */
  const cardMention = (): { index: number; byFocus: boolean } | null => {
    if (dismissed) return null;
    if (focusInside && current >= 0) return { index: current, byFocus: true };
    if (hovered >= 0) return { index: hovered, byFocus: false };
    if (lingering >= 0) return { index: lingering, byFocus: false };
    return null;
  };

  const draw = () => {
    if (!container || !view) return;
    const shown = cardMention();
    const targetBox = current >= 0 && focusInside ? firstBox(mentions[current]?.range) : null;
    const anchor = shown?.byFocus ? targetBox : shown ? hoverBox : null;
    const mention = shown ? mentions[shown.index] : undefined;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    let card: MentionCardState | null = null;
    if (mention && anchor && shown) {
      // Measure the card where it was last drawn (or a typical size), then place it.
      const size = cardRef.current?.getBoundingClientRect() ?? { width: 320, height: 140 };
      card = {
        entity: mention.entity,
        placement: placeCard(anchor, size, viewport),
        byFocus: shown.byFocus,
      };
    }
    const focused = mentions[current];
    const label = focused
      ? pageStrings.mentionTargetLabel(focused.entity.name, current + 1, mentions.length)
      : pageStrings.mentionTargetIdle;
    render(
      <MentionLayer
        target={targetBox ? { box: targetBox, label } : null}
        card={card}
        targetRef={targetRef}
        cardRef={cardRef}
        onTargetFocus={onTargetFocus}
        onTargetKeyDown={onTargetKeyDown}
        onOpen={open}
        onCardPointer={onCardPointer}
      />,
      container,
    );
    // A card whose measured size changed (first draw, other text) is placed again.
    const drawn = cardRef.current?.getBoundingClientRect();
    if (card && anchor && drawn) {
      const placement = placeCard(anchor, drawn, viewport);
      if (placement.top !== card.placement.top || placement.left !== card.placement.left) {
        const style = cardRef.current?.style;
        style?.setProperty('left', `${placement.left}px`);
        style?.setProperty('top', `${placement.top}px`);
        cardRef.current?.setAttribute('class', `card card-${placement.side}`);
      }
    }
    const active = mention?.range;
    if (active) setHighlight(doc, ACTIVE_MENTION_HIGHLIGHT, [active]);
    else clearHighlight(doc, ACTIVE_MENTION_HIGHLIGHT);
  };

  /** Which mention is under the pointer, and the rectangle of its words there. */
  const hitTest = () => {
    if (!pointer) return;
    const { x, y } = pointer;
    const caret = caretAt(doc, x, y);
    let found = -1;
    let box: Box | null = null;
    for (const index of (caret && byNode.get(caret)) || []) {
      const rects = mentions[index]?.range.getClientRects() ?? [];
      const hit = [...rects].find((rect) => boxContains(rect, x, y, 1));
      if (hit) {
        found = index;
        box = hit;
        break;
      }
    }
    if (found !== hovered) {
      if (found < 0 && hovered >= 0) linger(hovered);
      if (found >= 0) {
        lingering = -1;
        dismissed = false;
      }
      hovered = found;
    }
    hoverBox = box ?? (found < 0 && lingering >= 0 ? hoverBox : null);
  };

  const linger = (index: number) => {
    lingering = index;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (overCard) return;
      lingering = -1;
      draw();
    }, HOVER_GRACE_MS);
  };

  const onFrame = () => {
    frame = 0;
    hitTest();
    draw();
  };
  const schedule = () => {
    if (!frame && view) frame = view.requestAnimationFrame(onFrame);
  };

  /**
   * Opens the panel at the entity. Focus is first put on the target over this mention, so that
   * the panel, when closed, gives focus back there and the reader continues from the same mark.
   */
  function open(entity: MentionEntity) {
    const shown = cardMention();
    if (shown) current = shown.index;
    if (shadow?.root.activeElement && shadow.root.activeElement !== targetRef.current) {
      targetRef.current?.focus();
    }
    options.onOpen({ kind: entity.kind, id: entity.id });
  }

  function onCardPointer(over: boolean) {
    overCard = over;
    if (over) {
      clearTimeout(hideTimer);
      if (hovered >= 0) lingering = hovered;
    } else if (lingering >= 0) linger(lingering);
  }

  const moveTo = (index: number) => {
    const mention = mentions[index];
    if (!mention) return;
    if (index !== current) dismissed = false;
    current = index;
    const box = firstBox(mention.range);
    if (!box || box.top < 0 || box.top + box.height > (view?.innerHeight ?? 0)) {
      scrollToRange(doc, mention.range);
    }
    draw();
  };

  function onTargetFocus() {
    focusInside = true;
    dismissed = false;
    const box = current >= 0 ? firstBox(mentions[current]?.range) : null;
    const inView = box && box.top >= 0 && box.top + box.height <= (view?.innerHeight ?? 0);
    moveTo(inView ? current : visibleIndex(mentions, view?.innerHeight ?? 0));
  }

  function onTargetKeyDown(event: KeyboardEvent) {
    const last = mentions.length - 1;
    const next: Record<string, number> = {
      ArrowRight: Math.min(current + 1, last),
      ArrowDown: Math.min(current + 1, last),
      ArrowLeft: Math.max(current - 1, 0),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
    };
    const index = next[event.key];
    if (index === undefined) return;
    event.preventDefault();
    moveTo(index);
  }

  const listen = () => {
    listeners = new AbortController();
    const { signal } = listeners;
    const passive = { passive: true, capture: true, signal };
    doc.addEventListener(
      'pointermove',
      (event) => {
        if (event.pointerType === 'touch') return;
        if (shadow && event.composedPath().includes(shadow.host)) return;
        pointer = { x: event.clientX, y: event.clientY };
        schedule();
      },
      passive,
    );
    doc.documentElement.addEventListener(
      'pointerleave',
      () => {
        pointer = null;
        if (hovered >= 0) linger(hovered);
        hovered = -1;
        schedule();
      },
      { signal },
    );
    view?.addEventListener('scroll', schedule, passive);
    view?.addEventListener('resize', schedule, passive);
    // Escape hides the card first (before the panel's own Escape), wherever focus is.
    view?.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape' || dismissed || !cardMention()) return;
        event.stopPropagation();
        event.preventDefault();
        dismissed = true;
        draw();
      },
      { capture: true, signal },
    );
    shadow?.root.addEventListener(
      'focusout',
      (event) => {
        const next = (event as FocusEvent).relatedTarget as Node | null;
        if (next && shadow?.root.contains(next)) return;
        focusInside = false;
        schedule();
      },
      { signal },
    );
  };

  const enable = () => {
    scan();
    if (mentions.length === 0) return;
    setHighlight(
      doc,
      MENTION_HIGHLIGHT,
      mentions.map((m) => m.range),
    );
    shadow = createShadowHost(doc, MARKS_TAG, options.css);
    container = doc.createElement('div');
    shadow.root.append(container);
    listen();
    draw();
  };

  const disable = () => {
    listeners?.abort();
    listeners = null;
    clearTimeout(hideTimer);
    if (frame) view?.cancelAnimationFrame(frame);
    frame = 0;
    if (container) render(null, container);
    shadow?.destroy();
    shadow = null;
    container = null;
    clearHighlight(doc, MENTION_HIGHLIGHT);
    clearHighlight(doc, ACTIVE_MENTION_HIGHLIGHT);
    mentions = [];
    byNode = new Map();
    current = hovered = lingering = -1;
    focusInside = overCard = dismissed = false;
  };

  const setEnabled = (on: boolean) => {
    if (on === enabled) return;
    enabled = on;
    if (on) enable();
    else disable();
  };
  setEnabled(options.marks ?? true);

  return {
    setEnabled,
    isEnabled: () => enabled,
    count: () => mentions.length,
    focusFirst() {
      if (!targetRef.current || mentions.length === 0) return false;
      current = -1;
      if (shadow?.root.activeElement === targetRef.current) onTargetFocus();
      else targetRef.current.focus();
      return true;
    },
    destroy: () => setEnabled(false),
  };
}
