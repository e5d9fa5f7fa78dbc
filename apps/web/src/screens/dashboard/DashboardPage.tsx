import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { chartSpec } from '@app/charts';
import type { Lang } from '@app/domain';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, download, unwrap, XLSX } from '../../api/client';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { formatNumber, formatPeriod } from '../../format/format';
import { useVocabularies } from '../../vocab/vocabularies';
import {
  currentParams,
  FILTER_VOCABULARY,
  queryOf,
  searchOf,
  statsFiltersOf,
} from '../cases/filters';
import { LagTriangle } from './LagTriangle';
import { MonthField, PartialDateField } from '../../app/PartialDateField';
import { endOf } from '../../format/partial-date';
import { ScrollTable } from '../../app/controls';

// vega-embed and Vega come with this chunk only when the dashboard opens.
const Chart = lazy(() => import('./Chart'));

type Stats = components['schemas']['StatsResponseDto'];

export const MEASURES = ['incidents', 'acts', 'persons', 'organisations'] as const;
export const GROUP_BYS = [
  'country',
  'region',
  'month',
  'quarter',
  'year',
  'type',
  'family',
  'targetCategory',
  'source',
  'right',
  'legalArticle',
  'verificationStatus',
] as const;

/** Which vocabulary labels the keys of a group-by. */
const DIMENSION_VOCABULARY: Record<string, string> = {
  country: 'country',
  region: 'region',
  type: 'incident_type',
  family: 'incident_family',
  targetCategory: 'target_category',
  source: 'perpetrator_source',
  right: 'right',
};

