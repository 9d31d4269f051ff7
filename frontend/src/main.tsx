import '@picocss/pico/css/pico.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetUnreleasedWorkOnSignOut } from './analysis/forgetOnSignOut';
import { App } from './app/App';
import { queryClient } from './app/queryClient';
import { createRouter } from './app/router';
import { session } from './auth/session';
import { tokens } from './auth/tokens';
import { i18n } from './i18n/i18n';

// Signing out (here or in another tab) must not leave the last member's data in the cache.
tokens.subscribe((event) => {
  if (event.type === 'signedOut') queryClient.clear();
});
forgetUnreleasedWorkOnSignOut(tokens);

// Resume the session the refresh cookie holds, so a reload keeps the member signed in.
void session.start();

if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
  // Lets browser tests against a dev build force a refresh; never present in the production bundle.
  (window as unknown as { __hitterTest?: unknown }).__hitterTest = { expireAccessToken: () => tokens.expireNow() };
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App router={createRouter()} queryClient={queryClient} i18n={i18n} />
  </StrictMode>,
);
