import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { App } from './App';
import { loadConsoleConfig } from './api';
import { setActiveTimeZone } from './app/locale';

// The display zone is the server's (`TIME_ZONE`): times read the same in every console of the centre.
void loadConsoleConfig().then((config) => setActiveTimeZone(config.timeZone));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
