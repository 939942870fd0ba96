// Splits a document into prose blocks and sentences and checks each sentence. Results are cached
// per block text, so after an edit only the blocks whose text changed are checked again.
import { type KnowledgeBase } from '../knowledge/knowledgeBase';
import { type Term } from '../knowledge/types';
import { tokenize } from './text/tokens';
import { detached } from './text/detach';
import { checkView, type Finding, readSentence } from './check';
import { readStatements, type Statement } from './check/consistency';
import { type AcronymExpansion, acronymExpansions } from './reader/expansions';
import { type UnsourcedFigure, unsourcedFigure } from './check/unsourced';
import { type PersonTitle, personTitles } from './reader/titles';
import type { Citation } from './markdown/citations';
import type { FrontMatter } from './markdown/frontMatter';
import { BlockCache, type ParsedProse, parseProse, type ProseBlock, reparseAfterEdit } from './markdown/prose';
import { splitSentences } from './text/sentences';
import { BlockResults } from './blockResults';
import { findTerms } from './reader/terms';
import { checkFragmentList, fragmentLists } from './fragmentLists';

export interface SentenceAnalysis {
  start: number;
  end: number;
  findings: Finding[];
  citations: Citation[];
  /** The figures and dates it reports, for the memo's consistency with itself. */
  statements: Statement[];
  /** The acronyms it expands ("World Health Organization (WHO)"), as written. */
  expansions: AcronymExpansion[];
  /** A figure, date or superlative it states with no source at all. */
  unsourced?: UnsourcedFigure;
  /** The titles it gives people in apposition ("Dr Osei, an associate professor"). */
  titles: PersonTitle[];
}

interface TermOccurrence {
  term: Term;
  start: number;
  end: number;
  /** Written as the acronym itself (OEWG), not its expansion. */
  short: boolean;
}

/** One block's results, with offsets relative to the block start so they survive edits elsewhere. */
interface BlockAnalysis {
  sentences: SentenceAnalysis[];
  terms: TermOccurrence[];
}

export interface DocumentAnalysis {
  sentences: SentenceAnalysis[];
  terms: TermOccurrence[];
  citations: Citation[];
  frontMatter?: FrontMatter;
  /** Blocks checked afresh in this run (the rest came from the cache). */
  checkedBlocks: number;
  totalBlocks: number;
}

/**
 * Longest text checked as one piece. A longer block (a hard-wrapped .txt memo can be one long
 * paragraph) is checked in pieces of at most this length that end where a sentence ends.
 */
export const maxBlockLength = 50_000;

export class DocumentAnalyzer {
  private cache = new BlockResults<BlockAnalysis>();
  /** What each list item leaves for the next, by its raw text: read once, not after every edit. */
  private itemContexts = new Map<string, ItemContext>();
  private readonly blocks = new BlockCache();
  /** The last text parsed, and its blocks: an edit inside one line re-masks one block. */
  private last?: { text: string; languageId: string; prose: ParsedProse };
  private kbVersion = -1;
  /** Each cached block's results as last placed in the document (see placedAt). */
  private placed = new WeakMap<BlockAnalysis, BlockAnalysis & { at: number }>();

