import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { formatDateTime, formatNumber } from '../../format/format';
import { useVocabularies } from '../../vocab/vocabularies';
import { ScrollTable } from '../../app/controls';

type Diff = components['schemas']['SnapshotDiffResponseDto'];

export default function SnapshotsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const vocab = useVocabularies();
  const mayPin = ['admin', 'verifier', 'analyst'].includes(session.data?.role ?? '');
  const list = useQuery({
    queryKey: ['snapshots'],
    queryFn: async () => unwrap(await api.GET('/snapshots')),
  });
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [diff, setDiff] = useState<Diff>();
  const snapshots = list.data?.snapshots ?? [];
  const options = snapshots.map((s) => ({ value: s.id, label: s.name }));
  // The list reads the log, where a write just acknowledged may show a moment later: ask
  // again until the new snapshot is there, so the person sees what they pinned.
  const untilListed = async (before: number) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const { data } = await list.refetch();
      if ((data?.snapshots.length ?? 0) > before) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  return (
    <Stack maw={960}>
      <Title order={2}>{t('snapshots.title')}</Title>
      <Text>{t('snapshots.explain')}</Text>
      {mayPin && (
        <Card withBorder>
          <form
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              setError(undefined);
              try {
                await callJson('POST', '/snapshots', {
                  name: name.trim(),
                  ...(note.trim() && { note: note.trim() }),
                });
                setName('');
                setNote('');
                await untilListed(snapshots.length);
              } catch (e) {
                setError(e instanceof ApiError ? e.message : String(e));
              }
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t('snapshots.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <Textarea
                label={t('snapshots.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              {error && <Alert color="red">{error}</Alert>}
              <Group>
                <Button type="submit" disabled={name.trim() === ''}>
                  {t('snapshots.pin')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {snapshots.length === 0 ? (
        <Text>{t('snapshots.none')}</Text>
      ) : (
        <ScrollTable label={t('snapshots.title')} minWidth={480}>
          <Table striped data-testid="snapshots-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('snapshots.name')}</Table.Th>
                <Table.Th>{t('snapshots.note')}</Table.Th>
                <Table.Th>{t('snapshots.pinnedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.note ?? ''}</Table.Td>
                  <Table.Td>{formatDateTime(s.pinnedAt ?? s.recordedAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {snapshots.length > 1 && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('snapshots.diff')}
          </Title>
          <Group align="flex-end">
            <Select label={t('snapshots.from')} data={options} value={a} onChange={setA} />
            <Select label={t('snapshots.to')} data={options} value={b} onChange={setB} />
            <Button
              disabled={!a || !b || a === b}
              onClick={async () =>
                setDiff(await callJson<Diff>('GET', `/snapshots/${a}/diff/${b}`))
              }
            >
              {t('snapshots.compare')}
            </Button>
          </Group>
          {diff && (
            <Stack gap="xs" mt="sm">
              <Text fw={700}>{t('snapshots.changes')}</Text>
              {diff.changes.length === 0 && <Text>{t('snapshots.noChanges')}</Text>}
              <Table data-testid="snapshot-diff-counts">
                <Table.Tbody>
                  {Object.entries(diff.counts).map(([kind, count]) => (
                    <Table.Tr key={kind}>
                      <Table.Td>{t(`snapshots.kinds.${kind}`)}</Table.Td>
                      <Table.Td>{formatNumber(count, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Table data-testid="snapshot-diff">
                <Table.Tbody>
                  {diff.changes.slice(0, 200).map((c, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{formatDateTime(c.recordedAt, i18n.language)}</Table.Td>
                      <Table.Td>{t(`snapshots.kinds.${c.change}`)}</Table.Td>
                      <Table.Td>
                        {c.field ? t(`fields.${c.field}`, { defaultValue: c.field }) : ''}
                      </Table.Td>
                      <Table.Td>
                        {c.reason ? vocab.reasonLabel(c.reason) : ''}
                        {c.note ? ` — ${c.note}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
