import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, authHeaders } from '../../api/client';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { formatDateTime } from '../../format/format';
import { ScrollTable } from '../../app/controls';

type Users = components['schemas']['UserListResponseDto'];
const ROLES = ['admin', 'monitor', 'verifier', 'analyst'] as const;

/** A name and a role, then one action: invite a person, or create a token for a script. */
function NameAndRole({
  title,
  action,
  onSubmit,
}: {
  title: string;
  action: string;
  onSubmit: (name: string, role: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('monitor');
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      aria-label={title}
      onSubmit={async (event) => {
        event.preventDefault();
        setError(undefined);
        try {
          await onSubmit(name.trim(), role!);
          setName('');
        } catch (e) {
          setError(e instanceof ApiError ? e.message : String(e));
        }
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={t('admin.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          label={t('admin.role')}
          allowDeselect={false}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={setRole}
        />
        <Button type="submit" disabled={name.trim() === ''}>
          {action}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
    </form>
  );
}

export default function AdminPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const session = useSession();
  const workspaceId = session.data!.workspaceId;
  const users = useQuery({
    queryKey: ['users', workspaceId],
    queryFn: () => callJson<Users>('GET', `/workspaces/${workspaceId}/users`),
  });
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string }>();
  const [token, setToken] = useState<string>();
  // The switch shows what the server holds (it is off only once the answer says so).
  const publicity = useQuery({
    queryKey: ['publicity', workspaceId],
    queryFn: () => callJson<{ enabled: boolean }>('GET', `/workspaces/${workspaceId}/public`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['users', workspaceId] });

  return (
    <Stack maw={960}>
      <Title order={2}>{t('admin.title')}</Title>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('admin.people')}
        </Title>
        <ScrollTable label={t('admin.people')} minWidth={560}>
          <Table data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.name')}</Table.Th>
                <Table.Th>{t('admin.role')}</Table.Th>
                <Table.Th>{t('admin.since')}</Table.Th>
                <Table.Th>{t('admin.tokens')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data?.users ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>{formatDateTime(u.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {u.tokens.map((tok) => (
                        <Group key={tok.id} gap="xs">
                          <Text size="xs">{formatDateTime(tok.createdAt, i18n.language)}</Text>
                          {tok.revokedAt ? (
                            <Badge color="gray">{t('admin.revoked')}</Badge>
                          ) : (
                            <Button
                              size="compact-xs"
                              color="red"
                              variant="light"
                              onClick={async () => {
                                await fetch(`/tokens/${tok.id}`, {
                                  method: 'DELETE',
                                  credentials: 'same-origin',
                                  headers: authHeaders('DELETE'),
                                });
                                await refresh();
                              }}
                            >
                              {t('admin.revoke')}
                            </Button>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('admin.invite')}
        </Title>
        <NameAndRole
          title={t('admin.invite')}
          action={t('admin.inviteSend')}
          onSubmit={async (name, role) => {
            const created = await callJson<{ url: string; expiresAt: string }>(
              'POST',
              `/workspaces/${workspaceId}/invitations`,
              { name, role },
            );
            setInvitation(created);
          }}
        />
        {invitation && (
          <Alert color="green" mt="sm" data-testid="invitation">
            <Text size="sm">
              {t('admin.inviteLink', { date: formatDateTime(invitation.expiresAt, i18n.language) })}
            </Text>
            <Code block>{new URL(invitation.url, window.location.origin).toString()}</Code>
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('admin.newToken')}
        </Title>
        <NameAndRole
          title={t('admin.newToken')}
          action={t('admin.createToken')}
          onSubmit={async (name, role) => {
            const created = await callJson<{ token: string }>(
              'POST',
              `/workspaces/${workspaceId}/users`,
              { name, role },
            );
            setToken(created.token);
            await refresh();
          }}
        />
        {token && (
          <Alert color="yellow" mt="sm" data-testid="new-token">
            <Text size="sm">{t('admin.tokenShown')}</Text>
            <Code block>{token}</Code>
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('admin.publicStats')}
        </Title>
        <Text size="sm" mb="xs">
          {t('admin.publicExplain')}
        </Text>
        <Switch
          label={t('admin.publicOn')}
          data-testid="public-switch"
          checked={publicity.data?.enabled ?? false}
          disabled={!publicity.isSuccess}
          onChange={async (event) => {
            const enabled = event.currentTarget.checked;
            const answer = await callJson<{ enabled: boolean }>(
              'PUT',
              `/workspaces/${workspaceId}/public`,
              { enabled },
            );
            client.setQueryData(['publicity', workspaceId], answer);
          }}
        />
        <Anchor component={Link} to={`/figures/${workspaceId}`} mt="xs" size="sm">
          {t('admin.publicLink')}
        </Anchor>
      </Card>
    </Stack>
  );
}
