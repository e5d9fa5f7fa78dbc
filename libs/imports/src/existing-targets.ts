import { Actor } from '@app/application';
import { DomainError, TargetEntityKind } from '@app/domain';
import { nameMatchesEach } from '@app/application/targets/name-search';
import { TargetStore } from '@app/application/targets/target.commands';
import { readTarget } from '@app/application/targets/target.read';
import {
  ImportPlan,
  ImportProblem,
  normaliseName,
  PlannedIncident,
  PlannedTarget,
} from './plan-import';

/**
 * How a sheet's names meet the persons already recorded: `none`, each name as written is a
 * person of the import (and matches are only reported); `same_name`, a name that is the name
 * or an alias of exactly one recorded person (once transliterated and folded: Dulat Agadil =
 * Дулат Агадил) is that person.
 */
export const PERSON_MATCH_RULES = ['none', 'same_name'] as const;
export type PersonMatchRule = (typeof PERSON_MATCH_RULES)[number];

export interface ExistingPersonCandidate {
  id: string;
  label: string;
  reason: 'same_name' | 'name_parts_match';
}

/** Rows naming a person who may already be recorded: compare, then name them by id or match. */
export interface ExistingPersonReport {
  rows: number[];
  candidates: ExistingPersonCandidate[];
  message: string;
}

/** Rows whose acts go to a recorded person or organisation, and why. */
export interface MatchedTargetReport {
  rows: number[];
  kind: TargetEntityKind;
  id: string;
  by: 'target_id' | 'same_name';
}

export interface ExistingTargets {
  /** The plan's incidents with every recorded target's id set; incidents with a problem left out. */
  incidents: PlannedIncident[];
  problems: ImportProblem[];
  rowsNotImportable: number;
  /** The registered category of each recorded target named, for acts that give none. */
  categories: Map<string, string>;
  possible: ExistingPersonReport[];
  matched: MatchedTargetReport[];
}

/** At most this many candidates per name: a common name would otherwise list hundreds. */
const MAX_CANDIDATES = 20;

/**
 * Checks the records a sheet names by id (in the workspace, not erased) and looks every
 * person's name up in the workspace's name index, in a dry run as in a real one, so the
 * monitor sees before recording which rows may name someone recorded last month. `ownIds`
 * are the ids this import gives its names: a re-upload does not find its own persons.
 */
