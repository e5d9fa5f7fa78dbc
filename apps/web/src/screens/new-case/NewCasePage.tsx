import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  Loader,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, authHeaders } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { useVocabularies } from '../../vocab/vocabularies';
import { type CaseFormValues, emptyCase, reportOf } from './case-form';
import { deleteDraft, type Draft, listDrafts, newDraft, saveDraft } from './drafts';
import { OccurredInput } from './OccurredInput';
import { TargetsInput } from './TargetsInput';

type Outcome =
  { kind: 'recorded'; id: string } | { kind: 'offline' } | { kind: 'refused'; messages: string[] };

/** Sends the draft with its own Idempotency-Key: a second send answers the first incident. */
async function submitDraft(draft: Draft): Promise<{ id: string }> {
  const response = await fetch('/incidents', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...authHeaders('POST'),
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Idempotency-Key': draft.idempotencyKey,
    },
    body: JSON.stringify(reportOf(draft.values)),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError({ ...body, status: response.status });
  return body as { id: string };
}

function validate(t: (key: string) => string) {
  const required = (value: string) => (value.trim() === '' ? t('case.required') : null);
  return {
    title: required,
    country: required,
    type: required,
    year: (value: string) => (/^\d{4}$/.test(value.trim()) ? null : t('case.yearFormat')),
    month: (value: string, values: CaseFormValues) =>
      values.precision !== 'year' && value === '' ? t('case.required') : null,
    day: (value: string, values: CaseFormValues) =>
      values.precision === 'day' && !/^\d{1,2}$/.test(value.trim()) ? t('case.dayFormat') : null,
    untilYear: (value: string, values: CaseFormValues) =>
      values.precision === 'range' && !/^\d{4}$/.test(value.trim()) ? t('case.yearFormat') : null,
    untilMonth: (value: string, values: CaseFormValues) =>
      values.precision === 'range' && value === '' ? t('case.required') : null,
  };
}

