// A TypeDoc plugin for `pnpm docs`: keeps the named types of the generated specs
// named. The packages' types are aliases of openapi-typescript's indexed access types
// (`type Workspace = components["schemas"]["Workspace"]`), which TypeScript does not
// keep as aliases: left to itself, TypeDoc writes every parameter, return type and
// property of such a type out in full (each method's page repeats the whole schema),
// and the alias's own page shows only `components["schemas"]["Workspace"]`. With this
// plugin it is the other way round, as in the source:
//
// - a parameter, return type or property whose declared type names types (references,
//   indexed accesses, unions and arrays of them) is documented as written: a link to
//   `Workspace`, to `CreateWorkspaceRequest`, to `operations["createWorkspace"]`;
// - a type alias whose declared type is such an indexed access (`components[...][...]`,
//   or `NonNullable<...>` of one) is documented with the type it stands for, as TypeDoc's
//   `@useDeclaredType` does: its fields, with their descriptions.
import ts from "typescript";
import { Comment, Converter, IntrinsicType, ReflectionKind, ReflectionType, UnionType } from "typedoc";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    const declaration = context.getSymbolFromReflection(reflection)?.declarations?.[0];
    if (!declaration) return;
    if (reflection.kindOf(ReflectionKind.TypeAlias) && ts.isTypeAliasDeclaration(declaration)) {
      // TypeDoc converts the alias after this event; its @useDeclaredType does the rest.
      if (!declaration.typeParameters && standsForIndexedAccess(declaration.type)) {
        reflection.comment ??= new Comment();
        reflection.comment.modifierTags.add("@useDeclaredType");
      }
      return;
    }
    if (reflection.kindOf(ReflectionKind.Property) && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration))) {
      if (declaration.type && namesTypesOnly(declaration.type) && containsReflection(reflection.type)) {
        replaceType(context, reflection, declaration.type, reflection.flags.isOptional);
      }
    }
  });

  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, declaration) => {
    if (!declaration || !("parameters" in declaration)) return;
    const nodes = declaration.parameters;
    const parameters = signature.parameters ?? [];
    if (nodes.length === parameters.length) {
      parameters.forEach((parameter, i) => {
        const node = nodes[i].type;
        if (node && namesTypesOnly(node) && containsReflection(parameter.type)) {
          replaceType(context.withScope(signature), parameter, node, Boolean(nodes[i].questionToken));
        }
      });
    }
    if (declaration.type && namesTypesOnly(declaration.type) && containsReflection(signature.type)) {
      replaceType(context, signature, declaration.type, false);
    }
  });
}

// `components["schemas"]["Workspace"]`, or `NonNullable<operations["x"]["parameters"]["query"]>`.
function standsForIndexedAccess(node) {
  if (ts.isIndexedAccessTypeNode(node)) return true;
  return ts.isTypeReferenceNode(node) && node.typeName.getText() === "NonNullable" && node.typeArguments?.length === 1 && ts.isIndexedAccessTypeNode(node.typeArguments[0]);
}

// A type that only names types: nothing TypeDoc would have to write out itself.
function namesTypesOnly(node) {
  let ok = true;
  const visit = (n) => {
    if (!ok) return;
    if (ts.isTypeLiteralNode(n) || ts.isMappedTypeNode(n) || ts.isFunctionTypeNode(n) || ts.isConstructorTypeNode(n) || ts.isTypeQueryNode(n) || ts.isConditionalTypeNode(n)) {
      ok = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return ok;
}

function* nestedTypes(type) {
  if (!type || typeof type !== "object") return;
  yield type;
  for (const key of ["typeArguments", "types", "elements"]) for (const t of type[key] ?? []) yield* nestedTypes(t);
  for (const key of ["elementType", "objectType", "indexType", "target", "queryType", "checkType", "extendsType", "trueType", "falseType", "type"]) {
    if (type[key] && typeof type[key] === "object" && "type" in type[key]) yield* nestedTypes(type[key]);
  }
}

function containsReflection(type) {
  for (const t of nestedTypes(type)) if (t instanceof ReflectionType) return true;
  return false;
}

// `context` is the one whose scope is `reflection`'s parent.
function replaceType(context, reflection, typeOrNode, optional) {
  const old = reflection.type;
  let next = context.converter.convertType(context.withScope(reflection), typeOrNode);
  if (optional && next instanceof UnionType) {
    const types = next.types.filter((t) => !(t instanceof IntrinsicType && t.name === "undefined"));
    next = types.length === 1 ? types[0] : new UnionType(types);
  }
  reflection.type = next;
  // The written-out declarations of the old type are no longer part of the documentation.
  for (const t of nestedTypes(old)) if (t instanceof ReflectionType) context.project.removeReflection(t.declaration);
}
