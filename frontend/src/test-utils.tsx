import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from './app/queryClient';
import { createI18n, type Locale } from './i18n/i18n';

/** Renders with a fresh i18n (English unless told), a fresh query cache and a memory router. */
export function renderWithApp(
  ui: ReactNode,
  { path = '/', at = '/', locale = 'en', routes = [] }: { path?: string; at?: string; locale?: Locale; routes?: RouteObject[] } = {},
): RenderResult {
  const i18n = createI18n(locale);
  const router = createMemoryRouter([{ path, element: ui }, ...routes], { initialEntries: [at] });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

export function englishCatalogue(): Record<string, unknown> {
  return createI18n('en').getResourceBundle('en', 'common') as Record<string, unknown>;
}
