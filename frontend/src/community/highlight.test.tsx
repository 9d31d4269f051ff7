import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Highlighted, highlightPieces, withoutMarkers } from './highlight';

describe('search highlights', () => {
  it('marks_each_match_between_the_markers', () => {
    const { container } = render(
      <p>
        <Highlighted text={'이 \u0001히트곡\u0002을 들어 보세요, \u0001히트\u0002'} />
      </p>,
    );
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['히트곡', '히트']);
    expect(container.textContent).toBe('이 히트곡을 들어 보세요, 히트');
  });

  it('never_turns_the_text_into_markup', () => {
    const { container } = render(
      <p>
        <Highlighted text={'<b>\u0001<script>x</script>\u0002</b>'} />
      </p>,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<script>x</script>');
  });

  it('survives_nested_stray_and_unclosed_markers', () => {
    expect(highlightPieces('a\u0001b\u0001c\u0002d\u0002e')).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'e', marked: false },
    ]);
    expect(highlightPieces('\u0002a\u0002b')).toEqual([{ text: 'ab', marked: false }]);
    expect(highlightPieces('a\u0001b')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
    ]);
    expect(highlightPieces('\u0001\u0002')).toEqual([]);
    expect(withoutMarkers('\u0001love\u0002 song')).toBe('love song');
  });
});
