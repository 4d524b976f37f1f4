import { reviewCalibrationResponseSchema, type ReviewCalibrationQuery } from '@rework-radar/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, queryString } from '../../../lib/api-client';

export interface CalibrationRequest {
  from: string;
  to: string;
  team: string | undefined;
  /** Only the pull requests with this flag (all of the range's, not those of the first page). */
  flag?: ReviewCalibrationQuery['flag'];
}

/**
 * `GET /api/review-calibration`: risk and depth of PRs merged in the range. With a flag, the
 * first 500 so flagged; without, 500 picked evenly over the range (with how many it holds).
 */
export function reviewCalibrationQueryOptions(request: CalibrationRequest) {
  const query = {
    from: request.from,
    to: request.to,
    team: request.team,
    ...(request.flag === undefined ? { sample: 500 } : { flag: request.flag, limit: 500 }),
  };
  return queryOptions({
    queryKey: ['review-calibration', query],
    queryFn: ({ signal }) =>
      getJson(`/api/review-calibration${queryString(query)}`, reviewCalibrationResponseSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useReviewCalibration(request: CalibrationRequest | undefined) {
  return useQuery({
    ...reviewCalibrationQueryOptions(request ?? { from: '', to: '', team: undefined }),
    enabled: request !== undefined,
  });
}