/** The GET /stats query the dashboard's address describes (what the CSV download repeats). */
export function statsQueryOf(params: URLSearchParams): Record<string, string | string[]> {
  const groupBy = [params.get('g1'), params.get('g2')].filter((g): g is string => !!g);
  const snapshot = params.get('snapshot');
  const asOf = snapshot
    ? `snapshot:${snapshot}`
    : params.get('asOf')
      ? endOf(params.get('asOf')!)
      : undefined;
  return {
    measure: params.get('measure') ?? 'acts',
    ...(groupBy.length > 0 && { groupBy: groupBy.join(',') }),
    ...statsFiltersOf(queryOf(params)),
    ...(asOf && { asOf }),
  };
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const vocab = useVocabularies();
  const [params, setParams] = useSearchParams();
  const query = statsQueryOf(params);
  const search = searchOf(query);
  const groupBy = [params.get('g1'), params.get('g2')].filter((g): g is string => !!g);
  // Downloads name their columns and labels in the language on screen.
  const downloadUrl = `/stats?${search}&${searchOf({ lang: i18n.language })}`;

  const set = (name: string, value: string | string[] | null) => {
    const next = currentParams();
    next.delete(name);
    for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(name, v);
    if (name === 'g1' && !value) next.delete('g2');
    setParams(next, { replace: true });
  };

  const stats = useQuery({
    queryKey: ['stats', search],
    queryFn: () => callJson<Stats>('GET', `/stats?${search}&includeReference=true`),
  });
  const snapshots = useQuery({
    queryKey: ['snapshots'],
    queryFn: async () => unwrap(await api.GET('/snapshots')),
  });

  const label = (dimension: string, key: string | number | null | undefined, fallback: string) => {
    if (key === null || key === undefined) return fallback;
    const vocabulary = DIMENSION_VOCABULARY[dimension];
    if (vocabulary) return vocab.label(vocabulary, String(key));
    if (dimension === 'month') return formatPeriod(String(key), i18n.language);
    if (dimension === 'verificationStatus')
      return t(`verification.${String(key)}`, { defaultValue: String(key) });
    return String(key);
  };

  const rows = useMemo(
    () =>
      (stats.data?.rows ?? []).map((row) => ({
        keys: groupBy.map((g) =>
          label(g, row.keys[g] as string | number | null, row.labels[g] ?? '—'),
        ),
        value: row.value,
      })),
    [stats.data, vocab.ready, i18n.language],
  );
  const measureLabel = t(`dashboard.measures.${query.measure as string}`);
  // The export workbook's chart definitions (libs/charts), so screen and report agree.
  const spec = useMemo(
    () =>
      stats.data &&
      chartSpec(
        { ...stats.data, positionTime: stats.data.positionTime ?? null },
        { filters: statsFiltersOf(queryOf(params)) },
        i18n.language as Lang,
      ),
    [stats.data, i18n.language, params],
  );

  const codeFilter = (name: keyof typeof FILTER_VOCABULARY) => (
    <MultiSelect
      label={t(`filters.${name}`)}
      searchable
      clearable
      data={vocab.options(FILTER_VOCABULARY[name]!)}
      value={params.getAll(name)}
      onChange={(value) => set(name, value)}
    />
  );
  const groupOptions = [
    { value: '', label: t('dashboard.none') },
    ...GROUP_BYS.map((g) => ({ value: g, label: t(`groupBys.${g}`) })),
  ];

  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select
          label={t('dashboard.measure')}
          allowDeselect={false}
          data={MEASURES.map((m) => ({ value: m, label: t(`dashboard.measures.${m}`) }))}
          value={query.measure as string}
          onChange={(v) => set('measure', v)}
        />
        <Select
          label={t('dashboard.groupBy')}
          data={groupOptions}
          value={params.get('g1') ?? ''}
          onChange={(v) => set('g1', v)}
        />
        <Select
          label={t('dashboard.thenBy')}
          disabled={!params.get('g1')}
          data={groupOptions.filter((o) => o.value !== params.get('g1'))}
          value={params.get('g2') ?? ''}
          onChange={(v) => set('g2', v)}
        />
        <TextInput
          label={t('filters.year')}
          placeholder={t('common.yearFormat')}
          defaultValue={params.getAll('year').join(' ')}
          onBlur={(e) => set('year', e.currentTarget.value.split(/[\s,]+/).filter(Boolean))}
        />
        {codeFilter('country')}
        {codeFilter('targetCategory')}
        {codeFilter('type')}
        {codeFilter('source')}
        <MonthField
          label={t('filters.from')}
          value={params.get('from') ?? ''}
          onChange={(value) => set('from', value)}
        />
        <MonthField
          label={t('filters.to')}
          value={params.get('to') ?? ''}
          onChange={(value) => set('to', value)}
        />
        <PartialDateField
          label={t('dashboard.asOf')}
          description={t('dashboard.asOfHelp')}
          coarsest="year"
          finest="day"
          disabled={!!params.get('snapshot')}
          value={params.get('asOf') ?? ''}
          onChange={(value) => set('asOf', value)}
        />
        <Select
          label={t('dashboard.snapshot')}
          clearable
          data={[
            { value: '', label: t('dashboard.noSnapshot') },
            ...(snapshots.data?.snapshots ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
          value={params.get('snapshot') ?? ''}
          onChange={(v) => set('snapshot', v)}
        />
      </SimpleGrid>
      {stats.isError && (
        <Alert color="red" role="alert">
          {(stats.error as Error).message}
        </Alert>
      )}
      {stats.data && (
        <>
          <Group justify="space-between">
            <Text size="lg" data-testid="stats-total">
              {t('dashboard.total')}: <b>{formatNumber(stats.data.total, i18n.language)}</b>
            </Text>
            <Group>
              <Button
                variant="light"
                onClick={() => void download(downloadUrl, 'text/csv', 'statistics.csv')}
              >
                {t('dashboard.downloadCsv')}
              </Button>
              <Button
                variant="light"
                onClick={() => void download(downloadUrl, XLSX, 'statistics.xlsx')}
              >
                {t('dashboard.downloadXlsx')}
              </Button>
            </Group>
          </Group>
          {groupBy.length > 0 && (
            <Card withBorder>
              <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
                <div
                  style={{ overflowX: 'auto' }}
                  // Scrollable on a phone: reachable by keyboard, named for screen readers.
                  tabIndex={0}
                  role="region"
                  aria-label={t('dashboard.chart')}
                >
                  {spec && <Chart spec={spec} label={`${t('dashboard.chart')}: ${measureLabel}`} />}
                </div>
              </Suspense>
            </Card>
          )}
          <ScrollTable label={t('dashboard.title')} minWidth={360}>
            <Table striped data-testid="stats-table">
              <Table.Caption>
                {t('dashboard.position', { position: stats.data.position })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {groupBy.map((g) => (
                    <Table.Th key={g}>{t(`groupBys.${g}`)}</Table.Th>
                  ))}
                  <Table.Th style={{ textAlign: 'right' }}>{measureLabel}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <Table.Tr key={index}>
                    {row.keys.map((k, i) => (
                      <Table.Td key={i}>{k}</Table.Td>
                    ))}
                    <Table.Td style={{ textAlign: 'right' }}>
                      {formatNumber(row.value, i18n.language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {(stats.data.reference?.length ?? 0) > 0 && (
            <Card withBorder>
              <Title order={3} size="h5">
                {t('dashboard.reference')}
              </Title>
              <Table data-testid="reference-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.referenceSource')}</Table.Th>
                    {groupBy.map((g) => (
                      <Table.Th key={g}>{t(`groupBys.${g}`)}</Table.Th>
                    ))}
                    <Table.Th>{t('dashboard.theirs')}</Table.Th>
                    <Table.Th>{t('dashboard.ours')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.data.reference!.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.source.name}</Table.Td>
                      {groupBy.map((g) => (
                        <Table.Td key={g}>{label(g, r.keys[g], '—')}</Table.Td>
                      ))}
                      <Table.Td>{formatNumber(r.value, i18n.language)}</Table.Td>
                      <Table.Td>{formatNumber(r.ours, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
          <LagTriangle asOf={query.asOf as string | undefined} />
        </>
      )}
    </Stack>
  );
}