  analyze(text: string, kb: KnowledgeBase, languageId = 'markdown'): DocumentAnalysis {
    const steps = this.analyzeInSlices(text, kb, languageId, Infinity);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The same analysis in slices: it yields whenever a slice has taken `budgetMs`, so that a server
   * can answer other requests between slices. Blocks finished before an abandoned run stay cached,
   * so a restarted run always gets further.
   */
  *analyzeInSlices(
    text: string,
    kb: KnowledgeBase,
    languageId = 'markdown',
    budgetMs = 8,
  ): Generator<void, DocumentAnalysis, void> {
    if (kb.version !== this.kbVersion) {
      this.cache = new BlockResults();
      this.itemContexts.clear();
      this.kbVersion = kb.version;
    }
    const reused =
      this.last && this.last.languageId === languageId && languageId === 'markdown'
        ? reparseAfterEdit(this.last.prose, this.last.text, text, this.blocks)
        : undefined;
    const prose = reused ?? parseProse(text, languageId, this.blocks);
    this.last = { text, languageId, prose };
    const next = new BlockResults<BlockAnalysis>();
    const result: DocumentAnalysis = {
      sentences: [],
      terms: [],
      citations: [],
      frontMatter: prose.frontMatter,
      checkedBlocks: 0,
      totalBlocks: prose.blocks.length,
    };
    let sliceStart = performance.now();
    // The last heading's names are what the paragraphs under it speak of ("## The 6G agenda").
    let heading = { text: '', ids: new Set<string>() };
    let item: ItemContext | undefined;
    const nextItemContexts = new Map<string, ItemContext>();
    const headingIdsAt = new Map<ProseBlock, ReadonlySet<string>>();
    for (const block of prose.blocks) {
      headingIdsAt.set(block, heading.ids);
      // The heading above a block decides its context; a heading has none.
      const isHeading = block.options?.heading !== undefined;
      // Items of one list go on from each other as sentences of a paragraph do.
      const isItem = block.options?.listMarker === true;
      if (!isItem) item = undefined;
      const prefix = isHeading ? '' : `${heading.text}\u0000${item?.text ?? ''}\u0000`;
      const headingTerms: TermOccurrence[] = [];
      // Nearly every block is one piece: no array is made for it (this runs for every block after every edit).
      const pieces = block.text.length > maxBlockLength ? piecesOf(block) : undefined;
      for (let p = 0; p < (pieces?.length ?? 1); p++) {
        const piece = pieces ? pieces[p] : block;
        // The raw text decides the masked text (with the block's kind, which its start decides).
        const raw = text.slice(piece.start, piece.end);
        // A heading or a table cell labels figures rather than stating them.
        const states = !isHeading && block.options?.cell !== true;
        const key = states ? prefix : `\u0001${prefix}`;
        let entry = next.find(key, raw) ?? this.cache.find(key, raw);
        if (!entry) {
          const context = isHeading ? new Set<string>() : item ? new Set([...heading.ids, ...item.ids]) : heading.ids;
          const analysis = analyzeBlock(
            kb,
            piece.text,
            raw,
            piece.citations.map((c) => relative(c, piece.start)),
            context,
            item?.words,
            states,
          );
          result.checkedBlocks++;
          // Cached at once, so that a run abandoned at a pause leaves its finished blocks behind.
          entry = this.cache.add(key, raw, analysis);
        }
        next.keep(key, entry);
        const analysis = entry.value;
        const placed = this.placedAt(analysis, piece.start);
        for (const sentence of placed.sentences) result.sentences.push(sentence);
        for (const t of placed.terms) result.terms.push(t);
        if (isHeading) headingTerms.push(...analysis.terms);
        if (performance.now() - sliceStart > budgetMs) {
          yield;
          sliceStart = performance.now();
          // Knowledge reloaded meanwhile: start again, still in slices.
          if (kb.version !== this.kbVersion) return yield* this.analyzeInSlices(text, kb, languageId, budgetMs);
        }
      }
      if (isHeading) {
        heading = { text: text.slice(block.start, block.end), ids: new Set(headingTerms.map((t) => t.term.id)) };
      }
      if (isItem) {
        const raw = text.slice(block.start, block.end);
        item = nextItemContexts.get(raw) ?? this.itemContexts.get(raw) ?? listItemContext(kb, block.text, raw);
        nextItemContexts.set(raw, item);
      }
      result.citations.push(...block.citations);
    }
    // A lead-in and its list of fragments, read together: what they say as one goes on the item.
    for (const run of fragmentLists(prose.blocks)) {
      const last = run.items[run.items.length - 1];
      const headingIds = headingIdsAt.get(run.lead);
      const key = `\u0002${headingIds ? [...headingIds].join(' ') : ''}\u0000`;
      const raw = text.slice(run.lead.start, last.end);
      let entry = next.find(key, raw) ?? this.cache.find(key, raw);
      if (!entry) {
        const findings = checkFragmentList(kb, run, text, headingIdsAt.get(run.lead) ?? new Set());
        // Kept relative to the lead-in, so that an edit above it does not make it stale.
        const relative = findings.map((f) => ({ ...f, start: f.start - run.lead.start, end: f.end - run.lead.start }));
        const analysis = {
          sentences: [
            { start: 0, end: 0, findings: relative, citations: [], statements: [], expansions: [], titles: [] },
          ],
          terms: [],
        };
        entry = this.cache.add(key, raw, analysis);
      }
      next.keep(key, entry);
      for (const f of entry.value.sentences[0].findings) {
        const at = { ...f, start: f.start + run.lead.start, end: f.end + run.lead.start };
        const index = result.sentences.findIndex((x) => x.start <= at.start && at.end <= x.end);
        const sentence = result.sentences[index];
        if (
          sentence &&
          !sentence.findings.some((g) => g.verdict === 'contradiction' && g.start < at.end && at.start < g.end)
        ) {
          // A copy: the sentence as placed is shared with the next run (placedAt).
          result.sentences[index] = { ...sentence, findings: [...sentence.findings, at] };
        }
      }
    }
    // Keep only what this version of the document uses, so the cache never grows past one document.
    this.cache = next;
    this.itemContexts = nextItemContexts;
    return result;
  }

  /**
   * A block's results at document offset `at`. The last placement of each block is kept: after an
   * edit, the blocks before it have not moved and are not copied again (in a 100,000-word memo that
   * is half of 10,000 sentences' findings, statements and citations on average per keystroke).
   */
  private placedAt(analysis: BlockAnalysis, at: number): BlockAnalysis {
    const last = this.placed.get(analysis);
    if (last?.at === at) return last;
    const placed = { at, ...shiftedBlock(analysis, at) };
    this.placed.set(analysis, placed);
    return placed;
  }
}

/** A block's results moved by `by` characters (arrays with nothing to move are shared, never changed). */
function shiftedBlock(analysis: BlockAnalysis, by: number): BlockAnalysis {
  const move = <T extends { start: number; end: number }>(xs: T[]): T[] =>
    xs.length === 0 ? xs : xs.map((x) => ({ ...x, start: x.start + by, end: x.end + by }));
  const sentences = analysis.sentences.map((s) => ({
    start: s.start + by,
    end: s.end + by,
    findings: move(s.findings),
    citations: s.citations.length === 0 ? s.citations : s.citations.map((c) => relative(c, -by)),
    statements: move(s.statements),
    expansions: move(s.expansions),
    unsourced: s.unsourced && { ...s.unsourced, start: s.unsourced.start + by, end: s.unsourced.end + by },
    titles: s.titles.length === 0 ? s.titles : s.titles.map((t) => shiftedTitle(t, by)),
  }));
  return { sentences, terms: move(analysis.terms) };
}

/**
 * A block longer than maxBlockLength in pieces of at most that length, each ending where its last
 * whole sentence ends (or, for a single sentence that long, at a space), so that no sentence is
 * checked in two halves unless it alone is longer than a piece. Citations go with the piece they
 * start in.
 */
function piecesOf(block: ProseBlock): ProseBlock[] {
  const pieces: ProseBlock[] = [];
  for (let from = 0; from < block.text.length;) {
    let to = Math.min(from + maxBlockLength, block.text.length);
    if (to < block.text.length) {
      const spans = splitSentences(block.text, from, to);
      // The last sentence in the window may run on past it: the piece ends where that one starts.
      const lastStart = spans.length > 1 ? spans[spans.length - 1].start : -1;
      const space = block.text.lastIndexOf(' ', to - 1);
      to = lastStart > from ? lastStart : space > from ? space + 1 : to;
    }
    const start = block.start + from;
    const end = block.start + to;
    const citations = block.citations.filter((c) => c.start >= start && c.start < end);
    pieces.push({ start, end, text: block.text.slice(from, to), citations });
    from = to;
  }
  return pieces;
}

/** A title (and the body it is held at) moved by `by` characters. */
function shiftedTitle(t: PersonTitle, by: number): PersonTitle {
  const affiliation = t.affiliation && {
    ...t.affiliation,
    start: t.affiliation.start + by,
    end: t.affiliation.end + by,
  };
  return { ...t, start: t.start + by, end: t.end + by, affiliation };
}

function relative(c: Citation, by: number): Citation {
  return {
    ...c,
    start: c.start - by,
    end: c.end - by,
    keys: c.keys.map((k) => ({ ...k, start: k.start - by, end: k.end - by })),
  };
}

/** What a list item leaves for the next one: its names and the words of its last sentence. */
interface ItemContext {
  text: string;
  ids: Set<string>;
  words: Set<string>;
}

function listItemContext(kb: KnowledgeBase, text: string, raw: string): ItemContext {
  const tokens = tokenize(text);
  const spans = splitSentences(text);
  const last = spans[spans.length - 1];
  const words = new Set(tokens.filter((t) => last && t.start >= last.start && t.end <= last.end).map((t) => t.norm));
  return { text: raw, ids: new Set(findTerms(kb, tokens).map((m) => m.value.id)), words };
}

function analyzeBlock(
  kb: KnowledgeBase,
  text: string,
  raw: string,
  citations: Citation[],
  headingIds: ReadonlySet<string>,
  previousWords?: ReadonlySet<string>,
  states = true,
): BlockAnalysis {
  const spans = splitSentences(text);
  const tokens = tokenize(text);
  const termMatches = findTerms(kb, tokens);
  const sentences: SentenceAnalysis[] = spans.map((span, i) => {
    // A citation right after a sentence's full stop ("… 78%. [@kim2023]") belongs to that sentence.
    const nextStart = i + 1 < spans.length ? spans[i + 1].start : Infinity;
    const own = citations.filter(
      (c) =>
        c.start >= span.start &&
        (c.end <= span.end || (c.start < nextStart && i + 1 < spans.length ? c.end <= nextStart : true)) &&
        c.start < nextStart,
    );
    // What the paragraph named before this sentence: "it", "the strategy", "Kim" can refer to it.
    const recent = [...headingIds, ...termMatches.filter((m) => m.end <= span.start).map((m) => m.value.id)];
    const before = i > 0 ? spans[i - 1] : undefined;
    const previous = before
      ? new Set(tokens.filter((t) => t.start >= before.start && t.end <= before.end).map((t) => t.norm))
      : previousWords;
    const context = {
      ids: new Set(recent),
      recent,
      previous,
      cited: new Set(own.flatMap((c) => c.keys.map((k) => k.key))),
    };
    const view = readSentence(kb, text, span.start, span.end, raw, tokens, context);
    const statements = states ? readStatements(view) : [];
    const expansions = states
      ? acronymExpansions(text, span.start, span.end).map((e) => ({
          ...e,
          expansion: detached(raw.slice(e.start, e.end)),
        }))
      : [];
    const unsourced = states ? unsourcedFigure(view, own.length > 0) : undefined;
    const titles = states ? personTitles(view) : [];
    return {
      start: span.start,
      end: span.end,
      findings: checkView(view),
      citations: own,
      statements,
      expansions,
      unsourced,
      titles,
    };
  });
  const terms: TermOccurrence[] = termMatches
    .filter((m) => !m.value.gazetteer)
    .map((m) => {
      const written = text.slice(m.start, m.end);
      return { term: m.value, start: m.start, end: m.end, short: isShortForm(written) };
    });
  return { sentences, terms };
}

/** "OEWG", "SDGs", "UN GGE": capitals only, but for a plural s. */
function isShortForm(written: string): boolean {
  const core = written.replace(/s$/, '');
  return /\p{Lu}/u.test(core) && !/\p{Ll}/u.test(core);
}
