/**
 * The two keys of one window. The window's key (operation and SDKAppID) is the
 * hash tag, so Redis Cluster puts both keys in one slot (a script may touch
 * only keys of one slot) while windows spread over the cluster.
 */
export const redisRateLimitKeys = (
  keyPrefix: string,
  windowKey: string,
): { places: string; pacing: string } => {
  const tagged = `${keyPrefix}{${windowKey}}`;
  return { places: `${tagged}:places`, pacing: `${tagged}:pacing` };
};
