import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * GitHub's documented point cost of a query: add up the requests needed to fulfil each
 * connection, assuming each reaches its `first`/`last` limit (a nested connection needs one
 * request per parent node), divide by 100, round to the nearest whole number, minimum 1.
 */
export function graphqlPointCost(
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    return undefined;
  };
  let requests = 0;
  const walk = (selectionSet: SelectionSetNode | undefined, multiplier: number): void => {
    if (selectionSet === undefined) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        walk(fragments.get(selection.name.value)?.selectionSet, multiplier);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier);
      } else {
        const limitArgument = selection.arguments?.find(
          (arg) => arg.name.value === 'first' || arg.name.value === 'last',
        );
        const limit = limitArgument === undefined ? undefined : valueOf(limitArgument.value);
        if (typeof limit === 'number') {
          requests += multiplier;
          walk(selection.selectionSet, multiplier * limit);
        } else {
          walk(selection.selectionSet, multiplier);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1);
  }
  return Math.max(1, Math.round(requests / 100));
}
