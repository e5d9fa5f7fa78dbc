import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, authHeaders, download, XLSX } from '../../api/client';
import { callJson } from '../../api/json';
import type { components } from '../../api/schema';
import { formatNumber } from '../../format/format';
import { ScrollTable } from '../../app/controls';

type Job = components['schemas']['JobResponseDto'];
interface Problem {
  row: number;
  column?: string;
  value?: unknown;
  message: string;
}
interface ImportResult {
  dryRun: boolean;
  rows: number;
  recorded: { incidents: number };
  rowsNotImported: number;
}

async function startImport(file: File, dryRun: boolean): Promise<string> {
  const body = new FormData();
  body.append('file', file);
  body.append('dryRun', String(dryRun));
  const response = await fetch('/imports', {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { ...authHeaders('POST'), Accept: 'application/json' },
  });
  const parsed = (await response.json().catch(() => ({}))) as { jobId?: string };
  if (!response.ok) throw new ApiError({ ...(parsed as object), status: response.status });
  return parsed.jobId!;
}

/** GET /jobs/:id every half second until the job is done. */
function useJob(jobId: string | undefined) {
  return useQuery({
    queryKey: ['job', jobId],
    enabled: jobId !== undefined,
    queryFn: () => callJson<Job>('GET', `/jobs/${encodeURIComponent(jobId!)}`),
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'completed' || state === 'failed' ? false : 500;
    },
  });
}

export default function ImportPage() {
  const { t, i18n } = useTranslation();
  // The template's headers come in en, ru, kk and ky; a Tajik monitor gets the Russian ones.
  const templateLang = i18n.language === 'tg' ? 'ru' : i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<string>();
  const job = useJob(jobId);
  const problems = (job.data?.errors ?? []) as unknown as Problem[];
  const result = job.data?.result as ImportResult | null | undefined;
  const finished = job.data?.state === 'completed' || job.data?.state === 'failed';

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(undefined);
    setJobId(undefined);
    try {
      setJobId(await startImport(file, dryRun));
    } catch (e) {
      setError(
        e instanceof ApiError
          ? (e.problem.errors?.map((x) => `${x.field}: ${x.message}`).join('; ') ?? e.message)
          : String(e),
      );
    }
  };

  return (
    <Stack maw={960}>
      <Title order={2}>{t('import.title')}</Title>
      <Group>
        <Button
          variant="light"
          onClick={() =>
            void download(`/imports/template.xlsx?lang=${templateLang}`, XLSX, 'template.xlsx')
          }
        >
          {t('import.template')} (XLSX)
        </Button>
        <Button
          variant="light"
          onClick={() =>
            void download(`/imports/template.csv?lang=${templateLang}`, 'text/csv', 'template.csv')
          }
        >
          {t('import.template')} (CSV)
        </Button>
      </Group>
      <FileInput
        label={t('import.file')}
        accept=".csv,.xlsx"
        value={file}
        onChange={setFile}
        clearable
        clearButtonProps={{ 'aria-label': t('import.clearFile') }}
      />
      <Group>
        <Button disabled={!file} variant="default" onClick={() => void run(true)}>
          {t('import.check')}
        </Button>
        <Button disabled={!file} onClick={() => void run(false)} data-testid="import-record">
          {t('import.record')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {job.data && (
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm" id="import-progress-label">
              {t('import.progress')}: {t(`import.states.${job.data.state}`)} — {job.data.progress}%
            </Text>
            <Progress
              value={job.data.progress}
              aria-label={t('import.progress')}
              data-testid="import-progress"
              data-progress={job.data.progress}
            />
            {finished && result && (
              <Text data-testid="import-result">
                {t('import.recorded', { count: result.recorded.incidents })} ·{' '}
                {t('import.skipped', { count: result.rowsNotImported })} (
                {formatNumber(result.rows, i18n.language)})
              </Text>
            )}
            {job.data.state === 'failed' && <Alert color="red">{t('import.failed')}</Alert>}
          </Stack>
        </Card>
      )}
      {finished && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('import.problems')}
          </Title>
          {problems.length === 0 ? (
            <Text>{t('import.noProblems')}</Text>
          ) : (
            <ScrollTable label={t('import.problems')} minWidth={480}>
              <Table striped data-testid="import-problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.row')}</Table.Th>
                    <Table.Th>{t('import.column')}</Table.Th>
                    <Table.Th>{t('import.value')}</Table.Th>
                    <Table.Th>{t('import.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((p, i) => (
                    <Table.Tr key={i} data-row={p.row}>
                      <Table.Td>{p.row}</Table.Td>
                      <Table.Td>{p.column ?? ''}</Table.Td>
                      <Table.Td>{p.value === undefined ? '' : String(p.value)}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Card>
      )}
    </Stack>
  );
}
