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

/** `GET /api/review-calibration`: risk and depth of PRs merged in the range (first 500). */
export function reviewCalibrationQueryOptions(request: CalibrationRequest) {
  const query = {
    from: request.from,
    to: request.to,
    team: request.team,
    flag: request.flag,
    limit: 500,
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
