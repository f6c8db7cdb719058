/** Typed access to the engawa server. Same origin: the server that serves the app also serves /api. */

/** Shown when the server gives no resident-facing message (network down, proxy error page). */
export const FALLBACK_ERROR_MESSAGE = '通信できませんでした。しばらくしてから、もう一度お試しください。';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    /** Japanese text to show the resident as is. */
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Defaults to `/api` on the page's origin. */
  baseUrl?: string;
  token: string | null;
  fetch?: typeof fetch;
}

export interface ApiClient {
  readonly token: string | null;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${res.status}`;
  const message =
    typeof body?.error?.message === 'string' && body.error.message
      ? body.error.message
      : FALLBACK_ERROR_MESSAGE;
  return new ApiError(res.status, code, message);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', FALLBACK_ERROR_MESSAGE);
    }
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    token: options.token,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    delete: (path) => request('DELETE', path),
  };
}

let defaultClient: ApiClient = createApiClient({ token: null });

/** Called once at start-up with the box's token; feature API modules use this client by default. */
export function configureApi(client: ApiClient): void {
  defaultClient = client;
}

export function api(): ApiClient {
  return defaultClient;
}
