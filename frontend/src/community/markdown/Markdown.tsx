import { useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parse';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={index} />;
      case 'em':
        return <em key={index}>{inline(node.children)}</em>;
      case 'strong':
        return <strong key={index}>{inline(node.children)}</strong>;
      case 'link':
        // Members' links: no referrer, no ranking credit, no access to this window.
        return (
          <a key={index} href={node.href} rel="nofollow ugc noopener noreferrer">
            {inline(node.children)}
          </a>
        );
    }
  });
}

function block(node: Block, index: number): ReactNode {
  if (node.kind === 'paragraph') return <p key={index}>{inline(node.children)}</p>;
  const items = node.items.map((item, i) => <li key={i}>{inline(item)}</li>);
  return node.ordered ? (
    <ol key={index} start={node.start === 1 ? undefined : node.start}>
      {items}
    </ol>
  ) : (
    <ul key={index}>{items}</ul>
  );
}

/**
 * A post's body (or its preview) as React elements from the safe Markdown subset — never HTML from the text, so a
 * `<script>` a member typed is shown as the words it is.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')} data-testid="markdown">
      {blocks.map(block)}
    </div>
  );
}
