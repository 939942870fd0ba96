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
  const first = lexicon.determiners.has(words[e.first - 1] ?? '') ? e.first - 1 : e.first;
  if (phraseBefore(lexicon.attributionPhrases, words, first) || phraseBefore(lexicon.sourcePhrases, words, first)) {
    return true;
  }
  // "quotes the strategy as stating …".
  return lexicon.reportingVerbs.has(words[first - 1] ?? '') && after === 'as';
}
