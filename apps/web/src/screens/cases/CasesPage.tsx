import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { formatNumber, formatPartialDate } from '../../format/format';
import { useVocabularies } from '../../vocab/vocabularies';
import { MonthField } from '../../app/PartialDateField';
import {
  currentParams,
  FILTER_VOCABULARY,
  queryOf,
  type QueryRecord,
  searchOf,
  statsFiltersOf,
} from './filters';
import { ScrollTable } from '../../app/controls';

type Item = components['schemas']['IncidentListItemDto'];
type SortKey = 'occurred' | 'title' | 'type' | 'targetCount';

function useIncidents(query: QueryRecord) {
  return useQuery({
    queryKey: ['incidents', query],
    queryFn: () =>
      callJson<components['schemas']['IncidentListDto']>('GET', `/incidents?${searchOf(query)}`),
  });
}

/** The counts of the current filter: incidents and acts, from GET /stats. */
function useCounts(query: QueryRecord) {
  const filters = statsFiltersOf(query);
  return useQuery({
    queryKey: ['counts', filters],
    queryFn: async () => {
      const [incidents, acts] = await Promise.all(
        (['incidents', 'acts'] as const).map((measure) =>
          callJson<components['schemas']['StatsResponseDto']>(
            'GET',
            `/stats?${searchOf({ ...filters, measure })}`,
          ),
        ),
      );
      return { incidents: incidents.total, acts: acts.total };
    },
  });
}

export default function CasesPage() {
  const { t, i18n } = useTranslation();
  const vocab = useVocabularies();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const incidents = useIncidents(query);
  const counts = useCounts(query);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'occurred',
    descending: true,
  });
  const [history, setHistory] = useState<string[]>([]);

  const setFilter = (name: string, value: string | string[] | null) => {
    const next = currentParams();
    next.delete(name);
    next.delete('cursor');
    for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(name, v);
    setHistory([]);
    setParams(next);
  };

  const codeFilter = (name: keyof typeof FILTER_VOCABULARY) => (
    <MultiSelect
      key={name}
      label={t(`filters.${name}`)}
      searchable
      clearable
      data={vocab.options(FILTER_VOCABULARY[name]!)}
      value={params.getAll(name)}
      onChange={(value) => setFilter(name, value)}
    />
  );

  const items = [...(incidents.data?.items ?? [])].sort((a, b) => {
    const value = (item: Item) =>
      sort.key === 'occurred'
        ? item.occurred.date
        : sort.key === 'targetCount'
          ? item.targetCount
          : String(item[sort.key]);
    const [x, y] = [value(a), value(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.descending ? -order : order;
  });

  const header = (key: SortKey, label: string) => (
    <Table.Th
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <UnstyledButton
        fw={700}
        onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : false })}
      >
        {label} {sort.key === key ? (sort.descending ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Stack>
      <Title order={2}>{t('cases.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput
          label={t('filters.q')}
          defaultValue={params.get('q') ?? ''}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setFilter('q', event.currentTarget.value);
          }}
          onBlur={(event) => setFilter('q', event.currentTarget.value)}
        />
        {codeFilter('country')}
        {codeFilter('region')}
        {codeFilter('type')}
        {codeFilter('family')}
        {codeFilter('targetCategory')}
        {codeFilter('source')}
        {codeFilter('right')}
        <MultiSelect
          label={t('filters.status')}
          clearable
          data={(['recorded', 'retracted', 'duplicate'] as const).map((s) => ({
            value: s,
            label: t(`status.${s}`),
          }))}
          value={params.getAll('status')}
          onChange={(value) => setFilter('status', value)}
        />
        <MultiSelect
          label={t('filters.verificationStatus')}
          clearable
          data={(['verified', 'unverified'] as const).map((s) => ({
            value: s,
            label: t(`verification.${s}`),
          }))}
          value={params.getAll('verificationStatus')}
          onChange={(value) => setFilter('verificationStatus', value)}
        />
        <Select
          label={t('filters.sourceRole')}
          data={[
            { value: 'main', label: t('filters.sourceRoleMain') },
            { value: 'any', label: t('filters.sourceRoleAny') },
          ]}
          value={params.get('sourceRole') ?? 'main'}
          onChange={(value) => setFilter('sourceRole', value === 'main' ? null : value)}
        />
        <MonthField
          label={t('filters.from')}
          value={params.get('from') ?? ''}
          onChange={(value) => setFilter('from', value)}
        />
        <MonthField
          label={t('filters.to')}
          value={params.get('to') ?? ''}
          onChange={(value) => setFilter('to', value)}
        />
        <TextInput
          label={t('filters.year')}
          placeholder={t('common.yearFormat')}
          defaultValue={params.getAll('year').join(' ')}
          onBlur={(event) =>
            setFilter('year', event.currentTarget.value.split(/[\s,]+/).filter(Boolean))
          }
        />
        <TextInput
          label={t('filters.tag')}
          defaultValue={params.getAll('tag').join(' ')}
          onBlur={(event) =>
            setFilter('tag', event.currentTarget.value.split(/[\s,]+/).filter(Boolean))
          }
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Text data-testid="case-counts" aria-live="polite">
          {counts.data
            ? t('cases.counts', {
                incidents: formatNumber(counts.data.incidents, i18n.language),
                acts: formatNumber(counts.data.acts, i18n.language),
              })
            : t('common.loading')}
        </Text>
        <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
          {t('filters.clear')}
        </Button>
      </Group>
      {incidents.isError && <Text c="red">{(incidents.error as Error).message}</Text>}
      <ScrollTable label={t('cases.title')} minWidth={640}>
        <Table striped highlightOnHover data-testid="cases-table">
          <Table.Thead>
            <Table.Tr>
              {header('occurred', t('cases.occurred'))}
              {header('title', t('cases.caseTitle'))}
              {header('type', t('cases.type'))}
              <Table.Th>{t('cases.where')}</Table.Th>
              {header('targetCount', t('cases.targets'))}
              <Table.Th>{t('cases.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-incident-id={item.id}>
                <Table.Td>{formatPartialDate(item.occurred, i18n.language)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.id}`}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{vocab.label('incident_type', item.type)}</Table.Td>
                <Table.Td>
                  {item.region
                    ? vocab.label('region', item.region)
                    : vocab.label('country', item.country)}
                </Table.Td>
                <Table.Td>{formatNumber(item.targetCount, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" color={item.status === 'recorded' ? 'indigo' : 'gray'}>
                      {t(`status.${item.status}`)}
                    </Badge>
                    {item.verified && (
                      <Badge variant="light" color="green">
                        {t('verification.verified')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {incidents.data && items.length === 0 && <Text>{t('cases.none')}</Text>}
      <Group>
        <Button
          variant="default"
          disabled={history.length === 0}
          onClick={() => {
            const next = new URLSearchParams(params);
            const previous = history[history.length - 1];
            if (previous) next.set('cursor', previous);
            else next.delete('cursor');
            setHistory(history.slice(0, -1));
            setParams(next);
          }}
        >
          {t('cases.previous')}
        </Button>
        <Button
          variant="default"
          disabled={!incidents.data?.nextCursor}
          onClick={() => {
            const next = new URLSearchParams(params);
            setHistory([...history, params.get('cursor') ?? '']);
            next.set('cursor', incidents.data!.nextCursor!);
            setParams(next);
          }}
        >
          {t('cases.next')}
        </Button>
      </Group>
    </Stack>
  );
}
