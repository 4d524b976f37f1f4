import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useFocusQuarter } from '../../../components/scope/use-focus-quarter';
import { useTeams } from '../../../lib/api/get-teams';
import { quartersEndingWith } from '../../../lib/quarters';
import { useScope } from '../../../lib/scope';
import { useReviewCalibration } from '../api/get-review-calibration';
import { CalibrationByTeam } from '../components/calibration-by-team';
import { FlaggedPullRequests } from '../components/flagged-pull-requests';
import { RiskDepthScatter } from '../components/risk-depth-scatter';

/** Review calibration: is review depth following risk, and where it is not. */
export function ReviewCalibrationPage() {
  const { scope } = useScope();
  const quarter = useFocusQuarter();
  const teams = useTeams();
  const range =
    quarter === undefined
      ? undefined
      : { from: quarter.start.toISOString(), to: quarter.end.toISOString(), team: scope.team };
  const calibration = useReviewCalibration(range);
  // The flagged lists are asked for by flag: the scatter's sample of 500 would miss some.
  const rubberStamps = useReviewCalibration(range && { ...range, flag: 'rubber-stamp' });
  const overReviews = useReviewCalibration(range && { ...range, flag: 'over-review' });
  const points = calibration.data?.items ?? [];
  const yearStart =
    quarter === undefined ? '' : (quartersEndingWith(quarter, 4)[0]?.start.toISOString() ?? '');
  return (
    <section aria-labelledby="calibration-title">
      <h1 id="calibration-title">Review calibration</h1>
      <p className="page-intro">
        Pull requests merged in {quarter?.label.replace('-', ' ') ?? '…'}: risky changes should get
        deep review, safe ones a quick one.
      </p>
      {calibration.isError ? (
        <ErrorPanel
          what="Review calibration"
          error={calibration.error}
          onRetry={() => void calibration.refetch()}
        />
      ) : calibration.data === undefined ? (
        <Skeleton label="Loading review calibration" height={360} />
      ) : (
        <div className="stack">
          <RiskDepthScatter points={points} />
          {(calibration.data.total ?? 0) > points.length && (
            <p className="muted">
              Showing {points.length} of the quarter&apos;s {calibration.data.total} pull requests,
              picked evenly over the quarter.
            </p>
          )}
          <div className="grid-2">
            <FlaggedPullRequests
              title="Rubber stamps"
              explanation="High-risk pull requests approved fast with no comments."
              flagged={rubberStamps}
              empty="No high-risk pull request was rubber-stamped."
            />
            <FlaggedPullRequests
              title="Over-reviewed"
              explanation="Low-risk pull requests with many rounds or long waits."
              flagged={overReviews}
              empty="No low-risk pull request was over-reviewed."
            />
          </div>
        </div>
      )}
      <h2>Calibration over time</h2>
      {teams.isError ? (
        <ErrorPanel what="Teams" error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data === undefined || quarter === undefined ? (
        <Skeleton label="Loading calibration by team" />
      ) : (
        <CalibrationByTeam
          teams={teams.data.teams}
          grain={scope.grain}
          from={yearStart}
          to={quarter.end.toISOString()}
        />
      )}
    </section>
  );
}
