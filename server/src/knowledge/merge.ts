// Adds sources read from a sources folder to the curated knowledge. Curated entries win: a report
// whose key a curated source has keeps the curated metadata, and people or organisations the
// extractor found under a curated name are the curated glossary entries.
import { surfaceForms } from './knowledgeBase';
import { type Claim, type LoadedKnowledge, type Source, type Term } from './types';

export interface IngestedKnowledge {
  source: Source;
  claims: Claim[];
  terms: Term[];
}

export function mergeIngested(curated: LoadedKnowledge, ingested: readonly IngestedKnowledge[]): LoadedKnowledge {
  if (ingested.length === 0) return curated;
  const sources = [...curated.sources];
  const terms = [...curated.terms];
  const claims = [...curated.claims];
  const byForm = new Map<string, string>();
  for (const t of curated.terms) for (const f of surfaceForms(t)) byForm.set(f.toLowerCase(), t.id);
  const ids = new Set(terms.map((t) => t.id));
  const claimIds = new Set(claims.map((c) => c.id));
  for (const item of ingested) {
    if (!sources.some((s) => s.key === item.source.key)) sources.push(item.source);
    const remap = new Map<string, string>();
    for (const term of item.terms) {
      const known = byForm.get(term.term.toLowerCase());
      if (known) remap.set(term.id, known);
      else if (!ids.has(term.id)) {
        terms.push(term);
        ids.add(term.id);
        byForm.set(term.term.toLowerCase(), term.id);
      }
    }
    for (const claim of item.claims) {
      let id = claim.id;
      while (claimIds.has(id)) id += "'";
      claimIds.add(id);
      const value =
        claim.value.kind === 'role'
          ? {
              kind: 'role' as const,
              role: {
                ...claim.value.role,
                person: remap.get(claim.value.role.person) ?? claim.value.role.person,
                org: claim.value.role.org ? (remap.get(claim.value.role.org) ?? claim.value.role.org) : undefined,
              },
            }
          : claim.value;
      claims.push({ ...claim, id, value });
    }
  }
  return { ...curated, sources, terms, claims };
}
