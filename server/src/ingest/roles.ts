// People a report names with their posts: "Ann Lee, Senior Fellow at the Institute of Ports" in a
// sentence, or a byline block of three lines (name / title / organisation). Title words come from
// the lexicon; the person and the organisation are the reader's names.
import { lexicon } from '../engine/lexicon';
import { type EntityMention } from '../engine/reader/entities';
import { type SentenceView } from '../engine/reader/sentence';
import { tokenize } from '../engine/text/tokens';

export interface ExtractedRole {
  person: string;
  title: string;
  org?: string;
}

/** Prepositions that join a post to its organisation. */
const postPrepositions = new Set(['at', 'of', 'in', 'to', 'with']);

/** "Name, Title at Org" and "Name is a Title of the Org" in a sentence. */
export function rolesIn(view: SentenceView): ExtractedRole[] {
  const out: ExtractedRole[] = [];
  const { words, entities } = view;
  for (const person of entities) {
    const name = personName(view, person);
    if (!name) continue;
    let k = person.last;
    const gap = view.gapBefore(k);
    if (gap === ' ' && (words[k] === 'is' || words[k] === 'was')) {
      k++;
      if (lexicon.determiners.has(words[k])) k++;
    } else if (gap.trim() !== ',') continue;
    const titleStart = k;
    let hasTitle = false;
    while (k < words.length && (lexicon.titleModifiers.has(words[k]) || lexicon.titleWords.has(words[k]))) {
      hasTitle ||= lexicon.titleWords.has(words[k]);
      k++;
    }
    if (!hasTitle || !postPrepositions.has(words[k])) continue;
    const title = view.text.slice(view.tokens[titleStart].start, view.tokens[k - 1].end);
    k++;
    if (words[k] === 'the') k++;
    const org = entities.find((e) => e.first === k || (e.first < k && k < e.last));
    if (!org) continue;
    out.push({ person: name, title, org: view.text.slice(view.tokens[k].start, org.end) });
  }
  return out;
}

/** A person's name: two or three capitalised words (an honorific before them dropped), no acronym. */
function personName(view: SentenceView, m: EntityMention): string | undefined {
  if (m.weak) return undefined;
  let first = m.first;
  if (lexicon.honorifics.has(view.words[first])) first++;
  const count = m.last - first;
  if (count < 2 || count > 3) return undefined;
  for (let k = first; k < m.last; k++) {
    const t = view.tokens[k];
    if (t.upper || lexicon.titleWords.has(t.lower) || lexicon.titleModifiers.has(t.lower)) return undefined;
  }
  return view.text.slice(view.tokens[first].start, m.end);
}

/** A byline block: a name line, a line with a title word, an organisation line. */
export function bylineRole(block: string): ExtractedRole | undefined {
  const lines = block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length !== 3) return undefined;
  const nameTokens = tokenize(lines[0]).filter((t) => !lexicon.honorifics.has(t.lower));
  const capitalised = nameTokens.every((t) => t.raw.charAt(0) !== t.raw.charAt(0).toLowerCase() && !t.upper);
  if (nameTokens.length < 2 || nameTokens.length > 3 || !capitalised) return undefined;
  if (!tokenize(lines[1]).some((t) => lexicon.titleWords.has(t.lower))) return undefined;
  const person = lines[0].slice(nameTokens[0].start);
  return { person, title: lines[1], org: lines[2] };
}
