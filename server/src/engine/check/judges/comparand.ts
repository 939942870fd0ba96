// What a figure is compared with: "fifty times faster than 5G" is not "fifty times faster than 4G".
import { sameEntity } from '../../reader/entities';
import { type SentenceView } from '../../reader/sentence';
import { type NumberMention } from '../../values';
import { tokenize } from '../../text/tokens';

/** The thing after "than" that follows the figure, when it is not the sourced one. */
export function comparandConflict(
  view: SentenceView,
  m: NumberMention,
  than: string,
): { start: number; end: number } | undefined {
  const from = view.tokenIndexAt(m.end);
  for (let k = from; k < Math.min(view.tokens.length, from + 5); k++) {
    if (view.words[k] !== 'than') continue;
    const next = view.tokens[k + 1];
    if (!next) return undefined;
    const entity = view.entityAt(k + 1);
    const known = view.kb.termById.get(than);
    if (entity?.id && known) {
      return sameEntity(view.kb, entity.id, known.id) ? undefined : { start: entity.start, end: entity.end };
    }
    // A phrase: the next word against the phrase's words ("4G" against "5G").
    const forms = view.kb.formsOf(than).map((f) => tokenize(f)[0]?.norm);
    if (
      /^\p{Lu}|\d/u.test(next.raw) &&
      !forms.includes(next.norm) &&
      (known?.kind === next.raw || /\d/.test(next.raw) === /\d/.test(than))
    ) {
      return { start: next.start, end: next.end };
    }
    return undefined;
  }
  return undefined;
}
