// A value written alone after a colon ("… shared a single date: 28 October 2022") is what the
// clause before the colon names: that clause is its lead, for binding and for its time zone.
import { type Clause } from './clauses';
import { type SentenceView } from './sentence';

/** The clause right before a colon when `clause` after it is one value and nothing else. */
export function leadOfValue(view: SentenceView, clause: Clause): Clause | undefined {
  if (clause.first === 0 || !view.gapBefore(clause.first).includes(':')) return undefined;
  const start = view.tokens[clause.first].start;
  const end = view.tokens[clause.last - 1].end;
  if (!view.values.some((v) => v.start <= start && end <= v.end)) return undefined;
  const lead = view.clauseAt(clause.first - 1);
  return lead.last === clause.first ? lead : undefined;
}
