import {
  Alert,
  Button,
  Code,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, setBearerToken, setCsrfToken } from '../../api/client';
import { callJson } from '../../api/json';
import { type Session, useRefreshSession } from '../../auth/session';
import { formatDateTime } from '../../format/format';
import { PasswordField } from '../../app/controls';

interface Invitation {
  name: string;
  role: string;
  workspaceName: string;
  expiresAt: string;
  secondFactorRequired: boolean;
}

type Step = 'password' | 'enrol' | 'recovery';

/** The 12-character rule of the API, checked here first so the person is told at once. */
const MIN_PASSWORD = 12;

function ChoosePassword({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const form = useForm({
    initialValues: { login: '', password: '', repeat: '' },
    validate: {
      login: (v) => (v.trim().length < 3 ? t('invite.loginTooShort') : null),
      password: (v) =>
        v.length < MIN_PASSWORD ? t('invite.passwordTooShort', { count: MIN_PASSWORD }) : null,
      repeat: (v, values) => (v !== values.password ? t('invite.passwordsDiffer') : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setError(undefined);
        try {
          setBearerToken(undefined);
          const session = await callJson<Session>(
            'POST',
            `/invitations/${encodeURIComponent(code)}/accept`,
            {
              login: values.login.trim(),
              password: values.password,
            },
          );
          setCsrfToken(session.csrfToken);
          onDone();
        } catch (e) {
          const field = e instanceof ApiError ? e.problem.errors?.[0] : undefined;
          setError(field ? `${field.field}: ${field.message}` : t('invite.failed'));
        }
      })}
    >
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('invite.login')}
          autoComplete="username"
          required
          {...form.getInputProps('login')}
        />
        <PasswordField
          label={t('invite.password')}
          description={t('invite.passwordHelp', { count: MIN_PASSWORD })}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordField
          label={t('invite.repeat')}
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
        />
        <Button type="submit" loading={form.submitting}>
          {t('invite.setPassword')}
        </Button>
      </Stack>
    </form>
  );
}

/** TOTP enrolment without a QR code: the secret is typed into the authenticator app. */
function EnrolSecondFactor({ onDone }: { onDone: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const secret = useQuery({
    queryKey: ['totp-enrol'],
    queryFn: () => callJson<{ secret: string; otpauthUrl: string }>('POST', '/auth/totp/enrol'),
    staleTime: Infinity,
  });
  const form = useForm({ initialValues: { code: '' } });
  if (secret.isPending) return <Text>{t('common.loading')}</Text>;
  if (secret.isError) return <Alert color="red">{t('common.error')}</Alert>;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ code }) => {
        setError(undefined);
        try {
          const confirmed = await callJson<{ recoveryCodes: string[] }>(
            'POST',
            '/auth/totp/confirm',
            {
              code: code.replace(/\s/g, ''),
            },
          );
          onDone(confirmed.recoveryCodes);
        } catch {
          setError(t('invite.wrongCode'));
        }
      })}
    >
      <Stack>
        <Text>{t('invite.enrolHelp')}</Text>
        <Text size="sm" fw={700}>
          {t('invite.secret')}
        </Text>
        <Code block data-testid="totp-secret" style={{ wordBreak: 'break-all', fontSize: 18 }}>
          {secret.data.secret.replace(/(.{4})/g, '$1 ').trim()}
        </Code>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {secret.data.otpauthUrl}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('invite.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={form.submitting}>
          {t('invite.confirmCode')}
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow">{t('invite.recoveryHelp')}</Alert>
      <SimpleGrid cols={2} data-testid="recovery-codes">
        {codes.map((c) => (
          <Code key={c}>{c}</Code>
        ))}
      </SimpleGrid>
      <Button onClick={onDone}>{t('invite.recoverySaved')}</Button>
    </Stack>
  );
}

export default function InvitePage({ mode }: { mode: 'invite' | 'setup' }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const code = params.get('code') ?? '';
  const [step, setStep] = useState<Step>('password');
  const [recovery, setRecovery] = useState<string[]>([]);
  const invitation = useQuery({
    queryKey: ['invitation', code],
    queryFn: () => callJson<Invitation>('GET', `/invitations/${encodeURIComponent(code)}`),
    enabled: code !== '',
    retry: false,
  });
  const finish = async () => {
    await refresh();
    navigate('/', { replace: true });
  };

  return (
    <Paper maw={520} mx="auto" mt="xl" p="lg" withBorder>
      <Stack>
        <Title order={2}>{t(mode === 'setup' ? 'invite.setupTitle' : 'invite.title')}</Title>
        {(code === '' || invitation.isError) && (
          <Alert color="red" role="alert">
            {t('invite.invalid')}
          </Alert>
        )}
        {invitation.data && step === 'password' && (
          <>
            <List size="sm">
              <List.Item>
                {t('invite.for')}: {invitation.data.name}
              </List.Item>
              <List.Item>
                {t('invite.workspace')}: {invitation.data.workspaceName}
              </List.Item>
              <List.Item>
                {t('invite.role')}: {t(`roles.${invitation.data.role}`)}
              </List.Item>
              <List.Item>
                {t('invite.expires')}: {formatDateTime(invitation.data.expiresAt, i18n.language)}
              </List.Item>
            </List>
            <ChoosePassword
              code={code}
              onDone={() =>
                invitation.data.secondFactorRequired ? setStep('enrol') : void finish()
              }
            />
          </>
        )}
        {step === 'enrol' && (
          <EnrolSecondFactor
            onDone={(codes) => {
              setRecovery(codes);
              setStep('recovery');
            }}
          />
        )}
        {step === 'recovery' && <RecoveryCodes codes={recovery} onDone={() => void finish()} />}
      </Stack>
    </Paper>
  );
}
