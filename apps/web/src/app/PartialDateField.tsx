import { Group, Select, Text, TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DatePart,
  type DateParts,
  monthOptions,
  partialDateOf,
  partOrder,
  partsOf,
} from '../format/partial-date';

interface Props {
  label: string;
  description?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; '' for none. */
  value: string;
  /** Called with the date once the parts make one, or null when every part is emptied. */
  onChange(value: string | null): void;
  /** The least precise date the field accepts (a year alone, or at least a month). */
  coarsest: DatePart;
  /** The most precise part it offers (a day, or only a month). */
  finest: DatePart;
  disabled?: boolean;
}

/**
 * A date only as precise as it is known, in the language on screen: the month by its name,
 * the parts in the language's order, day and month optional down to `coarsest`. Unlike the
 * browser's date input, it never shows mm/dd/yyyy on a Russian screen nor asks for a day
 * nobody knows; the value is what the API takes (YYYY, YYYY-MM, YYYY-MM-DD).
 */
export function PartialDateField(props: Props) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const [parts, setParts] = useState<DateParts>(() => partsOf(props.value));
  // A value set from outside (the address, a reset) replaces what is typed.
  useEffect(() => {
    if (partialDateOf(parts, props.coarsest, props.finest) !== props.value)
      setParts(partsOf(props.value));
  }, [props.value]);

  const change = (part: keyof DateParts, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    const value = partialDateOf(next, props.coarsest, props.finest);
    if (value !== undefined && value !== props.value) props.onChange(value === '' ? null : value);
  };
  const incomplete = partialDateOf(parts, props.coarsest, props.finest) === undefined;

  // Day and year are typed as digits; a year that makes no date with the rest is marked.
  const digits = (part: 'day' | 'year', width: number) => (
    <TextInput
      key={part}
      label={t(`case.${part}`)}
      inputMode="numeric"
      maxLength={part === 'day' ? 2 : 4}
      w={width}
      disabled={props.disabled}
      value={parts[part]}
      error={part === 'year' && incomplete && parts.year.length === 4 ? true : undefined}
      onChange={(e) => change(part, e.currentTarget.value)}
    />
  );
  const fields: Record<DatePart, ReactNode> = {
    day: digits('day', 56),
    month: (
      <Select
        key="month"
        label={t('case.month')}
        data={monthOptions(i18n.language)}
        searchable
        clearable={props.coarsest === 'year'}
        flex={1}
        miw={0}
        disabled={props.disabled}
        value={parts.month || null}
        onChange={(v) => change('month', v ?? '')}
      />
    ),
    year: digits('year', 72),
  };
  const order = partOrder(i18n.language).filter((part) => props.finest === 'day' || part !== 'day');
  return (
    <div role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" fw={500}>
        {props.label}
      </Text>
      {props.description && (
        <Text size="xs" c="dimmed">
          {props.description}
        </Text>
      )}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {order.map((part) => fields[part])}
      </Group>
    </div>
  );
}

/** A month filter (GET /incidents and /stats take from/to as YYYY-MM): month name and year. */
export function MonthField(props: Pick<Props, 'label' | 'value' | 'onChange'>) {
  return <PartialDateField {...props} coarsest="month" finest="month" />;
}
