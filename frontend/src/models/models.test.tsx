import { describe, expect, it } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json } from '../analysis/testData';
import { stubRoutes } from '../community/testData';
import { ModelsPage } from './ModelsPage';
import type { Evaluation, GenreCard, ModelCard, ModelCatalogue } from './types';

configure({ asyncUtilTimeout: 6000 });

const estimate = (value: number, low: number, high: number) => ({ value, low, high });

function metrics(auc: number) {
  return {
    rocAuc: estimate(auc, auc - 0.012, auc + 0.011),
    prAuc: estimate(0.9, 0.87, 0.93),
    logLoss: estimate(0.18, 0.15, 0.21),
    brier: estimate(0.046, 0.038, 0.055),
    calibrationError: estimate(0.015, 0.013, 0.029),
    precisionAtK: { k: 150, ...estimate(0.93, 0.89, 0.97) },
  };
}

function aModel(kind: 'AUDIO' | 'LYRICS'): ModelCard {
  return {
    modelId: `pop-${kind.toLowerCase()}-v1`, version: 'v1', kind, demonstration: true, notice: 'demonstration model',
    trainedAt: '2026-12-07T19:00:00Z', intendedUse: null,
    trainedOn: { source: 'synthetic-demo', dataset: 'synthetic', songs: 10000, hits: 3076, labelRule: null, releaseYears: null, trainingSongs: 7000, validationSongs: 1500 },
    heldOut: { songs: 1500, hits: 461, auc: 0.96, accuracy: 0.9, logLoss: 0.2, calibrationError: 0.02 },
    limits: [],
  };
}

const evaluation: Evaluation = {
  evaluatedAt: '2026-12-07T19:15:34Z', on: 'test split', songs: 1500, positives: 461,
  split: 'random: stratified by label, 70/15/15 % train/validation/test', audio: metrics(0.966), lyrics: metrics(0.963),
  combined: metrics(0.968), passed: true, reasons: ['combined ROC AUC 0.968'], method: '1,000 bootstrap resamples',
  pictures: [
    { name: 'roc.png', url: '/api/v1/models/POP/pictures/roc.png' },
    { name: 'reliability.png', url: '/api/v1/models/POP/pictures/reliability.png' },
  ],
};

function catalogue(withEvaluation: boolean): ModelCatalogue {
  const card: GenreCard = {
    genre: 'POP', version: 'v1', demonstration: true, audio: aModel('AUDIO'), lyrics: aModel('LYRICS'),
    combination: { method: 'logistic', audioWeight: 0.6, lyricsWeight: 0.4, bias: -0.2 },
    evaluation: withEvaluation ? evaluation : null,
  };
  return { genres: [card], unavailable: [] };
}

describe('about the models: the evaluation a set was promoted on', () => {
  it('shows every metric for audio, lyrics and combined with its interval, and both pictures', async () => {
    stubRoutes([['GET', /^\/api\/v1\/models$/, () => json(catalogue(true))]]);
    renderWithApp(<ModelsPage />, { path: '/models', at: '/models' });

    const table = await screen.findByRole('table', { name: /Pop: each figure with its 95% interval/ });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Measure', 'Audio', 'Lyrics', 'Combined (the answer you get)']);
    const auc = within(table).getByRole('row', { name: /ROC AUC/ });
    expect(within(auc).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '0.966 (0.954–0.977)', '0.963 (0.951–0.974)', '0.968 (0.956–0.979)',
    ]);
    expect(within(table).getByRole('rowheader', { name: /Hits among the top 150/ })).toBeTruthy();
    expect(screen.getByText(/scored 1,500 songs kept out of its training \(461 hits\)/)).toBeTruthy();
    expect(screen.getByText(/so it was approved/)).toBeTruthy();
    const roc = screen.getByRole('img', { name: 'Pop: ROC curves of the audio, lyrics and combined scores' });
    expect(roc.getAttribute('src')).toBe('/api/v1/models/POP/pictures/roc.png');
    expect(screen.getByRole('img', { name: /reliability diagram/ }).getAttribute('src'))
      .toBe('/api/v1/models/POP/pictures/reliability.png');
  });

  it('reads in Korean with the numbers in Korean formatting', async () => {
    stubRoutes([['GET', /^\/api\/v1\/models$/, () => json(catalogue(true))]]);
    renderWithApp(<ModelsPage />, { path: '/models', at: '/models', locale: 'ko' });

    expect(await screen.findByRole('heading', { name: '모델 세트 검증 결과' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '합친 점수(받게 되는 답)' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: /상위 150곡 중 히트곡/ })).toBeTruthy();
  });

  it('shows no evaluation section for a set whose cards hold none', async () => {
    stubRoutes([['GET', /^\/api\/v1\/models$/, () => json(catalogue(false))]]);
    renderWithApp(<ModelsPage />, { path: '/models', at: '/models' });

    expect(await screen.findByRole('heading', { level: 3, name: 'Audio model' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'How the set was tested' })).toBeNull();
  });
});
