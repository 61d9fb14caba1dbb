// How the console names a billable metric's aggregation.
import type { AggregationType } from "../gql/graphql";

export const AGGREGATIONS: Readonly<Record<AggregationType, string>> = {
  COUNT_AGG: "Count of events",
  SUM_AGG: "Sum of a property",
  MAX_AGG: "Maximum of a property",
  UNIQUE_COUNT_AGG: "Count of distinct values",
  LATEST_AGG: "Latest value of a property",
  WEIGHTED_SUM_AGG: "Time-weighted sum of a property",
};
