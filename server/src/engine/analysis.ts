// Splits a document into prose blocks and sentences and checks each sentence. Results are cached
// per block text, so after an edit only the blocks whose text changed are checked again.
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { Term } from '../knowledge/types';
import { tokenize } from './text/tokens';
import { checkSentence, Finding } from './check';
import { BlockCache, Citation, FrontMatter, ParsedProse, parseProse, reparseAfterEdit } from './markdown/prose';
import { splitSentences } from './text/sentences';
import { findTerms } from './reader/terms';

export interface SentenceAnalysis {
  start: number;
  end: number;
  findings: Finding[];
  citations: Citation[];
}

export interface TermOccurrence {
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

/** Longest text we check as one block; longer ones (pasted data, one-line dumps) are skipped. */
export const maxBlockLength = 50_000;

export class DocumentAnalyzer {
  private cache = new Map<string, BlockAnalysis>();
  private readonly blocks = new BlockCache();
  /** The last text parsed, and its blocks: an edit inside one line re-masks one block. */
  private last?: { text: string; languageId: string; prose: ParsedProse };
  private kbVersion = -1;

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
  *analyzeInSlices(text: string, kb: KnowledgeBase, languageId = 'markdown', budgetMs = 8): Generator<void, DocumentAnalysis, void> {
    if (kb.version !== this.kbVersion) {
      this.cache.clear();
      this.kbVersion = kb.version;
    }
    const reused = this.last && this.last.languageId === languageId && languageId === 'markdown' ? reparseAfterEdit(this.last.prose, this.last.text, text, this.blocks) : undefined;
    const prose = reused ?? parseProse(text, languageId, this.blocks);
    this.last = { text, languageId, prose };
    const next = new Map<string, BlockAnalysis>();
    const result: DocumentAnalysis = { sentences: [], terms: [], citations: [], frontMatter: prose.frontMatter, checkedBlocks: 0, totalBlocks: prose.blocks.length };
    let sliceStart = performance.now();
    // The last heading's names are what the paragraphs under it speak of ("## The 6G agenda").
    let heading = { text: '', ids: new Set<string>() };
    for (const block of prose.blocks) {
      // The raw text decides the masked text (with the block's kind, which its start decides), and
      // the heading above it decides its context.
      const raw = text.slice(block.start, block.end);
      const key = block.options?.heading ? raw : `${heading.text}\u0000${raw}`;
      let analysis = next.get(key) ?? this.cache.get(key);
      if (!analysis) {
        const context = block.options?.heading ? new Set<string>() : heading.ids;
        analysis = block.text.length > maxBlockLength ? { sentences: [], terms: [] } : analyzeBlock(kb, block.text, raw, block.citations.map((c) => relative(c, block.start)), context);
        result.checkedBlocks++;
        // Cached at once, so that a run abandoned at a pause leaves its finished blocks behind.
        this.cache.set(key, analysis);
      }
      next.set(key, analysis);
      for (const s of analysis.sentences) {
        const sentence = { start: s.start + block.start, end: s.end + block.start, findings: s.findings.map((f) => ({ ...f, start: f.start + block.start, end: f.end + block.start })), citations: s.citations.map((c) => relative(c, -block.start)) };
        result.sentences.push(sentence);
      }
      for (const t of analysis.terms) result.terms.push({ ...t, start: t.start + block.start, end: t.end + block.start });
      if (block.options?.heading) heading = { text: raw, ids: new Set(analysis.terms.map((t) => t.term.id)) };
      result.citations.push(...block.citations);
      if (performance.now() - sliceStart > budgetMs) {
        yield;
        sliceStart = performance.now();
        // Knowledge reloaded meanwhile: start again, still in slices.
        if (kb.version !== this.kbVersion) return yield* this.analyzeInSlices(text, kb, languageId, budgetMs);
      }
    }
    // Keep only what this version of the document uses, so the cache never grows past one document.
    this.cache = next;
    return result;
  }
}

function relative(c: Citation, by: number): Citation {
  return { ...c, start: c.start - by, end: c.end - by, keys: c.keys.map((k) => ({ ...k, start: k.start - by, end: k.end - by })) };
}

function analyzeBlock(kb: KnowledgeBase, text: string, raw: string, citations: Citation[], headingIds: ReadonlySet<string>): BlockAnalysis {
  const spans = splitSentences(text);
  const tokens = tokenize(text);
  const termMatches = findTerms(kb, tokens);
  const sentences: SentenceAnalysis[] = spans.map((span, i) => {
    // A citation right after a sentence's full stop ("… 78%. [@kim2023]") belongs to that sentence.
    const nextStart = i + 1 < spans.length ? spans[i + 1].start : Infinity;
    const own = citations.filter((c) => c.start >= span.start && (c.end <= span.end || (c.start < nextStart && i + 1 < spans.length ? c.end <= nextStart : true)) && c.start < nextStart);
    // What the paragraph named before this sentence: "it", "the strategy", "Kim" can refer to it.
    const recent = [...headingIds, ...termMatches.filter((m) => m.end <= span.start).map((m) => m.value.id)];
    const context = { ids: new Set(recent), recent, cited: new Set(own.flatMap((c) => c.keys.map((k) => k.key))) };
    return { start: span.start, end: span.end, findings: checkSentence(kb, text, span.start, span.end, raw, tokens, context), citations: own };
  });
  const terms: TermOccurrence[] = termMatches.filter((m) => !m.value.gazetteer).map((m) => {
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
