/** Words for what the server's status means, when its answer has no message (from the import's translator). */
export type StatusWords = { answered: (status: number) => string; tooLarge: string };

/** The plain message of a failed import request (the route's AppError message, or what the status means). */
export async function errorOf(res: Response, words: StatusWords): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? words.answered(res.status);
  } catch {
    return res.status === 413 ? words.tooLarge : words.answered(res.status);
  }
}
