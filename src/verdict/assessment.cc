// The portfolio assessment: resolve settings and time zone once, split the ledger by
// client, build the portfolio statistics, then evaluate clients on every core. Each
// worker writes only its own slots of a pre-sized vector, so the output order (client
// id) never depends on scheduling.
#include "verdict/assessment.h"

#include <algorithm>
#include <utility>

#include "core/parallel.h"

namespace addio {
namespace {

// Clients a thread takes at a time: below this many a thread costs more than it saves.
constexpr size_t kClientsPerThread = 32;

// The index of `client` in `clients` (sorted by id), or nullopt.
std::optional<size_t> FindClient(const std::vector<ClientLedger>& clients,
                                 const std::string& client) {
  const auto it = std::lower_bound(
      clients.begin(), clients.end(), client,
      [](const ClientLedger& c, const std::string& id) { return c.client.id < id; });
  if (it == clients.end() || it->client.id != client) return std::nullopt;
  return static_cast<size_t>(it - clients.begin());
}

// One snapshot per client as of context.as_of, in the order of `clients`, built on every
// core.
std::vector<ClientSnapshot> SnapshotsAsOf(const std::vector<ClientLedger>& clients,
                                          const Context& context) {
  std::vector<std::optional<ClientSnapshot>> built(clients.size());
  ParallelFor(clients.size(), kClientsPerThread,
              [&](size_t i) { built[i].emplace(clients[i], *context.workspace, context.as_of); });
  std::vector<ClientSnapshot> snapshots;
  snapshots.reserve(clients.size());
  for (std::optional<ClientSnapshot>& snapshot : built) snapshots.push_back(std::move(*snapshot));
  return snapshots;
}

}  // namespace

// A bad setting or time zone is a workspace that does not validate, whatever code the
// lookup used.
Result<Context> ResolveContext(const Workspace& workspace, CivilDate as_of,
                               const RecordTypes& held) {
  Result<Context> context = MakeContext(workspace, as_of);
  if (!context) {
    return Fail(ErrorCode::kValidation, Msg("verdict.workspace", Arg::Of(context.error().message)));
  }
  context->held = held;
  return context;
}

Assessment AssessmentOf(const Workspace& workspace, const Context& context) {
  Assessment out;
  out.as_of = context.as_of;
  out.window_days = context.settings.window_days;
  out.currency = workspace.currency;
  out.workspace_name = workspace.name;
  out.target_hourly_rate = workspace.target_hourly_rate;
  out.settings = context.settings;
  return out;
}

Error UnknownClient(const std::string& id) {
  return Error{ErrorCode::kNotFound, Msg("common.no_client", id)};
}

Result<Assessment> AssessOne(const ClientLedger& client, const Workspace& workspace,
                             const RecordTypes& held, CivilDate as_of,
                             const PortfolioSource& portfolio) {
  Result<Context> context = ResolveContext(workspace, as_of, held);
  if (!context) return std::unexpected(context.error());
  Result<std::shared_ptr<const RateRanking>> statistics = portfolio(*context);
  if (!statistics) return std::unexpected(statistics.error());
  Assessment out = AssessmentOf(workspace, *context);
  out.clients.push_back(
      AssessClient(ClientSnapshot(client, workspace, as_of), **statistics, *context));
  return out;
}

ClientAssessment AssessClient(const ClientSnapshot& client, const RateRanking& portfolio,
                              const Context& context) {
  Findings signs = EvaluateSigns(client, portfolio, context);
  Economics economics = ComputeEconomics(
      client, signs, portfolio.ReferenceRate(client.client().id, context), context);
  return Conclude(client.client(), std::move(signs), std::move(economics), context);
}

Result<Assessment> Assess(const Ledger& ledger, CivilDate as_of, const std::string& only_client) {
  Result<Context> context = ResolveContext(ledger.workspace, as_of, RecordTypes::HeldBy(ledger));
  if (!context) return std::unexpected(context.error());
  const std::vector<ClientLedger> clients = SplitByClient(ledger);

  std::vector<size_t> selected;
  if (only_client.empty()) {
    selected.resize(clients.size());
    for (size_t i = 0; i < clients.size(); ++i) selected[i] = i;
  } else {
    const std::optional<size_t> index = FindClient(clients, only_client);
    if (!index) return std::unexpected(UnknownClient(only_client));
    selected.push_back(*index);
  }

  // Every client counts in the portfolio, even when only one is assessed: its
  // reference rate comes from the others.
  const std::vector<ClientSnapshot> snapshots = SnapshotsAsOf(clients, *context);
  const Portfolio portfolio = BuildPortfolio(snapshots, *context);

  Assessment out = AssessmentOf(ledger.workspace, *context);
  out.clients.resize(selected.size());
  ParallelFor(selected.size(), kClientsPerThread, [&](size_t i) {
    out.clients[i] = AssessClient(snapshots[selected[i]], portfolio, *context);
  });
  return out;
}

Result<std::vector<HistoryPoint>> History(const Ledger& ledger, const std::string& client,
                                          CivilDate as_of, int months) {
  if (months < 1 || months > 600) {
    return Fail(ErrorCode::kInvalidArgument, Msg("verdict.history_months", 1, 600));
  }
  Result<Context> context = ResolveContext(ledger.workspace, as_of, RecordTypes::HeldBy(ledger));
  if (!context) return std::unexpected(context.error());
  // Records dated after a point's date never count in the signs, so one split serves
  // every point.
  const std::vector<ClientLedger> clients = SplitByClient(ledger);
  const std::optional<size_t> index = FindClient(clients, client);
  if (!index) return std::unexpected(UnknownClient(client));

  std::vector<CivilDate> dates;
  CivilDate month_end = as_of == as_of.EndOfMonth() ? as_of : as_of.AddDays(-as_of.day());
  for (int i = 0; i < months; ++i) {
    dates.push_back(month_end);
    month_end = month_end.AddDays(-month_end.day());  // the last day of the month before
  }
  std::reverse(dates.begin(), dates.end());
  if (as_of != as_of.EndOfMonth()) dates.push_back(as_of);

  std::vector<HistoryPoint> points(dates.size());
  // Each point needs the whole portfolio as of its date; the points are independent.
  for (size_t i = 0; i < dates.size(); ++i) {
    Context at = *context;
    at.as_of = dates[i];
    const std::vector<ClientSnapshot> snapshots = SnapshotsAsOf(clients, at);
    const Portfolio portfolio = BuildPortfolio(snapshots, at);
    const ClientAssessment assessed = AssessClient(snapshots[*index], portfolio, at);
    HistoryPoint& point = points[i];
    point.date = dates[i];
    point.score = assessed.score;
    point.verdict = assessed.verdict;
    point.archetype = assessed.archetype;
    point.levels = LevelsOf(assessed.signs);
    point.net_value = assessed.economics.net_value;
  }
  return points;
}

}  // namespace addio
