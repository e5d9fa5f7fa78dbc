import {
  AppShell,
  Burger,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { authHeaders, setBearerToken, setCsrfToken } from '../api/client';
import { callJson } from '../api/json';
import { mayOpen, type Screen, useSession } from '../auth/session';
import { chooseLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages';

const NAVIGATION: { screen: Screen; to: string; label: string }[] = [
  { screen: 'newCase', to: '/cases/new', label: 'nav.newCase' },
  { screen: 'cases', to: '/cases', label: 'nav.cases' },
  { screen: 'dashboard', to: '/dashboard', label: 'nav.dashboard' },
  { screen: 'snapshots', to: '/snapshots', label: 'nav.snapshots' },
  { screen: 'import', to: '/import', label: 'nav.import' },
  { screen: 'admin', to: '/admin', label: 'nav.admin' },
];

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      value={i18n.language}
      data={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
      onChange={(event) => {
        if (isLanguage(event.currentTarget.value)) void chooseLanguage(event.currentTarget.value);
      }}
    />
  );
}

/**
 * Ends this session (`/auth/sign-out`) or every session of the person (`/auth/sign-out-everywhere`,
 * cookie sessions only: a bearer token is not a session), then forgets the tab's credentials.
 */
/** Adds a passkey beside the authenticator app (people who have one enrolled). */
function AddPasskey() {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="xs"
      onClick={async () => {
        try {
          const options = await callJson<unknown>('POST', '/auth/passkeys/options');
          // Loaded on the click: every page carries this header, few people add a passkey.
          const { startRegistration } = await import('@simplewebauthn/browser');
          const response = await startRegistration({
            optionsJSON: options as Parameters<typeof startRegistration>[0]['optionsJSON'],
          });
          await callJson('POST', '/auth/passkeys', { response });
          notifications.show({ color: 'green', message: t('nav.passkeyAdded') });
        } catch {
          notifications.show({ color: 'red', message: t('nav.passkeyFailed') });
        }
      }}
    >
      {t('nav.addPasskey')}
    </Button>
  );
}

function SignOut({ everywhere = false }: { everywhere?: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      variant="subtle"
      size="xs"
      onClick={async () => {
        await fetch(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', {
          method: 'POST',
          headers: authHeaders('POST'),
          credentials: 'same-origin',
        }).catch(() => undefined);
        setBearerToken(undefined);
        setCsrfToken(undefined);
        client.clear();
        navigate('/sign-in');
      }}
    >
      {t(everywhere ? 'nav.signOutEverywhere' : 'nav.signOut')}
    </Button>
  );
}

/** Who is signed in, the language and the session's buttons: the header's right-hand side. */
function AccountActions({ inMenu }: { inMenu: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      {session.data && (
        // In the bar of a tablet the buttons come first: the name shows from a laptop's width.
        <Text size="sm" data-testid="signed-in-as" visibleFrom={inMenu ? undefined : 'md'}>
          {session.data.name} · {t(`roles.${session.data.role}`)}
        </Text>
      )}
      <LanguageSwitcher />
      {session.data?.secondFactor?.enrolled === true && <AddPasskey />}
      {session.data && <SignOut />}
      {session.data?.csrfToken !== undefined && <SignOut everywhere />}
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const location = useLocation();
  const role = session.data?.role;
  const links = NAVIGATION.filter((item) => mayOpen(role, item.screen));
  const withNavigation = links.length > 0;
  // On a phone (below Mantine's sm) the header keeps only the menu button and the name: the
  // language and the session's buttons move into the menu, where they have the full width.
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const actionsInMenu = withNavigation && phone === true;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={
        withNavigation
          ? { width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }
          : undefined
      }
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            {withNavigation && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.menu')}
                aria-expanded={opened}
              />
            )}
            <Title
              order={1}
              size="h4"
              miw={0}
              style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            >
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
            </Title>
          </Group>
          {!actionsInMenu && (
            <Group gap="xs" wrap="nowrap">
              <AccountActions inMenu={false} />
            </Group>
          )}
        </Group>
      </AppShell.Header>
      {withNavigation && (
        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
          {links.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={
                location.pathname === item.to ||
                (item.to === '/cases' && /^\/cases\/(?!new)/.test(location.pathname))
              }
              onClick={close}
            />
          ))}
          {actionsInMenu && (
            <Stack gap="xs" mt="md" pt="md" align="flex-start" data-testid="menu-account">
              <AccountActions inMenu />
            </Stack>
          )}
        </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
