/** The plain message of a failed import request (the route's AppError message, or what the status means). */
export async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${res.status}.`;
  } catch {
    return res.status === 413 ? "The file is too large." : `The server answered ${res.status}.`;
  }
}
