import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { onSignedOut } from './api/client';
import { App } from './app/App';
import { SESSION_KEY } from './auth/session';
import { startI18n } from './i18n/i18n';

// Darker than Mantine's default blue so text on it and links on white pass AA contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8 });

// Mantine's dimmed grey (gray.6) is 3.3:1 on white: too faint for help texts (AA needs 4.5:1).
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false },
    // Commands are retried by the person (drafts, Idempotency-Key), never behind their back.
    mutations: { retry: false },
  },
});

onSignedOut(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }));

// The first paint waits for the interface's strings (one small chunk for the one language).
void startI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={resolver}>
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
