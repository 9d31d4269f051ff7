import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HomePage } from './home/HomePage';
import { localeFor } from './i18n/i18n';
import './styles.css';

// Screen readers and hyphenation follow <html lang>, so it must match the catalogue in use.
document.documentElement.lang = localeFor(navigator.language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <HomePage />
  </StrictMode>,
);
