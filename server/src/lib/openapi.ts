import { z } from '@hono/zod-openapi';

/** The error body every 4xx carries. */
export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
  })
  .openapi('Error');

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** Standard error responses to spread into a route's `responses`. */
export const errorResponses = {
  400: err('Invalid request'),
  401: err('Not authenticated'),
  403: err('Not allowed'),
  404: err('Not found'),
  409: err('Conflict'),
  422: err('Rule not met'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'Request body') => ({
  body: { required: true, description, content: { 'application/json': { schema } } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const deviceSecurity = [{ deviceToken: [] }];
export const staffSecurity = [{ staffSession: [] }];

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
