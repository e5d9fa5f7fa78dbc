/** A person or organisation as GET /persons and GET /organisations list it. */
export interface ListedTarget {
  id: string;
  label: string;
  mergedInto?: string | null;
}

/**
 * The choices of the "already recorded" picker: a person merged into another is left out,
 * since the API refuses a new act against them (409 person_merged) and the person kept is in
 * the list under their own label.
 */
export function pickableTargets(
  items: readonly ListedTarget[],
): { value: string; label: string }[] {
  return items
    .filter((item) => item.mergedInto == null)
    .map((item) => ({ value: item.id, label: item.label }));
}
