import { Alert, Anchor, Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, setBearerToken, setCsrfToken } from '../../api/client';
import { callJson } from '../../api/json';
import { type Session, useRefreshSession } from '../../auth/session';
import { PasswordField } from '../../app/controls';

/** Where to go after signing in: only a path of this app, never another site. */
export function safeNext(next: string | null): string {
  return next !== null && /^\/(?!\/)/.test(next) ? next : '/';
}

/** The message key for a refused sign-in. */
function failureMessage(e: unknown): string {
  if (!(e instanceof ApiError)) return 'signIn.failed';
  if (e.problem.status === 429) return 'signIn.slowDown';
  // A second factor is now required and none is enrolled: only an admin's new link helps.
  if (e.problem.secondFactorEnrolmentNeedsInvitation === true) return 'signIn.needsEnrolmentLink';
  return 'signIn.failed';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const refresh = useRefreshSession();
  const [needsCode, setNeedsCode] = useState(false);
  const [hasPasskey, setHasPasskey] = useState(false);
  const [error, setError] = useState<string>();
  const [withToken, setWithToken] = useState(false);
  const form = useForm({ initialValues: { login: '', password: '', code: '', token: '' } });

  const done = async () => {
    await refresh();
    navigate(safeNext(params.get('next')), { replace: true });
  };

  const submit = form.onSubmit(async (values) => {
    setError(undefined);
    try {
      if (withToken) {
        setBearerToken(values.token.trim());
      } else {
        setBearerToken(undefined);
        const session = await callJson<Session>('POST', '/auth/sign-in', {
          login: values.login,
          password: values.password,
          ...(needsCode && { code: values.code.replace(/\s/g, '') }),
        });
        setCsrfToken(session.csrfToken);
      }
      await done();
    } catch (e) {
      if (e instanceof ApiError && e.problem.secondFactorRequired === true && !needsCode) {
        setNeedsCode(true);
        setHasPasskey(e.problem.passkeyOptions !== undefined);
        return;
      }
      setError(t(failureMessage(e)));
    }
  });

  /**
   * Asks for a fresh challenge (the password again, no code), lets the browser sign it with the
   * passkey, and signs in with that answer.
   */
  const withPasskey = async () => {
    setError(undefined);
    const { login, password } = form.getValues();
    try {
      const challenge = await callJson<Session>('POST', '/auth/sign-in', { login, password }).then(
        () => undefined,
        (e: unknown) => (e instanceof ApiError ? e.problem.passkeyOptions : undefined),
      );
      if (challenge === undefined) throw new Error('no passkey options');
      // The WebAuthn helper comes only to people who use a passkey (sign-in has a JS budget).
      const { startAuthentication } = await import('@simplewebauthn/browser');
      const passkey = await startAuthentication({
        optionsJSON: challenge as Parameters<typeof startAuthentication>[0]['optionsJSON'],
      });
      const session = await callJson<Session>('POST', '/auth/sign-in', {
        login,
        password,
        passkey,
      });
      setCsrfToken(session.csrfToken);
      await done();
    } catch {
      setError(t('signIn.passkeyFailed'));
    }
  };

  return (
    <Paper maw={420} mx="auto" mt="xl" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('signIn.title')}</Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {withToken ? (
            <PasswordField label={t('signIn.token')} required {...form.getInputProps('token')} />
          ) : (
            <>
              <TextInput
                label={t('signIn.login')}
                autoComplete="username"
                required
                {...form.getInputProps('login')}
              />
              <PasswordField
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              {needsCode && (
                <TextInput
                  label={t('signIn.code')}
                  description={t('signIn.codeHelp')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  autoFocus
                  required
                  {...form.getInputProps('code')}
                />
              )}
            </>
          )}
          <Button type="submit" loading={form.submitting}>
            {t('signIn.submit')}
          </Button>
          {needsCode && hasPasskey && (
            <Button variant="light" onClick={() => void withPasskey()}>
              {t('signIn.usePasskey')}
            </Button>
          )}
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setWithToken(!withToken)}
          >
            {withToken ? t('signIn.withPassword') : t('signIn.withToken')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