export default function NewCasePage() {
  const { t, i18n } = useTranslation();
  const vocab = useVocabularies();
  const [draft, setDraft] = useState<Draft>();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [sending, setSending] = useState(false);
  const form = useForm<CaseFormValues>({ initialValues: emptyCase(), validate: validate(t) });
  const draftRef = useRef<Draft>(undefined);
  draftRef.current = draft;

  // Open the newest draft, or start one: whatever is typed is in IndexedDB from the first key.
  useEffect(() => {
    void listDrafts().then((stored) => {
      const current = stored[0] ?? newDraft(emptyCase());
      setDrafts(stored);
      setDraft(current);
      form.setValues(current.values);
      form.resetDirty(current.values);
    });
  }, []);

  // Autosave: every change goes to the draft, online or not.
  useEffect(() => {
    const current = draftRef.current;
    if (current === undefined) return;
    const timer = setTimeout(() => {
      const updated = { ...current, values: form.values };
      draftRef.current = updated;
      void saveDraft(updated).then(() => listDrafts().then(setDrafts));
    }, 250);
    return () => clearTimeout(timer);
  }, [form.values]);

  const open = (next: Draft) => {
    setOutcome(undefined);
    setDraft(next);
    form.setValues(next.values);
  };

  const send = async () => {
    const current = { ...draftRef.current!, values: form.values };
    await saveDraft(current);
    setSending(true);
    try {
      const recorded = await submitDraft(current);
      await deleteDraft(current.id);
      setOutcome({ kind: 'recorded', id: recorded.id });
      const fresh = newDraft(emptyCase());
      setDraft(fresh);
      form.setValues(fresh.values);
      form.resetDirty(fresh.values);
      setDrafts(await listDrafts());
    } catch (error) {
      if (error instanceof ApiError) {
        const messages = error.problem.errors?.map((e) =>
          [e.field, e.message, e.allowed ? `(${e.allowed.slice(0, 8).join(', ')}…)` : ''].join(' '),
        ) ?? [error.message];
        await saveDraft({ ...current, lastError: messages.join('; ') });
        setOutcome({ kind: 'refused', messages });
      } else {
        // No answer (offline, connection lost): the draft and its key stay for the next try.
        setOutcome({ kind: 'offline' });
      }
    } finally {
      setSending(false);
    }
  };

  const others = drafts.filter((d) => d.id !== draft?.id);
  // Nothing to type into before the draft is open: typing first would be overwritten by it.
  if (draft === undefined) return <Loader aria-label={t('common.loading')} />;

  return (
    <Stack maw={860}>
      <Title order={2}>{t('case.newTitle')}</Title>
      {outcome?.kind === 'recorded' && (
        <Alert color="green" role="status" data-testid="recorded">
          {t('case.recorded')}{' '}
          <Anchor component={Link} to={`/cases/${outcome.id}`}>
            {t('case.openRecorded')}
          </Anchor>
        </Alert>
      )}
      {outcome?.kind === 'offline' && (
        <Alert color="yellow" role="status" data-testid="offline">
          {t('case.offline')}
        </Alert>
      )}
      {outcome?.kind === 'refused' && (
        <Alert color="red" role="alert" title={t('case.refused')}>
          {outcome.messages.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </Alert>
      )}
      {others.length > 0 && (
        <Fieldset legend={t('case.otherDrafts')}>
          <Stack gap={4}>
            {others.map((d) => (
              <Group key={d.id} justify="space-between">
                <Text size="sm">
                  {d.values.title || t('case.untitled')} ·{' '}
                  {formatDateTime(d.updatedAt, i18n.language)}
                </Text>
                <Button size="xs" variant="light" onClick={() => open(d)}>
                  {t('case.continueDraft')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Fieldset>
      )}
      <Text size="sm" c="dimmed" data-testid="draft-status">
        {t('case.draftSaved')}
      </Text>
      <form noValidate onSubmit={form.onSubmit(() => void send())}>
        <Stack>
          <Fieldset legend={t('case.incident')}>
            <Stack gap="xs">
              <TextInput label={t('case.title')} required {...form.getInputProps('title')} />
              <Textarea
                label={t('case.description')}
                autosize
                minRows={2}
                {...form.getInputProps('description')}
              />
              <Select
                label={t('case.type')}
                required
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                data={vocab.options('incident_type')}
                {...form.getInputProps('type')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('case.country')}
                  required
                  searchable
                  data={vocab.options('country')}
                  {...form.getInputProps('country')}
                />
                <Select
                  label={t('case.region')}
                  searchable
                  clearable
                  data={vocab.options('region', (term) =>
                    term.code.startsWith(`${form.values.country}-`),
                  )}
                  {...form.getInputProps('region')}
                />
              </SimpleGrid>
              <TextInput label={t('case.place')} {...form.getInputProps('place')} />
              <OccurredInput form={form} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('case.targets')}>
            <TargetsInput form={form} />
          </Fieldset>

          <Fieldset legend={t('case.perpetrators')}>
            <Stack gap="xs">
              {form.values.perpetrators.map((_, index) => (
                <SimpleGrid key={index} cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={t('case.perpetratorSource', { n: index + 1 })}
                    searchable
                    data={vocab.options('perpetrator_source')}
                    {...form.getInputProps(`perpetrators.${index}.source`)}
                  />
                  <Select
                    label={t('case.perpetratorRole')}
                    allowDeselect={false}
                    data={[
                      { value: 'main', label: t('case.roleMain') },
                      { value: 'secondary', label: t('case.roleSecondary') },
                    ]}
                    {...form.getInputProps(`perpetrators.${index}.role`)}
                  />
                  <TextInput
                    label={t('case.perpetratorUnit')}
                    {...form.getInputProps(`perpetrators.${index}.unit`)}
                  />
                </SimpleGrid>
              ))}
              <Button
                variant="light"
                onClick={() =>
                  form.insertListItem('perpetrators', { source: '', role: 'main', unit: '' })
                }
              >
                {t('case.addPerpetrator')}
              </Button>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('case.sources')}>
            <Stack gap="xs">
              {form.values.sources.map((_, index) => (
                <SimpleGrid key={index} cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('case.sourceTitle', { n: index + 1 })}
                    {...form.getInputProps(`sources.${index}.title`)}
                  />
                  <TextInput
                    label={t('case.sourceUrl')}
                    type="url"
                    {...form.getInputProps(`sources.${index}.url`)}
                  />
                  <TextInput
                    label={t('case.sourcePublished')}
                    placeholder={t('common.dayFormat')}
                    {...form.getInputProps(`sources.${index}.publishedOn`)}
                  />
                  <Select
                    label={t('case.sourceReliability')}
                    clearable
                    data={vocab.options('source_reliability')}
                    {...form.getInputProps(`sources.${index}.reliability`)}
                  />
                </SimpleGrid>
              ))}
              <Button
                variant="light"
                onClick={() =>
                  form.insertListItem('sources', {
                    title: '',
                    url: '',
                    publishedOn: '',
                    reliability: '',
                  })
                }
              >
                {t('case.addSource')}
              </Button>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('case.legal')}>
            <Stack gap="xs">
              <MultiSelect
                label={t('case.rights')}
                searchable
                data={vocab.options('right')}
                {...form.getInputProps('rights')}
              />
              {form.values.legalBasis.map((_, index) => (
                <SimpleGrid key={index} cols={2}>
                  <TextInput
                    label={t('case.instrument', { n: index + 1 })}
                    {...form.getInputProps(`legalBasis.${index}.instrument`)}
                  />
                  <TextInput
                    label={t('case.article')}
                    {...form.getInputProps(`legalBasis.${index}.article`)}
                  />
                </SimpleGrid>
              ))}
              <Button
                variant="light"
                onClick={() => form.insertListItem('legalBasis', { instrument: '', article: '' })}
              >
                {t('case.addLegalBasis')}
              </Button>
              <TagsInput
                label={t('case.tags')}
                description={t('case.tagsHelp')}
                {...form.getInputProps('tags')}
              />
            </Stack>
          </Fieldset>

          <Group>
            <Button type="submit" loading={sending} data-testid="submit-case">
              {t('case.submit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              onClick={async () => {
                if (draft) await deleteDraft(draft.id);
                open(newDraft(emptyCase()));
                setDrafts(await listDrafts());
              }}
            >
              {t('case.discard')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
