import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import en from '../i18n/en.json';
import { API_DOCS_URL, HomePage } from './HomePage';

describe('HomePage', () => {
  it('showsTheNameAndThePitchFromTheCatalogue', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    render(<HomePage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en['app.name']);
    expect(screen.getByText(en['home.pitch'])).toBeTruthy();
  });

  it('linksToTheApiDocumentation', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    render(<HomePage />);
    const link = screen.getByRole('link', { name: en['home.apiDocs'] });
    expect(link.getAttribute('href')).toBe(API_DOCS_URL);
  });
});
