import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { formatDateTime, formatPartialDate, type PartialDate } from '../../format/format';
import { useVocabularies } from '../../vocab/vocabularies';
import { AddToCase } from './AddToCase';
import { changeIncident } from './commands';
import {
  CODE_FIELDS,
  type Correction,
  CorrectionForm,
  changesSince,
  formatValue,
  sendCorrection,
} from './CorrectionForm';

type Incident = components['schemas']['IncidentResponseDto'];
type HistoryEntry = components['schemas']['HistoryEntryDto'];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={700} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} data-field={label}>
        {children}
      </Text>
    </div>
  );
}

function useIncident(id: string) {
  return useQuery({
    queryKey: ['incident', id],
    queryFn: async () => unwrap(await api.GET('/incidents/{id}', { params: { path: { id } } })),
  });
}

function useHistory(id: string, enabled: boolean) {
  const { i18n } = useTranslation();
  const lang = i18n.language as 'en';
  return useQuery({
    queryKey: ['history', id, lang],
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/incidents/{id}/history', { params: { path: { id }, query: { lang } } }),
      ),
  });
}

/** One value of a history change, in the person's language. */
function useShowValue() {
  const { i18n } = useTranslation();
  const vocab = useVocabularies();
  return (field: string, value: unknown) =>
    field === 'occurred' && value && typeof value === 'object'
      ? formatPartialDate(value as PartialDate, i18n.language)
      : formatValue(
          value,
          CODE_FIELDS[field as keyof typeof CODE_FIELDS] ??
            (field === 'targetCategory' ? 'target_category' : undefined),
          vocab.label,
        );
}

function HistoryTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const show = useShowValue();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="history">
      {entries.map((entry) => (
        <Timeline.Item
          key={entry.version}
          title={t(`events.${entry.type}`, { defaultValue: entry.type })}
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.recordedAt, i18n.language)} ·{' '}
            {entry.by.name ?? t('history.unknownUser')}
          </Text>
          {entry.changes?.map((change) => (
            <Text size="sm" key={change.field}>
              {t(`fields.${change.field}`)}: <s>{show(change.field, change.from)}</s> →{' '}
              <b>{show(change.field, change.to)}</b>
            </Text>
          ))}
          {entry.reason && (
            <Text size="sm">
              {t('history.why')}: {entry.reason}
              {entry.note ? ` — ${entry.note}` : ''}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Someone changed the case since it was opened: show what, and let the person re-apply. */
function ConflictView({
  incident,
  pending,
  since,
  onReapply,
  onDiscard,
}: {
  incident: Incident;
  pending: Correction;
  since: HistoryEntry[];
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const show = useShowValue();
  return (
    <Alert color="orange" title={t('conflict.title')} data-testid="conflict" role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('conflict.explain', { version: incident.version })}</Text>
        <List size="sm">
          {since.map((entry) => (
            <List.Item key={entry.version}>
              {t(`events.${entry.type}`, { defaultValue: entry.type })}
              {entry.changes?.map(
                (c) =>
                  ` · ${t(`fields.${c.field}`)}: ${show(c.field, c.from)} → ${show(c.field, c.to)}`,
              )}
              {entry.by.name ? ` (${entry.by.name})` : ''}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          {t('conflict.yours')}: {t(`fields.${pending.field}`)} →{' '}
          <b>{show(pending.field, pending.value)}</b>
        </Text>
        <Group>
          <Button onClick={onReapply}>{t('conflict.reapply')}</Button>
          <Button variant="default" onClick={onDiscard}>
            {t('conflict.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The other cases of the workspace, by title: the survivor a duplicate is merged into. */
function useOtherCases(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['incidents', 'titles'],
    enabled,
    staleTime: 60_000,
    queryFn: () =>
      callJson<components['schemas']['IncidentListDto']>('GET', '/incidents?limit=200'),
    select: (list) =>
      list.items.filter((i) => i.id !== id).map((i) => ({ value: i.id, label: i.title })),
  });
}

function ReviewActions({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [survivor, setSurvivor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const others = useOtherCases(incident.id, incident.status === 'recorded');
  const run = async (action: string, body: unknown, method: 'POST' | 'DELETE' = 'POST') => {
    setError(undefined);
    try {
      await changeIncident(
        incident.id,
        action,
        body,
        incident.version,
        crypto.randomUUID(),
        method,
      );
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Stack gap="xs">
      {!incident.verified && (
        <Button
          variant="light"
          onClick={() => run('verification', note.trim() ? { overrideReason: note.trim() } : {})}
        >
          {t('review.verify')}
        </Button>
      )}
      {incident.status === 'recorded' && (
        <>
          <Select
            label={t('review.retractReason')}
            data={vocab.options('retraction_reason')}
            value={reason}
            onChange={setReason}
          />
          <Textarea
            label={t('review.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button
            color="red"
            variant="light"
            disabled={!reason}
            onClick={() => run('retraction', { reason, ...(note.trim() && { note: note.trim() }) })}
          >
            {t('review.retract')}
          </Button>
          <Select
            label={t('review.duplicateOf')}
            placeholder={t('case.typeToSearch')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={others.data ?? []}
            value={survivor}
            onChange={setSurvivor}
          />
          <Button
            variant="light"
            disabled={!survivor}
            onClick={() =>
              run('duplicate-of', {
                duplicateOf: survivor,
                ...(note.trim() && { note: note.trim() }),
              })
            }
          >
            {t('review.markDuplicate')}
          </Button>
        </>
      )}
      {incident.status === 'duplicate' && (
        <Button variant="light" onClick={() => run('duplicate-of', undefined, 'DELETE')}>
          {t('review.undoDuplicate')}
        </Button>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

export default function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const vocab = useVocabularies();
  const session = useSession();
  const role = session.data?.role;
  const client = useQueryClient();
  const incident = useIncident(id);
  const history = useHistory(id, role !== 'analyst');
  const [openedVersion, setOpenedVersion] = useState<number>();
  const [pending, setPending] = useState<Correction>();

  // The version the person is looking at: set when the page first shows the case.
  useEffect(() => {
    if (incident.data && openedVersion === undefined) setOpenedVersion(incident.data.version);
  }, [incident.data, openedVersion]);

  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['incident', id] });
    await client.invalidateQueries({ queryKey: ['history', id] });
    const fresh = await client.fetchQuery({
      queryKey: ['incident', id],
      queryFn: async () => unwrap(await api.GET('/incidents/{id}', { params: { path: { id } } })),
    });
    setOpenedVersion(fresh.version);
  };

  if (incident.isPending) return <Text>{t('common.loading')}</Text>;
  if (incident.isError) return <Alert color="red">{t('case.notFound')}</Alert>;
  const c = incident.data;
  const mayCorrect = role === 'admin' || role === 'monitor';
  const mayReview = role === 'admin' || role === 'verifier';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} data-testid="case-title">
          {c.title}
        </Title>
        <Group gap={4}>
          <Badge>{t(`status.${c.status}`)}</Badge>
          <Badge color={c.verified ? 'green' : 'gray'}>
            {t(c.verified ? 'verification.verified' : 'verification.unverified')}
          </Badge>
          <Badge variant="outline">{t('case.version', { version: c.version })}</Badge>
        </Group>
      </Group>
      {pending && history.data && (
        <ConflictView
          incident={c}
          pending={pending}
          since={changesSince(history.data.entries, openedVersion ?? 0)}
          onDiscard={() => {
            setPending(undefined);
            void reload();
          }}
          onReapply={async () => {
            await sendCorrection(c.id, { ...pending, key: crypto.randomUUID() }, c.version);
            setPending(undefined);
            await reload();
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, xs: 2 }} component="dl" m={0}>
            <Field label={t('fields.occurred')}>
              {formatPartialDate(c.occurred, i18n.language)}
            </Field>
            <Field label={t('fields.type')}>{vocab.label('incident_type', c.type)}</Field>
            <Field label={t('fields.country')}>{vocab.label('country', c.country)}</Field>
            <Field label={t('fields.region')}>{vocab.label('region', c.region)}</Field>
            {c.place !== undefined && <Field label={t('fields.place')}>{c.place}</Field>}
            <Field label={t('fields.rights')}>
              {(c.rights ?? []).map((r) => vocab.label('right', r)).join(', ') || '—'}
            </Field>
            <Field label={t('fields.legalBasis')}>
              {(c.legalBasis ?? []).map((l) => `${l.instrument} ${l.article}`).join('; ') || '—'}
            </Field>
            {c.duplicateOf && (
              <Field label={t('review.duplicateOf')}>
                <Anchor component={Link} to={`/cases/${c.duplicateOf}`} data-testid="duplicate-of">
                  {t('case.survivor')}
                </Anchor>
              </Field>
            )}
            {c.tags !== undefined && (
              <Field label={t('fields.tags')}>{c.tags.join(', ') || '—'}</Field>
            )}
          </SimpleGrid>
          {c.description && (
            <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5">
            {t('case.targets')}
          </Title>
          <Table>
            <Table.Tbody>
              {c.targets.map((target, index) => (
                <Table.Tr key={target.actId}>
                  <Table.Td>
                    {target.name ??
                      target.label ??
                      t(`case.targetKinds.${target.kind}`, { n: index + 1 })}
                  </Table.Td>
                  <Table.Td>{vocab.label('target_category', target.category)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5" mt="sm">
            {t('case.perpetrators')}
          </Title>
          <List size="sm">
            {c.perpetrators.map((p) => (
              <List.Item key={p.perpetratorId}>
                {vocab.label('perpetrator_source', p.source)} (
                {t(p.role === 'main' ? 'case.roleMain' : 'case.roleSecondary')})
                {p.unit ? ` — ${p.unit}` : ''}
              </List.Item>
            ))}
          </List>
          <Title order={3} size="h5" mt="sm">
            {t('case.sources')}
          </Title>
          <List size="sm">
            {c.sources.map((s) => (
              <List.Item key={s.sourceId}>
                {s.title ?? t('case.source')} {s.publishedOn ? `(${s.publishedOn})` : ''}
              </List.Item>
            ))}
          </List>
          {c.outcomes.length > 0 && (
            <>
              <Title order={3} size="h5" mt="sm">
                {t('case.outcomes')}
              </Title>
              <List size="sm">
                {c.outcomes.map((o) => (
                  <List.Item key={o.outcomeId}>
                    {vocab.label('outcome', o.type)} {o.date ?? ''}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {mayCorrect && c.status === 'recorded' && openedVersion !== undefined && (
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('correct.title')}
            </Title>
            <CorrectionForm
              incident={c}
              openedVersion={openedVersion}
              onDone={() => void reload()}
              onConflict={async (correction) => {
                await client.invalidateQueries({ queryKey: ['incident', id] });
                await client.invalidateQueries({ queryKey: ['history', id] });
                setPending(correction);
              }}
            />
          </Card>
        )}
        {mayCorrect && c.status === 'recorded' && (
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('add.title')}
            </Title>
            <AddToCase incident={c} onDone={() => void reload()} />
          </Card>
        )}
        {mayReview && (
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('review.title')}
            </Title>
            <ReviewActions incident={c} onDone={() => void reload()} />
          </Card>
        )}
      </SimpleGrid>
      {history.data && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('history.title')}
          </Title>
          <HistoryTimeline entries={history.data.entries} />
        </Card>
      )}
    </Stack>
  );
}
