/**
 * A catalogue manifest written as a spreadsheet (CSV), turned into the JSON manifest the job API reads
 * (docs/prediction-jobs.md): a header row naming the columns `file, genre, title, artist, lyricsFile, lyrics` (any
 * order; only `file` is required), then one row per track. Empty cells are left out, so the API applies its own
 * rules to what is missing. A `.json` manifest is sent as it is.
 */

export const MANIFEST_COLUMNS = ['file', 'genre', 'title', 'artist', 'lyricsFile', 'lyrics'] as const;
export type ManifestColumn = (typeof MANIFEST_COLUMNS)[number];
export type ManifestLine = Partial<Record<ManifestColumn, string>>;

/** Why a CSV cannot be a manifest; the page says it in the person's language. */
export class ManifestError extends Error {
  readonly code: 'empty' | 'noFileColumn' | 'unknownColumn' | 'unclosedQuote';
  readonly column?: string;

  constructor(code: ManifestError['code'], column?: string) {
    super(`manifest: ${code}${column ? ` (${column})` : ''}`);
    this.name = 'ManifestError';
    this.code = code;
    this.column = column;
  }
}

/** RFC 4180 rows: quoted cells may hold commas, line breaks and doubled quotes; a leading byte-order mark is dropped. */
export function csvRows(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (quoted) throw new ManifestError('unclosedQuote');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines (a spreadsheet's trailing ones) carry no track.
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

/** The manifest's lines from CSV text; throws ManifestError when the header cannot be read. */
export function manifestFromCsv(text: string): ManifestLine[] {
  const [header, ...body] = csvRows(text);
  if (!header) throw new ManifestError('empty');
  const columns = header.map((name) => {
    const wanted = name.trim().toLowerCase();
    const column = MANIFEST_COLUMNS.find((known) => known.toLowerCase() === wanted);
    if (!column) throw new ManifestError('unknownColumn', name.trim());
    return column;
  });
  if (!columns.includes('file')) throw new ManifestError('noFileColumn');
  if (body.length === 0) throw new ManifestError('empty');
  return body.map((cells) => {
    const line: ManifestLine = {};
    columns.forEach((column, index) => {
      const value = (cells[index] ?? '').trim();
      if (value !== '') line[column] = column === 'genre' ? value.toUpperCase() : value;
    });
    return line;
  });
}
