import { existsSync, statSync } from 'node:fs';

/** Real audio a test uploads: made by the gateway's BrowserEndToEndIT (licence-free, synthesised chords and beat). */
export type Media = {
  /** An MP3 (44.1 kHz stereo, LAME), about a minute long. */
  mp3: string;
  /** A 16-bit PCM WAV, about half a minute long. */
  wav: string;
};

export function mediaFromEnvironment(): Media {
  return { mp3: existingFile('HITTER_E2E_MP3'), wav: existingFile('HITTER_E2E_WAV') };
}

function existingFile(variable: string): string {
  const file = process.env[variable];
  if (!file || !existsSync(file) || statSync(file).size === 0) {
    throw new Error(
      `${variable} must name a real audio file (BrowserEndToEndIT sets it; by hand, export it before npx playwright test)`,
    );
  }
  return file;
}
