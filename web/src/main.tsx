import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyTheme, storedTheme } from './components/theme/theme';
import './styles.css';

// Before the first paint, so a chosen theme never flashes the other one.
const chosen = storedTheme();
if (chosen !== null) applyTheme(chosen);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
