import { ActionIcon, Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useVocabularies } from '../../vocab/vocabularies';
import { type CaseFormValues, EMPTY_TARGET, type TargetEntry } from './case-form';
import { pickableTargets } from './pickable-targets';

/**
 * Persons or organisations already recorded, by their pseudonymous label (type-ahead), without
 * merged duplicates.
 */
export function useExistingTargets(kind: 'persons' | 'organisations', enabled: boolean) {
  return useQuery({
    queryKey: ['targets', kind],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const page =
        kind === 'persons'
          ? unwrap(await api.GET('/persons', { params: { query: { limit: 200 } } }))
          : unwrap(await api.GET('/organisations', { params: { query: { limit: 200 } } }));
      return pickableTargets(page.items);
    },
  });
}

function TargetRow({
  form,
  index,
  target,
}: {
  form: UseFormReturnType<CaseFormValues>;
  index: number;
  target: TargetEntry;
}) {
  const { t } = useTranslation();
  const vocab = useVocabularies();
  const isPerson = target.mode === 'newPerson' || target.mode === 'existingPerson';
  const existing = target.mode.startsWith('existing');
  const persons = useExistingTargets('persons', target.mode === 'existingPerson');
  const organisations = useExistingTargets('organisations', target.mode === 'existingOrganisation');
  const path = `targets.${index}`;
  const number = index + 1;
  return (
    <Fieldset legend={t('case.targetN', { n: number })}>
      <Stack gap="xs">
        <Select
          label={t('case.targetMode')}
          data={(
            ['newPerson', 'existingPerson', 'newOrganisation', 'existingOrganisation'] as const
          ).map((value) => ({ value, label: t(`case.targetModes.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps(`${path}.mode`)}
        />
        {existing ? (
          <Select
            label={isPerson ? t('case.existingPerson') : t('case.existingOrganisation')}
            placeholder={t('case.typeToSearch')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={(isPerson ? persons.data : organisations.data) ?? []}
            {...form.getInputProps(`${path}.id`)}
          />
        ) : (
          <TextInput
            label={isPerson ? t('case.personName') : t('case.organisationName')}
            description={isPerson ? t('case.personNameHelp') : undefined}
            autoComplete="off"
            {...form.getInputProps(`${path}.name`)}
          />
        )}
        <Group align="flex-end" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            label={t('case.targetCategory')}
            searchable
            data={vocab.options(
              'target_category',
              (term) =>
                term.targetKind === undefined ||
                term.targetKind === (isPerson ? 'person' : 'organisation'),
            )}
            {...form.getInputProps(`${path}.category`)}
          />
          <ActionIcon
            variant="light"
            color="red"
            size="lg"
            aria-label={t('case.removeTargetN', { n: number })}
            onClick={() => form.removeListItem('targets', index)}
          >
            ×
          </ActionIcon>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function TargetsInput({ form }: { form: UseFormReturnType<CaseFormValues> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {form.values.targets.map((target, index) => (
        <TargetRow key={index} form={form} index={index} target={target} />
      ))}
      <Button variant="light" onClick={() => form.insertListItem('targets', { ...EMPTY_TARGET })}>
        {t('case.addTarget')}
      </Button>
    </Stack>
  );
}
