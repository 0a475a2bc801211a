// A fetch that changes the server's answers on the way to the client, to show
// that the listing checks catch a wrong listing (negative tests).
import type { OnlineMember } from '@avchatroom/client';

export type PageEdit = (members: OnlineMember[], pageIndex: number) => OnlineMember[];

const parse = (text: string): { ErrorCode?: unknown; MemberList?: OnlineMember[] } | undefined => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Applies `edit` to the MemberList of every successful page; other answers pass as they are. */
export const rewritePages =
  (edit: PageEdit) =>
  (send: typeof fetch): typeof fetch => {
    let pageIndex = 0;
    return async (input, init) => {
      const response = await send(input, init);
      let text = await response.text();
      const body = parse(text);
      if (body?.ErrorCode === 0) {
        body.MemberList = edit(body.MemberList ?? [], pageIndex);
        pageIndex += 1;
        text = JSON.stringify(body);
      }
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(text, { status: response.status, headers });
    };
  };
