import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, setBearerToken, setCsrfToken } from '../../api/client';
import { callJson } from '../../api/json';
import { type Session, useRefreshSession } from '../../auth/session';

/** Where to go after signing in: only a path of this app, never another site. */
export function safeNext(next: string | null): string {
  return next !== null && /^\/(?!\/)/.test(next) ? next : '/';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const refresh = useRefreshSession();
  const [needsCode, setNeedsCode] = useState(false);
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
        return;
      }
      setError(
        e instanceof ApiError && e.problem.status === 429
          ? t('signIn.slowDown')
          : t('signIn.failed'),
      );
    }
  });

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
            <PasswordInput label={t('signIn.token')} required {...form.getInputProps('token')} />
          ) : (
            <>
              <TextInput
                label={t('signIn.login')}
                autoComplete="username"
                required
                {...form.getInputProps('login')}
              />
              <PasswordInput
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
