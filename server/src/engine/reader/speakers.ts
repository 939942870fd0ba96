// Who a sentence says its statement comes from, when that is a name of its own: "the 2019 strategy
// notes …", "It is the strategy that states …", "according to the white paper", "comes from the
// 2019 strategy", "Kim quotes the strategy as saying …". Support must check that name too.
import { lexicon, phraseBefore } from '../lexicon';
import { type EntityMention } from './entities';
import { type SentenceView } from './sentence';

/** The mention is named as the speaker of the sentence's statement. */
export function isSpeaker(view: SentenceView, e: EntityMention): boolean {
  const { words } = view;
  const after = words[e.last] ?? '';
  // "the strategy notes", and a cleft's "the strategy that notes".
  if (lexicon.reportingVerbs.has(after)) return true;
  if (lexicon.relativeWords.has(after) && lexicon.reportingVerbs.has(words[e.last + 1] ?? '')) return true;
  const first = firstWithArticle(view, e);
  if (isAttributedTo(view, e) || phraseBefore(lexicon.sourcePhrases, words, first)) return true;
  // "quotes the strategy as stating …".
  return lexicon.reportingVerbs.has(words[first - 1] ?? '') && after === 'as';
}

/** "according to the EU", "per EU assessment": the statement is said to come from the mention. */
export function isAttributedTo(view: SentenceView, e: EntityMention): boolean {
  return phraseBefore(lexicon.attributionPhrases, view.words, firstWithArticle(view, e)) !== undefined;
}

/** Where the mention starts with the article or the owner's name before it ("the strategy", "Northland's strategy"). */
function firstWithArticle(view: SentenceView, e: EntityMention): number {
  const owner = view.entities.find((o) => o.possessive && o.last === e.first);
  const first = owner ? owner.first : e.first;
  return lexicon.determiners.has(view.words[first - 1] ?? '') ? first - 1 : first;
}
