import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown } from './Markdown';
import { parseMarkdown, safeHref } from './parse';

function rendered(source: string): HTMLElement {
  const { container } = render(<Markdown source={source} />);
  return container.querySelector('[data-testid="markdown"]') as HTMLElement;
}

describe('the post body renderer', () => {
  it('renders_paragraphs_line_breaks_emphasis_strong_and_lists', () => {
    const body = rendered('First *soft* and **loud** line\nsecond line\n\n- one\n- two _too_\n\n3. three\n4. four');
    const paragraphs = body.querySelectorAll('p');
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]!.querySelector('em')?.textContent).toBe('soft');
    expect(paragraphs[0]!.querySelector('strong')?.textContent).toBe('loud');
    expect(paragraphs[0]!.querySelectorAll('br')).toHaveLength(1);
    expect([...body.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two too']);
    expect(body.querySelector('ul em')?.textContent).toBe('too');
    const ordered = body.querySelector('ol');
    expect(ordered?.getAttribute('start')).toBe('3');
    expect([...(ordered?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['three', 'four']);
  });

  it('renders_korean_text_with_markup_around_it', () => {
    const body = rendered('이 곡의 **후렴**이 히트곡을 만들까요?');
    expect(body.textContent).toBe('이 곡의 후렴이 히트곡을 만들까요?');
    expect(body.querySelector('strong')?.textContent).toBe('후렴');
  });

  it('makes_http_https_and_mailto_links_and_bare_addresses', () => {
    const body = rendered('[site](https://example.com/a?b=1) [mail](mailto:me@example.com) see http://example.org/x.');
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'mailto:me@example.com', 'http://example.org/x']);
    expect(links[0]!.textContent).toBe('site');
    expect(links[2]!.textContent).toBe('http://example.org/x');
    expect(links.every((a) => a.getAttribute('rel') === 'nofollow ugc noopener noreferrer')).toBe(true);
    expect(body.textContent).toContain('http://example.org/x.');
  });

  it('shows_a_script_tag_as_text_and_builds_no_element_from_it', () => {
    const body = rendered('<script>window.__xss=1</script>\n<img src=x onerror="window.__xss=3">');
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('img')).toBeNull();
    expect(body.textContent).toContain('<script>window.__xss=1</script>');
    expect(body.textContent).toContain('<img src=x onerror="window.__xss=3">');
    expect(body.querySelectorAll('[onerror]')).toHaveLength(0);
  });

  it.each([
    '[click](javascript:window.__xss=2)',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '[click]( javascript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](vbscript:msgbox(1))',
    '[click](file:///etc/passwd)',
    '[click](//evil.example/x)',
    '[click](/analyses/1)',
  ])('keeps_a_link_with_a_refused_address_as_plain_text: %s', (source) => {
    const body = rendered(source);
    expect(body.querySelector('a')).toBeNull();
    expect(body.textContent).toBe(source);
  });

  it('refuses_unsafe_addresses_as_the_browser_would_parse_them', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('\u0001javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>')).toBeUndefined();
    expect(safeHref('https://')).toBeUndefined();
    expect(safeHref('HTTPS://Example.com')).toBe('https://example.com/');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
  });

  it('keeps_markup_inside_a_link_label_but_no_link_inside_a_link', () => {
    const body = rendered('[**bold** and [inner](https://b.example)](https://a.example)');
    const links = body.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://a.example/');
    expect(links[0]!.querySelector('strong')?.textContent).toBe('bold');
  });

  it('leaves_lone_and_unbalanced_markers_as_text', () => {
    expect(rendered('2 * 3 * 4 and snake_case_name and **open').textContent).toBe('2 * 3 * 4 and snake_case_name and **open');
    expect(rendered('2 * 3 * 4').querySelector('em')).toBeNull();
    expect(rendered('snake_case_name').querySelector('em')).toBeNull();
    expect(rendered('\\*not emphasis\\*').textContent).toBe('*not emphasis*');
  });

  it('bounds_nesting_and_stays_quick_on_hostile_input', () => {
    const deep = '*'.repeat(200) + 'x' + '*'.repeat(200);
    expect(rendered(deep).textContent).toContain('x');
    const stars = '* a '.repeat(5000);
    const started = performance.now();
    parseMarkdown(stars + '\n' + '['.repeat(5000) + '\n' + '_'.repeat(10000));
    // Generous: only a quadratic blow-up (seconds) fails this.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('treats_an_indented_line_as_the_continuation_of_a_list_item', () => {
    const body = rendered('- first\n  still first\n- second\nafter');
    expect(body.querySelectorAll('li')).toHaveLength(2);
    expect(body.querySelector('li')?.textContent).toBe('firststill first');
    expect(body.querySelector('li br')).not.toBeNull();
    expect(body.querySelector('p')?.textContent).toBe('after');
  });
});

describe('excerpts as plain words', () => {
  it('drops_emphasis_markers_and_link_addresses_but_keeps_search_markers', async () => {
    const { plainInline } = await import('./parse');
    expect(plainInline('이 곡의 **\u0001후렴\u0002**을 [notes](https://example.com) *soon*')).toBe('이 곡의 \u0001후렴\u0002을 notes soon');
    expect(plainInline('[click](javascript:x) <script>')).toBe('[click](javascript:x) <script>');
  });
});
