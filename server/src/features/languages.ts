// Which documents are Markdown to the checker. Quarto (.qmd) and R Markdown (.Rmd) are Pandoc
// Markdown with code chunks in fences; without the Quarto or R extension VS Code opens them as
// plain text, so the file name decides too.

const markdownLanguages = new Set(['markdown', 'quarto', 'rmd', 'rmarkdown', 'pandoc']);

/** File name endings of memos: Check Workspace and find-all-references look for these. */
export const markdownExtensions = ['.md', '.markdown', '.qmd', '.rmd'];

/**
 * `markdown` or `plaintext`: how the checker reads the document's structure. A .md file switched to
 * plain text on purpose stays plain; a .qmd or .Rmd file is Markdown whatever the editor calls it.
 */
export function proseLanguage(languageId: string, uri: string): 'markdown' | 'plaintext' {
  if (markdownLanguages.has(languageId)) return 'markdown';
  return /\.(qmd|rmd)$/i.test(uri.replace(/[?#].*$/, '')) ? 'markdown' : 'plaintext';
}
