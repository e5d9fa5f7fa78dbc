import { specFor } from '../decider.spec-helper';
import { TargetCommand, TargetEvent, targetDecider } from './target.decider';

const today = '2021-07-14';
const given = specFor(targetDecider);

const maxBokayev: TargetEvent = {
  type: 'PersonRegistered',
  data: {
    id: 'person-1',
    name: 'Max Bokayev',
    label: 'P-000001',
    category: 'civil_activist',
    aliases: [],
  },
};
const kibhr: TargetEvent = {
  type: 'OrganisationRegistered',
  data: {
    id: 'org-1',
    name: 'Kazakhstan International Bureau for Human Rights',
    label: 'KIBHR',
    category: 'ngo',
    aliases: [],
  },
};

describe('Person and organisation decider', () => {
  describe('Register', () => {
    it('registers a person with a pseudonymous label', () => {
      given([])
        .when({
          type: 'Register',
          kind: 'person',
          id: 'person-1',
          details: { name: ' Max Bokayev ', label: 'P-000001', category: 'civil_activist' },
          today,
        })
        .then([maxBokayev]);
    });

    it('registers an organisation', () => {
      given([])
        .when({
          type: 'Register',
          kind: 'organisation',
          id: 'org-1',
          details: {
            name: 'Kazakhstan International Bureau for Human Rights',
            label: 'KIBHR',
            category: 'ngo',
          },
          today,
        })
        .then([kibhr]);
    });

    it('refuses a second registration, an empty name, an unknown category and a future birth year', () => {
      given([maxBokayev])
        .when({
          type: 'Register',
          kind: 'person',
          id: 'person-1',
          details: { name: 'X', label: 'L' },
          today,
        })
        .thenFails('conflict', 'person_exists');
      given([])
        .when({
          type: 'Register',
          kind: 'person',
          id: 'p',
          details: { name: '', label: 'L', category: 'activist', birthYear: 2030 },
          today,
        })
        .thenFails('invalid', 'invalid_input', ['name', 'category', 'birthYear']);
    });

    it('refuses a category of the other kind of target', () => {
      given([])
        .when({
          type: 'Register',
          kind: 'person',
          id: 'p',
          details: { name: 'N', label: 'L', category: 'ngo' },
          today,
        })
        .thenFails('invalid', 'invalid_input', ['category']);
      given([])
        .when({
          type: 'Register',
          kind: 'organisation',
          id: 'o',
          details: { name: 'N', label: 'N', category: 'lawyer' },
          today,
        })
        .thenFails('invalid', 'invalid_input', ['category']);
    });

    it('refuses person-only details on an organisation', () => {
      given([])
        .when({
          type: 'Register',
          kind: 'organisation',
          id: 'o',
          details: { name: 'N', label: 'N', gender: 'f' },
          today,
        })
        .thenFails('invalid', 'invalid_input', ['gender']);
    });
  });

  describe('Amend', () => {
    it('records the old and new value with the reason', () => {
      given([maxBokayev])
        .when({
          type: 'Amend',
          field: 'category',
          value: 'political_activist',
          reason: 'reclassified',
          today,
        })
        .then([
          {
            type: 'PersonAmended',
            data: {
              field: 'category',
              from: 'civil_activist',
              to: 'political_activist',
              reason: 'reclassified',
            },
          },
        ]);
    });

    it('refuses an absent target, an unknown reason, a bad value and no change', () => {
      given([])
        .when({ type: 'Amend', field: 'name', value: 'X', reason: 'typo', today })
        .thenFails('not_found', 'target_not_found');
      given([maxBokayev])
        .when({ type: 'Amend', field: 'name', value: 'X', reason: 'whim', today })
        .thenFails('invalid', 'invalid_input', ['reason']);
      given([maxBokayev])
        .when({ type: 'Amend', field: 'category', value: 'hero', reason: 'typo', today })
        .thenFails('invalid', 'invalid_input', ['value']);
      given([maxBokayev])
        .when({ type: 'Amend', field: 'name', value: 'Max Bokayev', reason: 'typo', today })
        .thenFails('invalid', 'invalid_input', ['value']);
    });
  });

  describe('LinkAlias', () => {
    it('links a transliteration once', () => {
      const yelshibayev: TargetEvent = {
        type: 'PersonRegistered',
        data: { id: 'p-2', name: 'Yerzhan Yelshibayev', label: 'P-2', aliases: [] },
      };
      given([yelshibayev])
        .when({ type: 'LinkAlias', alias: 'Erzhan Elshibayev' })
        .then([{ type: 'PersonAliasLinked', data: { alias: 'Erzhan Elshibayev' } }]);
      given([yelshibayev, { type: 'PersonAliasLinked', data: { alias: 'Erzhan Elshibayev' } }])
        .when({ type: 'LinkAlias', alias: 'Erzhan Elshibayev' })
        .thenFails('conflict', 'alias_exists');
      given([yelshibayev])
        .when({ type: 'LinkAlias', alias: 'Yerzhan Yelshibayev' })
        .thenFails('conflict', 'alias_exists');
      given([kibhr])
        .when({ type: 'LinkAlias', alias: ' ' })
        .thenFails('invalid', 'invalid_input', ['alias']);
    });
  });

  describe('Erase', () => {
    const erased: TargetEvent = { type: 'PersonErased', data: { reason: 'subject request' } };

    it('records the erasure of a person once, and refuses any change after it', () => {
      given([maxBokayev]).when({ type: 'Erase', reason: ' subject request ' }).then([erased]);
      given([maxBokayev, erased])
        .when({ type: 'Erase', reason: 'again' })
        .thenFails('conflict', 'person_erased');
      given([maxBokayev, erased])
        .when({ type: 'Amend', field: 'category', value: 'journalist', reason: 'typo', today })
        .thenFails('conflict', 'person_erased');
      given([maxBokayev, erased])
        .when({ type: 'LinkAlias', alias: 'Maks Bokaev' })
        .thenFails('conflict', 'person_erased');
    });

    it('needs a reason, and never erases an organisation', () => {
      given([maxBokayev])
        .when({ type: 'Erase', reason: ' ' })
        .thenFails('invalid', 'invalid_input', ['reason']);
      given([kibhr]).when({ type: 'Erase', reason: 'asked' }).thenFails('invalid', 'not_a_person');
    });
  });

  describe('Merge and Unmerge', () => {
    const kept = { status: 'registered' as const };
    const merge = (
      over: Partial<Extract<TargetCommand, { type: 'Merge' }>> = {},
    ): TargetCommand => ({
      type: 'Merge',
      into: 'person-2',
      reason: ' same human, spelt Агадил in the API ',
      kept,
      mergedIntoThis: [],
      ...over,
    });
    const merged: TargetEvent = {
      type: 'PersonMerged',
      data: { into: 'person-2', reason: 'same human, spelt Агадил in the API' },
    };
    const undone: TargetEvent = {
      type: 'PersonMergeUndone',
      data: { into: 'person-2', reason: 'different birth years' },
    };

    it('merges a person into another with the reason, and undoes it', () => {
      given([maxBokayev]).when(merge()).then([merged]);
      given([maxBokayev, merged])
        .when({ type: 'Unmerge', reason: 'different birth years' })
        .then([undone]);
      // Undone, it may be merged again.
      given([maxBokayev, merged, undone]).when(merge()).then([merged]);
    });

    it('refuses a merge into itself, without a reason, and of an organisation', () => {
      given([maxBokayev])
        .when(merge({ into: 'person-1', reason: ' ' }))
        .thenFails('invalid', 'invalid_input', ['reason', 'into']);
      given([kibhr]).when(merge()).thenFails('invalid', 'not_a_person');
      given([]).when(merge()).thenFails('not_found', 'target_not_found');
    });

    it('refuses a person already merged, and an undo of what is not merged', () => {
      given([maxBokayev, merged]).when(merge()).thenFails('conflict', 'person_merged');
      given([maxBokayev])
        .when({ type: 'Unmerge', reason: 'x' })
        .thenFails('conflict', 'person_not_merged');
      given([maxBokayev, merged, undone])
        .when({ type: 'Unmerge', reason: 'x' })
        .thenFails('conflict', 'person_not_merged');
    });

    it('refuses a target that is absent, erased, or merged itself (no chains)', () => {
      given([maxBokayev])
        .when(merge({ kept: { status: 'absent' } }))
        .thenFails('not_found', 'person_not_found');
      given([maxBokayev])
        .when(merge({ kept: { status: 'erased' } }))
        .thenFails('conflict', 'person_erased');
      const chained = given([maxBokayev])
        .when(merge({ kept: { status: 'registered', mergedInto: 'person-3' } }))
        .thenFails('conflict', 'merge_target_merged');
      expect(chained.message).toContain('merge into person-3 instead');
      given([maxBokayev])
        .when(merge({ kept: { status: 'registered', mergedInto: 'person-1' } }))
        .thenFails('conflict', 'person_merged');
      const kept = given([maxBokayev])
        .when(merge({ mergedIntoThis: ['person-4'] }))
        .thenFails('conflict', 'person_has_merged_duplicates');
      expect(kept.message).toContain('person-4');
    });

    it('merges an erased duplicate (no personal field changes), and refuses to erase a person live duplicates are merged into', () => {
      const erased: TargetEvent = { type: 'PersonErased', data: { reason: 'asked' } };
      given([maxBokayev, erased]).when(merge()).then([merged]);
      given([maxBokayev])
        .when({ type: 'Erase', reason: 'asked', liveDuplicates: ['person-5'] })
        .thenFails('conflict', 'person_has_merged_duplicates');
      given([maxBokayev, merged])
        .when({ type: 'Erase', reason: 'asked', liveDuplicates: [] })
        .then([erased]);
    });
  });
});
