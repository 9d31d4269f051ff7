/**
 * The safe Markdown subset of a post's body, parsed into a small tree that {@link Markdown} turns into React
 * elements: paragraphs (a single newline is a line break), bulleted and numbered lists, *emphasis*, **strong**,
 * [links](https://…) and bare http(s) addresses. Nothing else is markup: `<script>` is text, and a link whose address
 * is not http, https or mailto stays the text it was typed as.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address to put in href, or undefined when it must not be a link. Parsed by the URL parser the browser itself
 * uses, so tricks such as `java\tscript:`, `JaVaScRiPt:` or a leading space are judged as the browser would judge them.
 */
export function safeHref(raw: string): string | undefined {
  const address = raw.trim();
  if (address === '' || /[\u0000-\u001f\u007f\s]/.test(address)) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && url.hostname === '') return undefined;
  return url.href;
}

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
/** Nesting deeper than this is shown as text: enough for any real post, and a bound on recursion. */
const MAX_DEPTH = 6;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | null = null;

  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: inlineLines(paragraph) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, start: list.start, items: list.items.map(inlineLines) });
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      endParagraph();
      if (list && list.ordered !== ordered) endList();
      if (!list) list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push([(bullet ? bullet[1] : numbered?.[2]) ?? '']);
      continue;
    }
    if (list && /^[ \t]/.test(line)) {
      // An indented line goes on with the item above it.
      list.items[list.items.length - 1]?.push(line.trim());
      continue;
    }
    endList();
    paragraph.push(line);
  }
  endParagraph();
  endList();
  return blocks;
}

function inlineLines(lines: string[]): Inline[] {
  const children: Inline[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ kind: 'break' });
    children.push(...parseInline(line, 0));
  });
  return children;
}

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '-', '+', '.', '!', '`', '#']);
const AUTOLINK = /^https?:\/\/[^\s<>"]+/i;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * Inline markup of one line. Each delimiter's closing search remembers where it last failed: once no closer exists
 * after a position, none exists after any later one, so a body full of lone asterisks costs one scan, not one each.
 */
export function parseInline(text: string, depth: number): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const noCloserFrom = new Map<string, number>();
  const pushText = () => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };

  /** The index of a closing `delim` for an opener ending at `from`, or -1. */
  const closer = (delim: string, from: number): number => {
    const failed = noCloserFrom.get(delim);
    if (failed !== undefined && from >= failed) return -1;
    let at = text.indexOf(delim, from);
    while (at !== -1) {
      const before = text[at - 1];
      const after = text[at + delim.length];
      const flanking = at > from && before !== undefined && !/\s/.test(before) && before !== '\\';
      const single = delim.length === 2 || (after !== delim[0] && before !== delim[0]);
      const closesWord = delim[0] !== '_' || !isWordChar(after);
      if (flanking && single && closesWord) return at;
      at = text.indexOf(delim, at + 1);
    }
    noCloserFrom.set(delim, from);
    return -1;
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1];

    if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      plain += next;
      i += 2;
      continue;
    }

    if ((char === '*' || char === '_') && depth < MAX_DEPTH) {
      const strong = next === char;
      const delim = strong ? char + char : char;
      const opensAfter = text[i + delim.length];
      const opens = opensAfter !== undefined && !/\s/.test(opensAfter) && (char !== '_' || !isWordChar(text[i - 1]));
      if (opens) {
        const end = closer(delim, i + delim.length);
        if (end !== -1) {
          pushText();
          const children = parseInline(text.slice(i + delim.length, end), depth + 1);
          out.push(strong ? { kind: 'strong', children } : { kind: 'em', children });
          i = end + delim.length;
          continue;
        }
      }
      plain += delim;
      i += delim.length;
      continue;
    }

    if (char === '[' && depth < MAX_DEPTH) {
      const link = readLink(text, i);
      if (link) {
        const href = safeHref(link.address);
        if (href) {
          pushText();
          out.push({ kind: 'link', href, children: withoutLinks(parseInline(link.label, depth + 1)) });
        } else {
          // Not a link we allow: it stays exactly the text that was typed.
          plain += text.slice(i, link.end);
        }
        i = link.end;
        continue;
      }
    }

    if ((char === 'h' || char === 'H') && !isWordChar(text[i - 1])) {
      const match = AUTOLINK.exec(text.slice(i, i + 2048));
      if (match) {
        // A sentence's closing punctuation is not part of the address.
        const address = match[0].replace(/[.,;:!?'")\]]+$/, '');
        const href = safeHref(address);
        if (href) {
          pushText();
          out.push({ kind: 'link', href, children: [{ kind: 'text', text: address }] });
          i += address.length;
          continue;
        }
      }
    }

    plain += char;
    i += 1;
  }
  pushText();
  return out;
}

/** `[label](address)` starting at `start`: the label, the address and where it ends; undefined when it is not one. */
function readLink(text: string, start: number): { label: string; address: string; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let j = start; j < text.length; j += 1) {
    const c = text[j];
    if (c === '\\') {
      j += 1;
      continue;
    }
    if (c === '[') depth += 1;
    else if (c === ']') {
      depth -= 1;
      if (depth === 0) {
        close = j;
        break;
      }
    }
  }
  if (close === -1 || text[close + 1] !== '(') return undefined;
  let parens = 0;
  for (let j = close + 2; j < text.length; j += 1) {
    const c = text[j];
    if (c === '(') parens += 1;
    else if (c === ')') {
      if (parens === 0) {
        const label = text.slice(start + 1, close);
        if (label.trim() === '') return undefined;
        return { label, address: text.slice(close + 2, j), end: j + 1 };
      }
      parens -= 1;
    }
  }
  return undefined;
}

/** A link inside a link's label is no link (nested anchors are invalid): keep its words only. */
function withoutLinks(nodes: Inline[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    if (node.kind === 'link') return withoutLinks(node.children);
    if (node.kind === 'em' || node.kind === 'strong') return [{ ...node, children: withoutLinks(node.children) }];
    return [node];
  });
}

/**
 * A list's excerpt as plain words: the emphasis markers and link addresses of the inline syntax go, the words stay.
 * Any other character (the search highlight markers among them) passes through unchanged.
 */
export function plainInline(text: string): string {
  const flatten = (nodes: Inline[]): string =>
    nodes
      .map((node) => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'break') return ' ';
        return flatten(node.children);
      })
      .join('');
  return flatten(parseInline(text, 0));
}
