export interface Submitted {
  status: number;
  body: {
    claims: {
      claimId: string;
      submitterClaimId: string;
      status: 'accepted' | 'duplicate';
      links: { self: string };
      result?: { status: string };
    }[];
    rejected: { index: number; claimId: string; submitterClaimId?: string; errors: { path: string; code: string; message: string }[] }[];
    errors: { path: string; code: string; message: string }[];
  };
}

export async function submit(
  baseUrl: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
  query = '',
): Promise<Submitted> {
  const res = await fetch(`${baseUrl}/v1/claims${query}`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  return { status: res.status, body: (await res.json()) as Submitted['body'] };
}

export async function getClaim<T = { status: string; replacedBy?: string; submitterClaimId: string }>(
  baseUrl: string,
  id: string,
  wait = '20s',
  accept = 'application/json',
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}/v1/claims/${id}?wait=${wait}`, { headers: { accept, ...headers } });
  return (await res.json()) as T;
}
