import {
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';

/**
 * The narrow public path (公开): a request without a token may run a document only when every
 * operation in it is a query and every root field it selects — through fragments too — is one the
 * policy declares public (`Query.publishedGoals`, …); `__typename` may stand beside them. Anything
 * else, a document that does not parse included, is refused as before, with the same words: the
 * caller learns nothing of what exists.
 */
export function isPublicDocument(source: unknown, publicFields: ReadonlySet<string>): boolean {
  if (typeof source !== 'string' || publicFields.size === 0) return false;
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true, maxTokens: 5_000 });
  } catch {
    return false;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const node of document.definitions) {
    if (node.kind === Kind.FRAGMENT_DEFINITION) fragments.set(node.name.value, node);
  }
  const operations = document.definitions.filter((node) => node.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0 || operations.length + fragments.size !== document.definitions.length) return false;
  let asked = 0;
  for (const operation of operations) {
    if (operation.operation !== 'query') return false;
    const fields = rootFields(operation.selectionSet, fragments, new Set());
    if (fields === null) return false;
    for (const field of fields) {
      if (field === '__typename') continue;
      if (!publicFields.has(`Query.${field}`)) return false;
      asked++;
    }
  }
  return asked > 0;
}

/** The root field names of a selection set, through its fragments; null on an unknown or cyclic fragment. */
function rootFields(
  selections: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): string[] | null {
  const names: string[] = [];
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      names.push(selection.name.value);
      continue;
    }
    let inner: SelectionSetNode;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition && selection.typeCondition.name.value !== 'Query') return null;
      inner = selection.selectionSet;
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name) || fragment.typeCondition.name.value !== 'Query') return null;
      visiting.add(name);
      inner = fragment.selectionSet;
    }
    const nested = rootFields(inner, fragments, visiting);
    if (nested === null) return null;
    names.push(...nested);
  }
  return names;
}

/**
 * Checks that the public operations exist and that what they return is public through and through:
 * no object type reachable from a public root field is reachable from any other root field (only
 * scalars and enums are shared), and none is an entity another subgraph could extend. Returns the
 * public root fields; throws, naming each problem, otherwise — the gateway does not start.
 */
export function publicSurface(supergraph: string, publicOperations: readonly string[]): Set<string> {
  const publicFields = new Set(publicOperations);
  if (publicFields.size === 0) return publicFields;
  const types = new Map<string, DefinitionNode>();
  for (const node of parse(supergraph).definitions) {
    if ('name' in node && node.name && !types.has(node.name.value)) types.set(node.name.value, node);
  }
  const fieldsOf = (name: string) => {
    const node = types.get(name);
    return node && (node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.INTERFACE_TYPE_DEFINITION)
      ? (node.fields ?? [])
      : [];
  };
  const problems: string[] = [];
  const roots = ['Query', 'Mutation', 'Subscription'].flatMap((root) =>
    fieldsOf(root).map((field) => ({ operation: `${root}.${field.name.value}`, type: namedType(field.type) })),
  );
  for (const operation of publicFields) {
    if (!roots.some((r) => r.operation === operation)) problems.push(`${operation} is not a field of the supergraph`);
  }
  const reach = (starts: string[]) => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      const node = types.get(name);
      if (seen.has(name) || !node || !isComposite(node)) return;
      seen.add(name);
      for (const field of fieldsOf(name)) visit(namedType(field.type));
      if (node.kind === Kind.UNION_TYPE_DEFINITION) for (const member of node.types ?? []) visit(member.name.value);
      for (const [other, candidate] of types) {
        const implementsIt =
          candidate.kind === Kind.OBJECT_TYPE_DEFINITION && candidate.interfaces?.some((i) => i.name.value === name);
        if (implementsIt) visit(other);
      }
    };
    starts.forEach(visit);
    return seen;
  };
  const shown = reach(roots.filter((r) => publicFields.has(r.operation)).map((r) => r.type));
  const signedIn = reach(roots.filter((r) => !publicFields.has(r.operation)).map((r) => r.type));
  for (const name of shown) {
    if (signedIn.has(name)) problems.push(`${name} is returned by a public query and by a signed-in one`);
    const node = types.get(name);
    const keyed = node?.kind === Kind.OBJECT_TYPE_DEFINITION && node.directives?.some(isEntityKey);
    if (keyed) problems.push(`${name} is an entity (@key): another subgraph could add private fields to it`);
  }
  if (problems.length > 0)
    throw new Error(`the public queries reach more than their own types: ${problems.join('; ')}`);
  return publicFields;
}

const isComposite = (node: DefinitionNode) =>
  node.kind === Kind.OBJECT_TYPE_DEFINITION ||
  node.kind === Kind.INTERFACE_TYPE_DEFINITION ||
  node.kind === Kind.UNION_TYPE_DEFINITION;

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** `@join__type(graph: …, key: "id")`: the type is an entity of that subgraph. */
const isEntityKey = (directive: { name: { value: string }; arguments?: readonly { name: { value: string } }[] }) =>
  directive.name.value === 'join__type' && (directive.arguments ?? []).some((a) => a.name.value === 'key');
