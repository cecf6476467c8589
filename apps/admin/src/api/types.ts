/**
 * Types of the server's JSON API, read from the generated `paths` (schema.ts, `npm run gen:api`): a
 * request is typed by its path template and method, so a response or request schema changed on the
 * server breaks the admin's type check where the admin relies on it.
 */
import type { paths } from './schema.ts';

export type Method = 'get' | 'post' | 'put' | 'delete';

/** The path templates (`/api/items/{id}`) that answer a method. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: undefined extends paths[P][M] ? never : P;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : unknown;

type Success<R> = R extends { 200: infer X }
  ? JsonContent<X>
  : R extends { 201: infer X }
    ? JsonContent<X>
    : R extends { 204: unknown }
      ? undefined
      : unknown;

/**
 * The JSON body of a successful answer (200 or 201; `undefined` for 204 No Content). A route without a
 * response schema gives `unknown`, which no screen can read without the server declaring it first.
 */
export type Json<P extends PathWith<M>, M extends Method = 'get'> = Success<Operation<P, M>['responses']>;

/** The JSON request body a route takes (`never` when it takes none). */
export type RequestBody<P extends PathWith<M>, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

type Parameters<P extends PathWith<M>, M extends Method> = Operation<P, M>['parameters'];

/** The query string a route reads. */
export type Query<P extends PathWith<M>, M extends Method = 'get'> = NonNullable<Parameters<P, M>['query']>;

/** `{ [K]: T }`, `{ [K]?: T }` when T may be undefined, `{}` when the route has no such part. */
type Part<K extends string, T> = [NonNullable<T>] extends [never]
  ? unknown
  : undefined extends T
    ? { [k in K]?: NonNullable<T> }
    : { [k in K]: T };

type BodyPart<P extends PathWith<M>, M extends Method> =
  Operation<P, M> extends { requestBody: unknown }
    ? { body: RequestBody<P, M> }
    : Part<'body', RequestBody<P, M> | undefined>;

/** What a call passes besides the path template: its path parameters, query string and JSON body. */
export type Init<P extends PathWith<M>, M extends Method> = Part<'path', Parameters<P, M>['path']> &
  Part<'query', Parameters<P, M>['query']> &
  BodyPart<P, M>;

/** The call's arguments after the path: `init` may be left out when nothing in it is required. */
export type InitArgs<P extends PathWith<M>, M extends Method> =
  Record<never, never> extends Init<P, M> ? [init?: Init<P, M>] : [init: Init<P, M>];
