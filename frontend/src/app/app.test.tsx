import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { session } from '../auth/session';
import { createI18n, LOCALE_STORAGE_KEY } from '../i18n/i18n';
import type { ModelCatalogue } from '../models/types';
import { App } from './App';
import { createQueryClient } from './queryClient';
import { routes } from './router';

const card = {
  modelId: 'pop-audio-v1',
  version: 'v1',
  kind: 'AUDIO',
  demonstration: true,
  notice: 'demonstration model trained on synthetic data',
  trainedAt: '2026-11-27T20:48:25Z',
  intendedUse: 'Demonstration only.',
  trainedOn: { source: 'synthetic-demo', dataset: '600 synthetic POP songs', songs: 600, hits: 177, labelRule: 'synthetic', releaseYears: null, trainingSongs: 420, validationSongs: 90 },
  heldOut: { songs: 90, hits: 27, auc: 0.91, accuracy: 0.9, logLoss: 0.36, calibrationError: 0.104 },
  limits: ['It was trained on synthetic songs, not real ones.'],
};
const catalogue: ModelCatalogue = {
  genres: [{ genre: 'POP', version: 'v1', demonstration: true, audio: card, lyrics: { ...card, kind: 'LYRICS' }, combination: { method: 'lr', audioWeight: 0.4, lyricsWeight: 0.63, bias: 0.19 }, evaluation: null }],
  unavailable: ['DANCE'],
};

function answer(url: string): Response {
  if (url === '/api/v1/models') return new Response(JSON.stringify(catalogue), { headers: { 'Content-Type': 'application/json' } });
  if (url === '/actuator/health') return new Response('{"status":"UP"}', { headers: { 'Content-Type': 'application/json' } });
  return new Response(JSON.stringify({ type: 'https://hitter.dev/problems/unauthorized', status: 401 }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function renderApp(at: string, locale: 'en' | 'ko' = 'en') {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => answer(String(input))));
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  const i18n = createI18n(locale);
  render(<App router={router} queryClient={createQueryClient()} i18n={i18n} />);
  return { router, i18n };
}

beforeAll(async () => {
  // No refresh cookie: the visitor is signed out.
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => answer(String(input))));
  await session.start();
  expect(session.getState().status).toBe('signedOut');
});

describe('the app', () => {
  it('sendsAVisitorOnAMemberPageToLoginWithTheWayBack', async () => {
    const { router } = renderApp('/analyses/7?x=1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/analyses/7?x=1')}`);
    expect(screen.getByText('Log in to see that page; you will be taken back to it.')).toBeTruthy();
  });

  it('showsTheNotFoundPageForAnUnknownAddress', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the home page' }).getAttribute('href')).toBe('/');
  });

  it('offersASkipLinkToTheMainContent', async () => {
    renderApp('/');
    const skip = await screen.findByRole('link', { name: 'Skip to the content' });
    expect(skip.getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
  });

  it('showsAVisitorWhatHitterDoesWithAnExampleMarkedAsSuch', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'HITTER' })).toBeTruthy();
    const example = screen.getByRole('region', { name: /What a result looks like/ });
    expect(within(example).getByText('Example')).toBeTruthy();
    expect(within(example).getByText('This is an example result, not an analysis of a real track.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign up free' })).toBeTruthy();
  });

  it('switchesLanguageFromTheHeaderAndRemembersIt', async () => {
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.change(within(nav).getByRole('combobox', { name: 'Language' }), { target: { value: 'ko' } });
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: '주 메뉴' })).getByRole('link', { name: '모델 소개' })).toBeTruthy());
    expect(document.documentElement.lang).toBe('ko');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
  });

  it('foldsTheNavigationBehindAMenuButton', async () => {
    renderApp('/');
    const menu = await screen.findByRole('button', { name: 'Menu' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(menu.getAttribute('aria-controls') ?? '')?.dataset.open).toBe('true');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  it('explainsTheModelsInPlainWordsWithTheDemonstrationNotice', async () => {
    renderApp('/models');
    expect(await screen.findByRole('heading', { level: 2, name: 'Pop' })).toBeTruthy();
    expect(screen.getAllByRole('alert')[0]?.textContent).toMatch(/These are demonstration models/);
    expect(screen.getAllByText('Shown a hit and a non-hit, it scored the hit higher 91 times out of 100 (50 would be guessing).')).toHaveLength(2);
    expect(screen.getAllByText('600 synthetic songs made up for testing, 177 of them labelled hits.')).toHaveLength(2);
    expect(screen.getAllByText('Its probabilities were off by about 10 percentage points on average from how often songs really were hits.')).toHaveLength(2);
    expect(screen.getByText(/The models for Dance are not loaded yet/)).toBeTruthy();
  });

  it('explainsTheModelsInKorean', async () => {
    renderApp('/models', 'ko');
    expect(await screen.findByRole('heading', { level: 2, name: '팝' })).toBeTruthy();
    expect(screen.getAllByText(/시연용 모델/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('따로 둔 90곡(히트곡 27곡)으로 시험했습니다.')).toHaveLength(2);
  });
});
