import { Card, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { formatNumber, formatPeriod } from '../../format/format';
import { ScrollTable } from '../../app/controls';

type Lag = components['schemas']['StatsLagResponseDto'];

/** The reporting-lag triangle: how many of each month's acts were known 0, 1, 2… months later. */
export function LagTriangle({ asOf }: { asOf?: string }) {
  const { t, i18n } = useTranslation();
  const lag = useQuery({
    queryKey: ['lag', asOf],
    queryFn: () =>
      callJson<Lag>('GET', `/stats/lag${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`),
  });
  const rows = lag.data?.rows ?? [];
  if (rows.length === 0) return null;
  const lags = [...new Set(rows.flatMap((r) => Object.keys(r.byLag)))]
    .map(Number)
    .sort((a, b) => a - b)
    .slice(0, 12);
  return (
    <Card withBorder>
      <Title order={3} size="h5">
        {t('dashboard.lag')}
      </Title>
      <ScrollTable label={t('dashboard.lag')} minWidth={480}>
        <Table data-testid="lag-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.lagMonth')}</Table.Th>
              <Table.Th>{t('dashboard.total')}</Table.Th>
              {lags.map((n) => (
                <Table.Th key={n}>{t('dashboard.lagAfter', { n })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(-24).map((row) => (
              <Table.Tr key={row.month}>
                <Table.Td>{formatPeriod(row.month, i18n.language)}</Table.Td>
                <Table.Td>{formatNumber(row.total, i18n.language)}</Table.Td>
                {lags.map((n) => (
                  <Table.Td key={n}>
                    {row.byLag[String(n)] === undefined
                      ? ''
                      : formatNumber(row.byLag[String(n)], i18n.language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}
