/** Stream names: the category is the prefix before the first `-` (docs/domain.md, "Entities"). */
export const incidentStream = (id: string) => `incident-${id}`;
export const personStream = (id: string) => `person-${id}`;
export const organisationStream = (id: string) => `organisation-${id}`;

export const targetStream = (kind: 'person' | 'organisation', id: string) =>
  kind === 'person' ? personStream(id) : organisationStream(id);
