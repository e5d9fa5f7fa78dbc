import { Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatPartialDate } from '../../format/format';
import { monthOptions } from '../../format/partial-date';
import { type CaseFormValues, occurredOf } from './case-form';

/** A partial date: as precise as what is known, and shown back as it will be recorded. */
export function OccurredInput({ form }: { form: UseFormReturnType<CaseFormValues> }) {
  const { t, i18n } = useTranslation();
  const v = form.values;
  const months = monthOptions(i18n.language);
  const complete =
    /^\d{4}$/.test(v.year.trim()) &&
    (v.precision === 'year' || v.month !== '') &&
    (v.precision !== 'day' || /^\d{1,2}$/.test(v.day.trim())) &&
    (v.precision !== 'range' || (/^\d{4}$/.test(v.untilYear.trim()) && v.untilMonth !== ''));
  return (
    <Stack gap="xs">
      <Text component="label" id="precision-label" size="sm" fw={500}>
        {t('case.precision')}
      </Text>
      <SegmentedControl
        aria-labelledby="precision-label"
        data={(['day', 'month', 'year', 'range'] as const).map((value) => ({
          value,
          label: t(`case.precisions.${value}`),
        }))}
        value={v.precision}
        onChange={(value) => form.setFieldValue('precision', value as CaseFormValues['precision'])}
      />
      <Group grow align="flex-start">
        {v.precision === 'day' && (
          <TextInput
            label={t('case.day')}
            inputMode="numeric"
            maxLength={2}
            {...form.getInputProps('day')}
          />
        )}
        {v.precision !== 'year' && (
          <Select
            label={v.precision === 'range' ? t('case.fromMonth') : t('case.month')}
            data={months}
            searchable
            required
            {...form.getInputProps('month')}
          />
        )}
        <TextInput
          label={t('case.year')}
          inputMode="numeric"
          maxLength={4}
          required
          {...form.getInputProps('year')}
        />
      </Group>
      {v.precision === 'range' && (
        <Group grow align="flex-start">
          <Select
            label={t('case.untilMonth')}
            data={months}
            searchable
            {...form.getInputProps('untilMonth')}
          />
          <TextInput
            label={t('case.untilYear')}
            inputMode="numeric"
            maxLength={4}
            {...form.getInputProps('untilYear')}
          />
        </Group>
      )}
      <Checkbox
        label={t('case.approximate')}
        {...form.getInputProps('approximate', { type: 'checkbox' })}
      />
      {complete && (
        <Text size="sm" data-testid="occurred-preview" aria-live="polite">
          {t('case.occurredPreview')}: <b>{formatPartialDate(occurredOf(v), i18n.language)}</b>
        </Text>
      )}
    </Stack>
  );
}
