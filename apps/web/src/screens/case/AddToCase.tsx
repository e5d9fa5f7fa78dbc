import { Alert, Button, Select, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import { useVocabularies } from '../../vocab/vocabularies';
import { useExistingTargets } from '../new-case/TargetsInput';
import { changeIncident } from './commands';

type Incident = components['schemas']['IncidentResponseDto'];
type TargetMode = 'newPerson' | 'existingPerson' | 'newOrganisation' | 'existingOrganisation';

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** A problem as one line per field, so the person sees which field to fix. */
function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return error.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? error.message;
}

/**
 * One small form of the card: sends its body to the incident's command (with the version on
 * screen, so a stale page gets a 409 rather than overwriting) and reloads the case.
 */
function CommandForm({
  incident,
  action,
  body,
  submit,
  ready,
  onDone,
  onSent,
  children,
}: {
  incident: Incident;
  action: string;
  body: () => unknown;
  submit: string;
  ready: boolean;
  onDone: () => void;
  onSent: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await changeIncident(incident.id, action, body(), incident.version, crypto.randomUUID());
      onSent();
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void send(event)} data-testid={`add-${action}`}>
      <Stack gap="xs" pt="xs">
        {children}
        <Button type="submit" disabled={!ready} loading={busy}>
          {submit}
        </Button>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function TargetForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const [mode, setMode] = useState<TargetMode>('newPerson');
  const [name, setName] = useState('');
  const [id, setId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const isPerson = mode === 'newPerson' || mode === 'existingPerson';
  const existing = mode.startsWith('existing');
  const persons = useExistingTargets('persons', mode === 'existingPerson');
  const organisations = useExistingTargets('organisations', mode === 'existingOrganisation');
  const body = () => {
    const c = category ?? undefined;
    switch (mode) {
      case 'newPerson':
        return { person: { name: name.trim(), category: c }, category: c };
      case 'newOrganisation':
        return { organisation: { name: name.trim(), category: c }, category: c };
      case 'existingPerson':
        return { personId: id, category: c };
      default:
        return { organisationId: id, category: c };
    }
  };
  return (
    <CommandForm
      incident={incident}
      action="targets"
      body={body}
      submit={t('add.submitTarget')}
      ready={existing ? id !== null : name.trim() !== ''}
      onDone={onDone}
      onSent={() => {
        setName('');
        setId(null);
        setCategory(null);
      }}
    >
      <Select
        label={t('case.targetMode')}
        allowDeselect={false}
        data={(
          ['newPerson', 'existingPerson', 'newOrganisation', 'existingOrganisation'] as const
        ).map((value) => ({ value, label: t(`case.targetModes.${value}`) }))}
        value={mode}
        onChange={(value) => {
          setMode((value as TargetMode | null) ?? 'newPerson');
          setId(null);
          setCategory(null);
        }}
      />
      {existing ? (
        <Select
          label={isPerson ? t('case.existingPerson') : t('case.existingOrganisation')}
          placeholder={t('case.typeToSearch')}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={(isPerson ? persons.data : organisations.data) ?? []}
          value={id}
          onChange={setId}
        />
      ) : (
        <TextInput
          label={isPerson ? t('case.personName') : t('case.organisationName')}
          description={isPerson ? t('case.personNameHelp') : undefined}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      )}
      <Select
        label={t('case.targetCategory')}
        searchable
        data={vocab.options(
          'target_category',
          (term) =>
            term.targetKind === undefined ||
            term.targetKind === (isPerson ? 'person' : 'organisation'),
        )}
        value={category}
        onChange={setCategory}
      />
    </CommandForm>
  );
}

function PerpetratorForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const [source, setSource] = useState<string | null>(null);
  const [role, setRole] = useState<string>('main');
  const [unit, setUnit] = useState('');
  return (
    <CommandForm
      incident={incident}
      action="perpetrators"
      body={() => ({ source, role, unit: text(unit) })}
      submit={t('add.submitPerpetrator')}
      ready={source !== null}
      onDone={onDone}
      onSent={() => {
        setSource(null);
        setUnit('');
      }}
    >
      <Select
        label={t('add.perpetratorSource')}
        searchable
        data={vocab.options('perpetrator_source')}
        value={source}
        onChange={setSource}
      />
      <Select
        label={t('case.perpetratorRole')}
        allowDeselect={false}
        data={[
          { value: 'main', label: t('case.roleMain') },
          { value: 'secondary', label: t('case.roleSecondary') },
        ]}
        value={role}
        onChange={(value) => setRole(value ?? 'main')}
      />
      <TextInput
        label={t('case.perpetratorUnit')}
        value={unit}
        onChange={(event) => setUnit(event.currentTarget.value)}
      />
    </CommandForm>
  );
}

function SourceForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [reliability, setReliability] = useState<string | null>(null);
  return (
    <CommandForm
      incident={incident}
      action="sources"
      body={() => ({
        title: title.trim(),
        url: text(url),
        publishedOn: text(publishedOn),
        reliability: reliability ?? undefined,
      })}
      submit={t('add.submitSource')}
      ready={title.trim() !== ''}
      onDone={onDone}
      onSent={() => {
        setTitle('');
        setUrl('');
        setPublishedOn('');
        setReliability(null);
      }}
    >
      <TextInput
        label={t('add.sourceTitle')}
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
      />
      <TextInput
        label={t('case.sourceUrl')}
        type="url"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
      />
      <TextInput
        label={t('case.sourcePublished')}
        placeholder={t('common.dayFormat')}
        value={publishedOn}
        onChange={(event) => setPublishedOn(event.currentTarget.value)}
      />
      <Select
        label={t('case.sourceReliability')}
        data={vocab.options('source_reliability')}
        value={reliability}
        onChange={setReliability}
      />
    </CommandForm>
  );
}

function OutcomeForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const [type, setType] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  return (
    <CommandForm
      incident={incident}
      action="outcomes"
      body={() => ({ type, date: text(date), note: text(note) })}
      submit={t('add.submitOutcome')}
      ready={type !== null}
      onDone={onDone}
      onSent={() => {
        setType(null);
        setDate('');
        setNote('');
      }}
    >
      <Select
        label={t('add.outcomeType')}
        searchable
        data={vocab.options('outcome')}
        value={type}
        onChange={setType}
      />
      <TextInput
        label={t('add.outcomeDate')}
        placeholder={t('common.dayFormat')}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
      />
      <Textarea
        label={t('review.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
    </CommandForm>
  );
}

/** What a monitor adds to a recorded case: a target, a perpetrator, a source, an outcome. */
export function AddToCase({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="target" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="target">{t('add.target')}</Tabs.Tab>
        <Tabs.Tab value="perpetrator">{t('add.perpetrator')}</Tabs.Tab>
        <Tabs.Tab value="source">{t('add.source')}</Tabs.Tab>
        <Tabs.Tab value="outcome">{t('add.outcome')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="target">
        <TargetForm incident={incident} onDone={onDone} />
      </Tabs.Panel>
      <Tabs.Panel value="perpetrator">
        <PerpetratorForm incident={incident} onDone={onDone} />
      </Tabs.Panel>
      <Tabs.Panel value="source">
        <SourceForm incident={incident} onDone={onDone} />
      </Tabs.Panel>
      <Tabs.Panel value="outcome">
        <OutcomeForm incident={incident} onDone={onDone} />
      </Tabs.Panel>
    </Tabs>
  );
}
