import { defineVocabulary } from './vocabulary';

/** ESF counting units we use: an individual, or a group/organisation. */
export const TARGET_KINDS = ['person', 'organisation'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_VOCABULARY = defineVocabulary('target_kind', '2026.1', TARGET_KINDS, {
  person: {
    labels: { en: 'Person', ru: 'Человек', kk: 'Жеке тұлға', ky: 'Жеке адам', tg: 'Шахси воқеӣ' },
    aliases: ['individual', 'физическое лицо'],
  },
  organisation: {
    labels: { en: 'Organisation', ru: 'Организация', kk: 'Ұйым', ky: 'Уюм', tg: 'Ташкилот' },
    aliases: ['organization', 'group', 'юридическое лицо'],
  },
});
