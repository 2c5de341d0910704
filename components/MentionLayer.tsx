import type { Ref } from 'preact';
import type { MentionEntity } from '../utils/page/find-mentions';
import type { Box, CardPlacement } from '../utils/ui/card-position';
import { pageStrings } from '../utils/strings';

/** The card for one mention: which entity, where, and whether keyboard focus opened it. */
export interface MentionCardState {
  entity: MentionEntity;
  placement: CardPlacement;
  /** Opened by keyboard focus on the mention target (shows the keys to use). */
  byFocus: boolean;
}

export interface MentionLayerProps {
  /** The focusable stand-in for the current mention, over its words; null hides it off-screen. */
  target: { box: Box; label: string } | null;
  card: MentionCardState | null;
  targetRef: Ref<HTMLButtonElement>;
  cardRef: Ref<HTMLDivElement>;
  onTargetFocus: () => void;
  onTargetKeyDown: (event: KeyboardEvent) => void;
  onOpen: (entity: MentionEntity) => void;
  onCardPointer: (over: boolean) => void;
}

const CARD_ID = 'backstory-mention-card';

/**
 * What Backstory draws over the page for its marks: one focusable target (a roving stand-in that
 * moves from mention to mention with the arrow keys) and the hover card.
 */
export function MentionLayer(props: MentionLayerProps) {
  const { target, card } = props;
  return (
    <>
      <button
        type="button"
        class="target"
        ref={props.targetRef}
        aria-label={target?.label ?? pageStrings.mentionTargetIdle}
        aria-describedby={card ? `${CARD_ID}-summary ${CARD_ID}-keys` : undefined}
        style={
          target
            ? {
                left: `${target.box.left}px`,
                top: `${target.box.top}px`,
                width: `${target.box.width}px`,
                height: `${target.box.height}px`,
              }
            : undefined
        }
        onFocus={props.onTargetFocus}
        onKeyDown={props.onTargetKeyDown}
        onClick={() => card && props.onOpen(card.entity)}
      />
      {card && <MentionCard {...props} card={card} />}
    </>
  );
}

/** The hover card: the entity's name, its one line, and a way into the panel. */
function MentionCard({
  card,
  cardRef,
  onOpen,
  onCardPointer,
}: MentionLayerProps & { card: MentionCardState }) {
  const { entity, placement, byFocus } = card;
  return (
    <div
      class={`card card-${placement.side}`}
      id={CARD_ID}
      ref={cardRef}
      role="group"
      aria-labelledby={`${CARD_ID}-name`}
      style={{ left: `${placement.left}px`, top: `${placement.top}px` }}
      onPointerEnter={() => onCardPointer(true)}
      onPointerLeave={() => onCardPointer(false)}
    >
      {/* The words are generated content (`data-text`, see marks.css), not text nodes: a page's
          text search (`window.find`) finds rendered text even in a closed shadow root. */}
      <div class="box">
        <p class="kind" data-text={pageStrings.mentionKind[entity.kind]} />
        <p class="name" id={`${CARD_ID}-name`} data-text={entity.name} />
        <p class="summary" id={`${CARD_ID}-summary`} data-text={entity.summary} />
        <button
          type="button"
          class="open"
          onClick={() => onOpen(entity)}
          data-text={pageStrings.openInBackstory}
        />
        {byFocus && <p class="keys" id={`${CARD_ID}-keys`} data-text={pageStrings.mentionKeys} />}
      </div>
    </div>
  );
}