export async function resolveExistingTargets(
  store: TargetStore,
  plan: ImportPlan,
  actor: Actor,
  rule: PersonMatchRule,
  ownIds: ReadonlySet<string>,
): Promise<ExistingTargets> {
  const problems: ImportProblem[] = [];
  const categories = new Map<string, string>();
  const matched: MatchedTargetReport[] = [];
  const idOf = new Map<string, string>();

  const named = groupTargets(plan.incidents, (t) => (t.id ? `${t.kind} ${t.id}` : undefined));
  // An id no record of this workspace has, in rows that also name the target and its category
  // (a case export of another workspace, imported here): the rows are read by the name.
  const byNameInstead = new Set<PlannedTarget>();
  for (const targets of named.values()) {
    const { kind, id } = targets[0];
    const check = await checkRecorded(store, kind, id!, actor, categories);
    if (check?.missing && targets.every((t) => t.name !== undefined && t.category !== undefined)) {
      for (const t of targets) byNameInstead.add(t);
    } else if (check) for (const t of targets) problems.push(targetProblem(t, check.message));
    else matched.push({ rows: rowsOf(targets), kind, id: id!, by: 'target_id' });
  }
  const incidentsRead = plan.incidents.map((incident) => ({
    ...incident,
    targets: incident.targets.map((t) => (byNameInstead.has(t) ? withoutId(t) : t)),
  }));
  // Recorded without a category, the record leaves the act none to take.
  const failed = new Set(problems.map((p) => p.row));
  for (const t of [...named.values()].flat()) {
    if (byNameInstead.has(t)) continue;
    if (t.category === undefined && !categories.has(t.id!) && !failed.has(t.row)) {
      problems.push({
        row: t.row,
        column: 'target_category',
        value: null,
        message: `is required: the ${t.kind} was registered without a category; give the category in this act`,
      });
    }
  }

  const possible: ExistingPersonReport[] = [];
  const byName = groupTargets(incidentsRead, (t) =>
    t.kind === 'person' && t.id === undefined ? normaliseName(t.name!) : undefined,
  );
  const found = await nameMatchesEach(store.nameIndex, actor.workspaceId, 'person', [
    ...byName.keys(),
  ]);
  for (const [name, targets] of byName) {
    const matches = found
      .get(name)!
      .filter((m) => !ownIds.has(m.subjectId))
      .sort((a, b) => rank(a.reason) - rank(b.reason) || a.subjectId.localeCompare(b.subjectId));
    if (matches.length === 0) continue;
    const same = matches.filter((m) => m.reason === 'same_name');
    if (rule === 'same_name' && same.length === 1) {
      const id = same[0].subjectId;
      const problem = await checkRecorded(store, 'person', id, actor, categories);
      if (problem === undefined) {
        idOf.set(name, id);
        matched.push({ rows: rowsOf(targets), kind: 'person', id, by: 'same_name' });
        continue;
      }
    }
    const candidates = await Promise.all(
      matches.slice(0, MAX_CANDIDATES).map(async (m) => ({
        id: m.subjectId,
        label: (await readTarget(store, 'person', m.subjectId, actor, { open: false })).details
          .label,
        reason: m.reason,
      })),
    );
    if (rule === 'same_name' && same.length > 1) {
      const message = `has the name of ${same.length} persons already recorded (${candidates
        .filter((c) => c.reason === 'same_name')
        .map((c) => c.label)
        .join(', ')}): name one of them in target_id`;
      for (const t of targets) problems.push(targetProblem(t, message));
    }
    possible.push({
      rows: rowsOf(targets),
      candidates,
      message:
        rule === 'same_name'
          ? "may be a person already recorded (the name is not the same as theirs, or is theirs and several others'): compare, and name the person in target_id if it is them"
          : 'may be a person already recorded: compare, then name the person in target_id, or import with matchPersons=same_name, to record these acts against them',
    });
  }

  const broken = new Set(problems.map((p) => p.row));
  const incidents: PlannedIncident[] = [];
  let rowsNotImportable = 0;
  for (const incident of incidentsRead) {
    if (incident.rows.some((r) => broken.has(r))) {
      rowsNotImportable += incident.rows.length;
      continue;
    }
    const targets = incident.targets.map((t) => {
      const id =
        t.id === undefined && t.kind === 'person' ? idOf.get(normaliseName(t.name!)) : undefined;
      return id === undefined ? t : { ...t, id };
    });
    incidents.push({ ...incident, targets });
  }
  return { incidents, problems, rowsNotImportable, categories, possible, matched };
}

const rank = (reason: ExistingPersonCandidate['reason']) => (reason === 'same_name' ? 0 : 1);

function withoutId(t: PlannedTarget): PlannedTarget {
  const { id: _id, ...rest } = t;
  return rest;
}

function groupTargets(
  incidents: readonly PlannedIncident[],
  keyOf: (t: PlannedTarget) => string | undefined,
): Map<string, PlannedTarget[]> {
  const groups = new Map<string, PlannedTarget[]>();
  for (const t of incidents.flatMap((i) => i.targets)) {
    const key = keyOf(t);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return groups;
}

function rowsOf(targets: readonly PlannedTarget[]): number[] {
  return [...new Set(targets.map((t) => t.row))].sort((a, b) => a - b);
}

/**
 * Why a recorded person or organisation cannot take this import's acts (not in the
 * workspace, erased, merged into another, no category to default to), or undefined; notes its
 * category.
 */
async function checkRecorded(
  store: TargetStore,
  kind: TargetEntityKind,
  id: string,
  actor: Actor,
  categories: Map<string, string>,
): Promise<{ message: string; missing: boolean } | undefined> {
  try {
    const target = await readTarget(store, kind, id, actor, { open: false });
    if (target.erased) {
      return {
        message: `names a ${kind} who was erased: an erased ${kind} is not targeted again`,
        missing: false,
      };
    }
    if (target.mergedInto !== undefined) {
      return {
        message: `names a ${kind} merged into ${target.mergedInto}: name that ${kind} instead`,
        missing: false,
      };
    }
    if (target.details.category !== undefined) categories.set(id, target.details.category);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') {
      return { message: `no ${kind} of this workspace has this id`, missing: true };
    }
    throw error;
  }
}

function targetProblem(t: PlannedTarget, message: string): ImportProblem {
  return {
    row: t.row,
    column: t.id !== undefined ? 'target_id' : 'target_name',
    value: t.id ?? null,
    message,
  };
}
