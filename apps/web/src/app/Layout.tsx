import { AppShell, Burger, Button, Group, NativeSelect, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { authHeaders, setBearerToken, setCsrfToken } from '../api/client';
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
        if (isLanguage(event.currentTarget.value)) chooseLanguage(event.currentTarget.value);
      }}
    />
  );
}

function SignOut() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      variant="subtle"
      size="xs"
      onClick={async () => {
        await fetch('/auth/sign-out', {
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
      {t('nav.signOut')}
    </Button>
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
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {withNavigation && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.menu')}
              />
            )}
            <Title order={1} size="h4">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {session.data && (
              <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
                {session.data.name} · {t(`roles.${session.data.role}`)}
              </Text>
            )}
            <LanguageSwitcher />
            {session.data && <SignOut />}
          </Group>
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
        </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
