import type { JiraFieldPayload } from './jira-payload.schemas';

/**
 * Which custom fields hold story points, sprint, epic link and acceptance criteria: found in
 * `/rest/api/2/field` by schema type, then by name; configuration overrides win.
 */
export interface JiraFieldMap {
  storyPoints: string | null;
  sprint: string | null;
  epicLink: string | null;
  acceptanceCriteria: string | null;
}

export type JiraFieldKey = keyof JiraFieldMap;

/** The field ids plus the names the changelog uses for them (Data Center has no fieldId there). */
export interface JiraFieldCatalog {
  ids: JiraFieldMap;
  names: Record<JiraFieldKey, string | null>;
}

const schemaTypes: Record<JiraFieldKey, string[]> = {
  storyPoints: ['com.pyxis.greenhopper.jira:jsw-story-points'],
  sprint: ['com.pyxis.greenhopper.jira:gh-sprint'],
  epicLink: ['com.pyxis.greenhopper.jira:gh-epic-link'],
  acceptanceCriteria: [],
};

/** Names in order of preference (compared case-insensitively). */
const names: Record<JiraFieldKey, string[]> = {
  storyPoints: ['story points', 'story point estimate', 'story point', 'estimate (story points)'],
  sprint: ['sprint'],
  epicLink: ['epic link'],
  acceptanceCriteria: ['acceptance criteria', 'acceptance criterion', 'ac', 'definition of done'],
};

export function discoverFields(
  fields: readonly JiraFieldPayload[],
  overrides: Partial<JiraFieldMap> = {},
): JiraFieldCatalog {
  const custom = fields.filter(
    (field) => field.custom !== false && field.id.startsWith('customfield_'),
  );
  const find = (key: JiraFieldKey): JiraFieldPayload | undefined => {
    const override = overrides[key];
    if (override !== undefined && override !== null)
      return fields.find((field) => field.id === override) ?? { id: override, name: override };
    const bySchema = custom.find(
      (field) =>
        field.schema?.custom !== undefined && schemaTypes[key].includes(field.schema.custom),
    );
    if (bySchema !== undefined) return bySchema;
    for (const name of names[key]) {
      const byName = custom.filter((field) => field.name.trim().toLowerCase() === name);
      // Story points must be numeric; several same-named fields: prefer the numeric one.
      const usable =
        key === 'storyPoints' ? byName.filter((field) => field.schema?.type === 'number') : byName;
      if (usable[0] !== undefined) return usable[0];
    }
    return undefined;
  };
  const keys: JiraFieldKey[] = ['storyPoints', 'sprint', 'epicLink', 'acceptanceCriteria'];
  const found = Object.fromEntries(keys.map((key) => [key, find(key)])) as Record<
    JiraFieldKey,
    JiraFieldPayload | undefined
  >;
  return {
    ids: {
      storyPoints: found.storyPoints?.id ?? null,
      sprint: found.sprint?.id ?? null,
      epicLink: found.epicLink?.id ?? null,
      acceptanceCriteria: found.acceptanceCriteria?.id ?? null,
    },
    names: {
      storyPoints: found.storyPoints?.name ?? null,
      sprint: found.sprint?.name ?? null,
      epicLink: found.epicLink?.name ?? null,
      acceptanceCriteria: found.acceptanceCriteria?.name ?? null,
    },
  };
}
