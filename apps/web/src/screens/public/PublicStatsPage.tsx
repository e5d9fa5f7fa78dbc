import { Alert, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { formatNumber, formatPeriod } from '../../format/format';
import { showLanguage } from '../../i18n/i18n';
import { isLanguage } from '../../i18n/languages';
import { searchOf } from '../cases/filters';

type PublicStats = components['schemas']['PublicStatsResponseDto'];
const MEASURES = ['incidents', 'acts', 'persons', 'organisations'] as const;
const GROUP_BYS = ['year', 'country', 'type', 'targetCategory', 'source', 'month'] as const;

/**
 * `?lang=` in the address chooses the page's language (an NGO embeds the page in its own),
 * without becoming the visitor's remembered choice.
 */
function useLanguageOf(params: URLSearchParams): void {
  const { i18n } = useTranslation();
  const asked = params.get('lang');
  useEffect(() => {
    if (isLanguage(asked) && asked !== i18n.language) void showLanguage(asked);
  }, [asked, i18n]);
}

/**
 * A workspace's published figures, without signing in: aggregates only, small cells as "<5"
 * (the API suppresses them). Every choice is in the address, so a query can be linked to.
 */
export default function PublicStatsPage() {
  const { workspaceId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const measure = params.get('measure') ?? 'incidents';
  const groupBy = params.get('groupBy') ?? 'year';
  useLanguageOf(params);
  const lang = i18n.language;
  const stats = useQuery({
    queryKey: ['public-stats', workspaceId, measure, groupBy, lang],
    retry: false,
    queryFn: () =>
      callJson<PublicStats>(
        'GET',
        `/public/stats?${searchOf({ workspace: workspaceId, measure, groupBy, lang })}`,
      ),
  });
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    setParams(next, { replace: true });
  };
  const show = (value: number | string) =>
    typeof value === 'number' ? formatNumber(value, i18n.language) : value;
  // The answer labels its keys in `lang` (a visitor has no token for GET /vocabularies).
  const label = (row: PublicStats['rows'][number]) => {
    const key = row.keys[groupBy];
    if (groupBy === 'month' && key !== null) return formatPeriod(String(key), i18n.language);
    return row.labels[groupBy] ?? (key === null ? '—' : String(key));
  };
  return (
    <Stack maw={720}>
      <Title order={2}>{t('public.title')}</Title>
      <Text size="sm">{t('public.explain')}</Text>
      <Group>
        <Select
          label={t('public.measure')}
          allowDeselect={false}
          data={MEASURES.map((m) => ({ value: m, label: t(`dashboard.measures.${m}`) }))}
          value={measure}
          onChange={(v) => set('measure', v)}
        />
        <Select
          label={t('public.groupBy')}
          allowDeselect={false}
          data={GROUP_BYS.map((g) => ({ value: g, label: t(`groupBys.${g}`) }))}
          value={groupBy}
          onChange={(v) => set('groupBy', v)}
        />
      </Group>
      {stats.isError && <Alert color="gray">{t('public.notPublic')}</Alert>}
      {stats.data && (
        <Table striped data-testid="public-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`groupBys.${groupBy}`)}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>
                {t(`dashboard.measures.${measure}`)}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.data.rows.map((row, i) => (
              <Table.Tr key={i}>
                <Table.Td>{label(row)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{show(row.value)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th>{t('dashboard.total')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{show(stats.data.total)}</Table.Th>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
