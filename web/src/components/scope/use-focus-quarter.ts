import type { Period } from '@rework-radar/shared';
import { parseQuarter, quarterOf } from '../../lib/quarters';
import { useScope } from '../../lib/scope';
import { useLatestQuarter } from '../../lib/api/get-latest-quarter';

/** The quarter the page looks at: the URL's, else the latest with data; undefined while that loads. */
export function useFocusQuarter(): Period | undefined {
  const { scope } = useScope();
  const latest = useLatestQuarter();
  const fromUrl = scope.quarter === undefined ? null : parseQuarter(scope.quarter);
  if (fromUrl !== null) return fromUrl;
  if (latest.data !== undefined) return parseQuarter(latest.data) ?? undefined;
  if (latest.isError) return quarterOf(new Date());
  return undefined;
}
