import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import { useVocabularies } from '../../vocab/vocabularies';
import { changeIncident } from './commands';

type Incident = components['schemas']['IncidentResponseDto'];
type HistoryEntry = components['schemas']['HistoryEntryDto'];

/** Fields corrected with a simple value here; occurred, legal basis and categories have their own forms. */
const FIELDS = [
  'title',
  'description',
  'place',
  'type',
  'country',
  'region',
  'rights',
  'tags',
] as const;
type Field = (typeof FIELDS)[number];
const CODE_FIELDS: Partial<Record<Field, string>> = {
  type: 'incident_type',
  country: 'country',
  region: 'region',
  rights: 'right',
};

export interface Correction {
  field: Field;
  value: string | string[];
  reason: string;
  note: string;
  key: string;
}

/** What changed since `version`: the entries recorded after it, field by field. */
export function changesSince(entries: HistoryEntry[], version: number) {
  return entries.filter((e) => e.version > version);
}

export function CorrectionForm({
  incident,
  openedVersion,
  onDone,
  onConflict,
}: {
  incident: Incident;
  openedVersion: number;
  onDone: () => void;
  onConflict: (pending: Correction) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const [field, setField] = useState<Field>('place');
  const [value, setValue] = useState<string | string[]>(String(incident.place ?? ''));
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const current = (f: Field): string | string[] => {
    const v = (incident as Record<string, unknown>)[f];
    return Array.isArray(v) ? (v as string[]) : v == null ? '' : String(v);
  };

  const valueInput = () => {
    const label = t('correct.newValue');
    const vocabulary = CODE_FIELDS[field];
    if (field === 'rights')
      return (
        <MultiSelect
          label={label}
          searchable
          data={vocab.options('right')}
          value={value as string[]}
          onChange={setValue}
        />
      );
    if (field === 'tags')
      return <TagsInput label={label} value={value as string[]} onChange={setValue} />;
    if (vocabulary)
      return (
        <Select
          label={label}
          searchable
          data={vocab.options(vocabulary)}
          value={value as string}
          onChange={(v) => setValue(v ?? '')}
        />
      );
    if (field === 'description')
      return (
        <Textarea
          label={label}
          autosize
          value={value as string}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
      );
    return (
      <TextInput
        label={label}
        value={value as string}
        onChange={(e) => setValue(e.currentTarget.value)}
      />
    );
  };

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!reason) {
          setError(t('correct.reasonRequired'));
          return;
        }
        const correction: Correction = { field, value, reason, note, key: crypto.randomUUID() };
        setSending(true);
        setError(undefined);
        try {
          await sendCorrection(incident.id, correction, openedVersion);
          onDone();
        } catch (e) {
          if (
            e instanceof ApiError &&
            e.problem.status === 409 &&
            e.problem.actualVersion !== undefined
          ) {
            onConflict(correction);
          } else setError(e instanceof Error ? e.message : String(e));
        } finally {
          setSending(false);
        }
      }}
    >
      <Stack gap="xs" data-testid="correction-form">
        <Select
          label={t('correct.field')}
          allowDeselect={false}
          data={FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
          value={field}
          onChange={(f) => {
            setField(f as Field);
            setValue(current(f as Field));
          }}
        />
        <Text size="sm">
          {t('correct.currentValue')}:{' '}
          {formatValue(current(field), CODE_FIELDS[field], vocab.label)}
        </Text>
        {valueInput()}
        <Select
          label={t('correct.reason')}
          required
          searchable
          data={vocab.options('correction_reason')}
          value={reason}
          onChange={setReason}
        />
        <Textarea
          label={t('correct.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={sending}>
            {t('correct.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function sendCorrection(id: string, c: Correction, version: number) {
  return changeIncident(
    id,
    'corrections',
    {
      field: c.field,
      value: c.value,
      reason: c.reason,
      ...(c.note.trim() !== '' && { note: c.note.trim() }),
    },
    version,
    c.key,
  );
}

export function formatValue(
  value: unknown,
  vocabulary: string | undefined,
  label: (vocabulary: string, code: string) => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value
      .map((v) => (typeof v === 'string' && vocabulary ? label(vocabulary, v) : formatScalar(v)))
      .join(', ');
  if (typeof value === 'string' && vocabulary) return label(vocabulary, value);
  return formatScalar(value);
}

function formatScalar(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if ('instrument' in o) return `${String(o.instrument)} ${String(o.article)}`;
    if ('date' in o) return String(o.date) + (o.until ? ` – ${String(o.until)}` : '');
    return JSON.stringify(value);
  }
  return String(value);
}

export { CODE_FIELDS };
