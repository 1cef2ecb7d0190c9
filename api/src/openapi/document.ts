import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses, type RouteDefinition } from '../http/route.ts';

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** A route that reads a body can always answer 400 (malformed), 413 (over 64 KB) and 415 (wrong type), whatever else it lists. */
function withBodyErrors(route: RouteDefinition): NonNullable<RouteDefinition['operation']['responses']> {
  const responses = route.operation.responses ?? {};
  if (route.operation.requestBody === undefined) return responses;
  const missing = Object.entries(errorResponses(400, 413, 415)).filter(([status]) => !(status in responses));
  return { ...responses, ...Object.fromEntries(missing) };
}

/** OpenAPI 3.1 built from the route table and the zod contract; `x-access` says who may call each route. */
export function buildOpenApiDocument(routes: ReadonlyArray<RouteDefinition>): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const item = (paths[openApiPath(route.path)] ??= {});
    item[route.method] = { ...route.operation, responses: withBodyErrors(route), 'x-access': route.access === 'public' ? 'public' : [...route.access] };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Medskapa API',
      version: '1.0.0',
      description: "Patients' and relatives' experiences of care, collected for co-creation in Västra Götalandsregionen.",
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    paths,
  });
}
