import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/problem';
import { createI18n } from '../i18n/i18n';
import { ErrorPage } from './ErrorPage';

function renderThrowing(error: unknown) {
  function Broken(): never {
    throw error;
  }
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const router = createMemoryRouter([{ path: '/', element: <Broken />, errorElement: <ErrorPage /> }]);
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

describe('ErrorPage', () => {
  it('replacesACrashedScreenWithAPlainWordAndTheRequestIdButNoStackTrace', () => {
    renderThrowing(new ApiError({ status: 500, kind: 'problem', type: 'internal-error', requestId: 'req-42', detail: 'at Foo.bar(Foo.java:1)' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText('If you report it, quote this request id: req-42')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Foo.java');
  });

  it('showsTheNotFoundPageWhenTheApiSaysNotFound', () => {
    renderThrowing(new ApiError({ status: 404, kind: 'problem', type: 'not-found' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});
