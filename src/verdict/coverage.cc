#include "verdict/coverage.h"

#include <algorithm>
#include <functional>

#include "ledger/workspace_zone.h"

namespace addio {
namespace {

// Whether `type` is in one of the groups of `sign`'s needs that `held` does not meet.
bool LeftUnknownBy(const SignDefinition& sign, const RecordTypes& held, std::string_view type) {
  for (const std::vector<std::string_view>& group : UnmetNeeds(sign, held)) {
    if (std::find(group.begin(), group.end(), type) != group.end()) return true;
  }
  return false;
}

// The signs `held` leaves unknown for lack of `type`, in registry order.
std::vector<const SignDefinition*> SignsLeftUnknown(const RecordTypes& held,
                                                    std::string_view type) {
  std::vector<const SignDefinition*> signs;
  if (held.Has(type)) return signs;
  for (const SignDefinition* sign : AllSigns()) {
    if (LeftUnknownBy(*sign, held, type)) signs.push_back(sign);
  }
  return signs;
}

template <typename R, typename Day>
void Span(const std::vector<R>& records, TypeCoverage& out, const Day& day) {
  out.records = records.size();
  for (const R& record : records) {
    const std::optional<CivilDate> date = day(record);
    if (!date) continue;
    if (!out.first_date || *date < *out.first_date) out.first_date = date;
    if (!out.last_date || *date > *out.last_date) out.last_date = date;
  }
}

template <typename R, typename At>
void InstantSpan(const std::vector<R>& records, TypeCoverage& out, const At& at) {
  out.records = records.size();
  for (const R& record : records) {
    const Instant t = at(record);
    if (!out.first_instant || t < *out.first_instant) out.first_instant = t;
    if (!out.last_instant || t > *out.last_instant) out.last_instant = t;
  }
}

}  // namespace

Coverage DescribeCoverage(const std::vector<TypeCoverage>& stored, const Workspace& workspace) {
  const TimeZone zone = ZoneOf(workspace);
  Coverage out;
  for (const TypeCoverage& entry : stored) {
    if (entry.records > 0) out.held.Add(entry.type);
  }
  for (const TypeCoverage& entry : stored) {
    CoverageLine& line = out.types.emplace_back();
    line.type = entry.type;
    line.records = entry.records;
    line.first = entry.first_date;
    line.last = entry.last_date;
    if (entry.first_instant) line.first = zone.ToLocal(*entry.first_instant).date;
    if (entry.last_instant) line.last = zone.ToLocal(*entry.last_instant).date;
    line.sources = entry.sources;
    line.leaves_unknown = SignsLeftUnknown(out.held, entry.type);
    if (!line.leaves_unknown.empty()) out.next.push_back(entry.type);
  }
  for (const SignDefinition* sign : AllSigns()) {
    (UnmetNeeds(*sign, out.held).empty() ? out.judged : out.unknown).push_back(sign);
  }
  return out;
}

std::vector<TypeCoverage> CoverageOf(const Ledger& ledger, std::string_view source) {
  std::vector<TypeCoverage> out;
  for (std::string_view type : RecordTypeNames()) out.push_back({.type = std::string(type)});
  const auto at = [&out](std::string_view type) -> TypeCoverage& {
    return *std::find_if(out.begin(), out.end(),
                         [type](const TypeCoverage& entry) { return entry.type == type; });
  };
  Span(ledger.clients, at("client"), [](const Client& r) { return r.since; });
  Span(ledger.contracts, at("contract"),
       [](const Contract& r) { return r.signed_on ? r.signed_on : r.sent; });
  Span(ledger.projects, at("project"), [](const Project& r) { return r.start; });
  InstantSpan(ledger.requests, at("request"), [](const Request& r) { return r.at; });
  InstantSpan(ledger.work, at("work"), [](const WorkEntry& r) { return r.start; });
  InstantSpan(ledger.contacts, at("contact"), [](const Contact& r) { return r.at; });
  Span(ledger.invoices, at("invoice"),
       [](const Invoice& r) { return std::optional<CivilDate>(r.issued); });
  Span(ledger.payments, at("payment"),
       [](const Payment& r) { return std::optional<CivilDate>(r.date); });
  Span(ledger.rate_changes, at("rate_change"),
       [](const RateChange& r) { return std::optional<CivilDate>(r.at); });
  Span(ledger.credit_notes, at("credit_note"),
       [](const CreditNote& r) { return std::optional<CivilDate>(r.issued); });
  for (TypeCoverage& entry : out) {
    if (entry.records > 0) entry.sources = {std::string(source)};
  }
  return out;
}

Message SignNames(const std::vector<const SignDefinition*>& signs) {
  Message joined;
  for (size_t i = 0; i < signs.size(); ++i) {
    Message name = Msg("coverage.quoted", Arg::Key("sign." + std::string(signs[i]->key())));
    if (i == 0) {
      joined = std::move(name);
    } else {
      joined = Msg(i + 1 == signs.size() ? "coverage.joined_last" : "coverage.joined",
                   Arg::Of(std::move(joined)), Arg::Of(std::move(name)));
    }
  }
  return joined;
}

std::vector<Message> CoverageHints(const RecordTypes& held) {
  std::vector<Message> hints;
  for (std::string_view type : RecordTypeNames()) {
    const std::vector<const SignDefinition*> signs = SignsLeftUnknown(held, type);
    if (signs.empty()) continue;
    hints.push_back(Msg("coverage.hint", signs.size(), Arg::Key("record_type." + std::string(type)),
                        Arg::Of(SignNames(signs)),
                        Arg::Of(Msg("coverage.add." + std::string(type)))));
  }
  return hints;
}

}  // namespace addio
