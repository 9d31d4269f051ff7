import { createContext, useContext, type HTMLAttributes, type ReactNode } from 'react';

/**
 * The result's pieces are shown on their own page (sections under an h1) and inside the home page's example (under
 * an h2 and h3): the level their headings start at comes from here, so the outline stays in order.
 */
const SectionLevel = createContext(2);

export function HeadingLevel({ level, children }: { level: number; children: ReactNode }) {
  return <SectionLevel.Provider value={level}>{children}</SectionLevel.Provider>;
}

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function tag(level: number): HeadingTag {
  return `h${Math.min(6, Math.max(1, level))}` as HeadingTag;
}

/** A section's heading at the current level; `sub` one level below it. */
export function SectionHeading({ sub, ...props }: HTMLAttributes<HTMLHeadingElement> & { sub?: boolean }) {
  const level = useContext(SectionLevel);
  const Tag = tag(sub ? level + 1 : level);
  return <Tag {...props} />;
}

/** The level of the section headings here, for a title one above them. */
export function useSectionLevel(): number {
  return useContext(SectionLevel);
}

export function headingTag(level: number): HeadingTag {
  return tag(level);
}
