import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Vocabulary = components['schemas']['VocabularyDto'];
export type Term = components['schemas']['TermDto'];
export type VocabularyName = string;

export interface Vocabularies {
  ready: boolean;
  /** The term's label in the current language; the code itself if unknown. */
  label(vocabulary: VocabularyName, code: string | null | undefined): string;
  /** Current (not deprecated) terms as pick-list options, in display order. */
  options(
    vocabulary: VocabularyName,
    filter?: (term: Term) => boolean,
  ): { value: string; label: string }[];
  terms(vocabulary: VocabularyName): Term[];
  /** A recorded reason code (a correction's or a retraction's) in words. */
  reasonLabel(code: string): string;
}

/** Every vocabulary, labelled in the interface language (GET /vocabularies?lang=). */
export function useVocabularies(): Vocabularies {
  const { i18n } = useTranslation();
  const lang = i18n.language as 'en' | 'ru' | 'kk' | 'ky' | 'tg';
  const query = useQuery({
    queryKey: ['vocabularies', lang],
    queryFn: async () => unwrap(await api.GET('/vocabularies', { params: { query: { lang } } })),
    staleTime: Infinity,
  });
  const byName = new Map((query.data ?? []).map((v) => [v.name, v]));
  const terms = (name: VocabularyName) => byName.get(name)?.terms ?? [];
  return {
    ready: query.isSuccess,
    terms,
    label(name, code) {
      if (code === null || code === undefined) return '—';
      return terms(name).find((t) => t.code === code)?.label ?? code;
    },
    reasonLabel(code) {
      const term = [...terms('correction_reason'), ...terms('retraction_reason')].find(
        (t) => t.code === code,
      );
      return term?.label ?? code;
    },
    options(name, filter = () => true) {
      return terms(name)
        .filter((t) => t.deprecated === undefined && filter(t))
        .map((t) => ({ value: t.code, label: t.label }));
    },
  };
}
