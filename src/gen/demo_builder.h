// The small vocabulary the demo story is written in (demo.cc): literals for dates,
// local times and money, weekly work patterns that skip holidays and the studio's
// closures, invoices computed from the month's billable hours, and payments set
// relative to a due date. Build() gives invoices the numbers an Italian freelancer
// uses (one sequence per year, "2026-014") and payments readable ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "ledger/records.h"

namespace addio::gen {

// "2026-03-02". A malformed literal is a bug in the story: throws std::invalid_argument.
CivilDate Day(std::string_view ymd);

// The last day of every month from the month of `first` to the month of `last`.
std::vector<CivilDate> MonthEnds(CivilDate first, CivilDate last);

// The n-th (1-based) `weekday` of the month holding `any_day`.
CivilDate NthWeekday(CivilDate any_day, Weekday weekday, int n);

// Work on some weekdays of every week in [first, last], one entry a day.
struct WeeklyWork {
  std::string client;
  std::string project;
  CivilDate first;
  CivilDate last;
  std::vector<Weekday> days;
  std::string start = "09:00";  // local time of the workspace
  int minutes = 240;
  std::string note;
  bool billable = true;
  int every_weeks = 1;  // 2: every other week, counted from `first`
};

class DemoBuilder {
 public:
  // `closures`: days the studio is closed (holidays of the freelancer, not public ones);
  // weekly work skips them as it skips the workspace's holidays. `last_day`: the end of
  // the story; payments that would fall after it have not happened and are left out.
  DemoBuilder(Workspace workspace, std::vector<std::pair<CivilDate, CivilDate>> closures,
              CivilDate last_day);

  // "2026-03-02 22:10" read in the workspace time zone. Throws on a malformed literal.
  Instant At(std::string_view local) const;
  // An amount in the workspace currency, or in `currency`. Throws on a malformed literal.
  Money Eur(std::string_view amount) const;
  static Money In(std::string_view currency, std::string_view amount);

  bool IsWorkday(CivilDate day) const;
  // `day` when it is a working day, else the next one (weekends, holidays, closures).
  CivilDate Workday(CivilDate day) const;

  void AddClient(Client client) { ledger_.clients.push_back(std::move(client)); }
  void AddContract(Contract contract) { ledger_.contracts.push_back(std::move(contract)); }
  // Returns a copy to pass to InvoiceMonth and to name in work and requests.
  Project AddProject(Project project) {
    ledger_.projects.push_back(std::move(project));
    return ledger_.projects.back();
  }
  void AddRateChange(RateChange change) { ledger_.rate_changes.push_back(std::move(change)); }

  // Each of these fills in the id ("<client>-r01", "<client>-w001", "<client>-m01") and
  // returns it.
  std::string AddRequest(Request request);
  std::string AddWork(WorkEntry entry);
  std::string AddContact(Contact contact);

  // A contact at a local time ("2026-03-02 22:10"). Returns its id.
  std::string LogContact(const std::string& client, std::string_view at, Channel channel,
                         Direction direction, int minutes, bool urgent = false);

  // One entry on each chosen weekday of each week, skipping holidays and closures.
  void Weekly(const WeeklyWork& plan);

  // An invoice due `terms_days` after `issued`. Returns a provisional id that Pay()
  // accepts; Build() replaces it with the invoice's number.
  std::string AddInvoice(const std::string& client, CivilDate issued, int terms_days, Money amount,
                         bool disputed = false);
  // The billable work of `project` in the month of `month_end`, at `hourly_rate`, issued
  // on `month_end`. Returns the id, or "" when the month had no billable work.
  std::string InvoiceMonth(const Project& project, CivilDate month_end, int terms_days,
                           Money hourly_rate);
  // InvoiceMonth for every month from the month of `first` to the month of `last`; one
  // id per month, "" for months without billable work.
  std::vector<std::string> InvoiceMonths(const Project& project, CivilDate first, CivilDate last,
                                         int terms_days, Money hourly_rate);
  void Dispute(const std::string& invoice) { Find(invoice).disputed = true; }
  // REQUIRES: `id` was returned by AddInvoice or InvoiceMonth(s).
  const Invoice& FindInvoice(const std::string& id) { return Find(id); }
  // Pays `invoice` in full (or `amount`, in the invoice's currency) on `date`; nothing
  // when `invoice` is "" or `date` is after the end of the story.
  void Pay(const std::string& invoice, CivilDate date, std::optional<Money> amount = {});
  // Pays `invoice` in full `days` after its due date (negative: before it), as Pay().
  void PayAfterDue(const std::string& invoice, int days);

  // Numbers invoices by issue date ("2025-001", one sequence a year) and payments by
  // date ("pay-2025-001"), and returns the ledger.
  Ledger Build();

 private:
  std::string NextId(const std::string& client, const char* kind, int width);
  Invoice& Find(const std::string& id);

  Ledger ledger_;
  TimeZone zone_;
  std::vector<std::pair<CivilDate, CivilDate>> closures_;
  CivilDate last_day_;
  std::vector<std::pair<std::string, int>> counters_;  // "<client>-<kind>" -> last number
};

}  // namespace addio::gen
