#include "gen/demo_builder.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace addio::gen {
namespace {

int ParseClock(std::string_view hh_mm) {
  if (hh_mm.size() != 5 || hh_mm[2] != ':') {
    throw std::invalid_argument("not a time of day: " + std::string(hh_mm));
  }
  const int hours = (hh_mm[0] - '0') * 10 + (hh_mm[1] - '0');
  const int minutes = (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
  return hours * 60 + minutes;
}

}  // namespace

CivilDate Day(std::string_view ymd) {
  auto day = CivilDate::Parse(ymd);
  if (!day) throw std::invalid_argument(day.error().message.In(Lang::kEn));
  return *day;
}

std::vector<CivilDate> MonthEnds(CivilDate first, CivilDate last) {
  std::vector<CivilDate> ends;
  for (CivilDate month = first.AddDays(1 - first.day()); month <= last;
       month = month.AddMonths(1)) {
    ends.push_back(month.EndOfMonth());
  }
  return ends;
}

CivilDate NthWeekday(CivilDate any_day, Weekday weekday, int n) {
  const CivilDate first = any_day.AddDays(1 - any_day.day());
  const int shift = (static_cast<int>(weekday) - static_cast<int>(first.weekday()) + 7) % 7;
  return first.AddDays(shift + 7 * (n - 1));
}

DemoBuilder::DemoBuilder(Workspace workspace, std::vector<std::pair<CivilDate, CivilDate>> closures,
                         CivilDate last_day)
    : zone_(*TimeZone::Find(workspace.timezone)),
      closures_(std::move(closures)),
      last_day_(last_day) {
  ledger_.workspace = std::move(workspace);
}

Instant DemoBuilder::At(std::string_view local) const {
  if (local.size() != 16 || local[10] != ' ') {
    throw std::invalid_argument("not a local time: " + std::string(local));
  }
  return zone_.FromLocal({Day(local.substr(0, 10)), ParseClock(local.substr(11)) * 60});
}

Money DemoBuilder::Eur(std::string_view amount) const {
  return In(ledger_.workspace.currency.code(), amount);
}

Money DemoBuilder::In(std::string_view currency, std::string_view amount) {
  auto code = Currency::Find(currency);
  if (!code) throw std::invalid_argument(code.error().message.In(Lang::kEn));
  auto money = Money::Parse(amount, *code);
  if (!money) throw std::invalid_argument(money.error().message.In(Lang::kEn));
  return *money;
}

bool DemoBuilder::IsWorkday(CivilDate day) const {
  if (static_cast<int>(day.weekday()) >= 5) return false;
  const auto& holidays = ledger_.workspace.holidays;
  if (std::find(holidays.begin(), holidays.end(), day) != holidays.end()) return false;
  return std::none_of(closures_.begin(), closures_.end(), [day](const auto& closure) {
    return day >= closure.first && day <= closure.second;
  });
}

CivilDate DemoBuilder::Workday(CivilDate day) const {
  while (!IsWorkday(day)) day = day.AddDays(1);
  return day;
}

std::string DemoBuilder::NextId(const std::string& client, const char* kind, int width) {
  const std::string key = client + "-" + kind;
  auto it = std::find_if(counters_.begin(), counters_.end(),
                         [&key](const auto& counter) { return counter.first == key; });
  if (it == counters_.end()) it = counters_.insert(counters_.end(), {key, 0});
  char number[16];
  std::snprintf(number, sizeof number, "%0*d", width, ++it->second);
  return key + number;
}

std::string DemoBuilder::AddRequest(Request request) {
  request.id = NextId(request.client, "r", 2);
  ledger_.requests.push_back(std::move(request));
  return ledger_.requests.back().id;
}

std::string DemoBuilder::AddWork(WorkEntry entry) {
  entry.id = NextId(entry.client, "w", 3);
  ledger_.work.push_back(std::move(entry));
  return ledger_.work.back().id;
}

std::string DemoBuilder::AddContact(Contact contact) {
  contact.id = NextId(contact.client, "m", 2);
  ledger_.contacts.push_back(std::move(contact));
  return ledger_.contacts.back().id;
}

std::string DemoBuilder::LogContact(const std::string& client, std::string_view at, Channel channel,
                                    Direction direction, int minutes, bool urgent) {
  return AddContact({.client = client,
                     .at = At(at),
                     .channel = channel,
                     .direction = direction,
                     .minutes = minutes,
                     .urgent = urgent});
}

void DemoBuilder::Weekly(const WeeklyWork& plan) {
  const int start_minute = ParseClock(plan.start);
  for (CivilDate day = plan.first; day <= plan.last; day = day.AddDays(1)) {
    const int week = DaysBetween(plan.first, day) / 7;
    if (week % plan.every_weeks != 0) continue;
    if (std::find(plan.days.begin(), plan.days.end(), day.weekday()) == plan.days.end()) continue;
    if (!IsWorkday(day)) continue;
    AddWork({.client = plan.client,
             .project = plan.project,
             .start = zone_.FromLocal({day, start_minute * 60}),
             .minutes = plan.minutes,
             .billable = plan.billable,
             .note = plan.note});
  }
}

std::string DemoBuilder::AddInvoice(const std::string& client, CivilDate issued, int terms_days,
                                    Money amount, bool disputed) {
  Invoice& invoice = ledger_.invoices.emplace_back();
  invoice.id = "provisional-" + std::to_string(ledger_.invoices.size());
  invoice.client = client;
  invoice.issued = issued;
  invoice.due = issued.AddDays(terms_days);
  invoice.amount = amount;
  invoice.disputed = disputed;
  return invoice.id;
}

std::string DemoBuilder::InvoiceMonth(const Project& project, CivilDate month_end, int terms_days,
                                      Money hourly_rate) {
  const CivilDate month_start = month_end.AddDays(1 - month_end.day());
  int64_t minutes = 0;
  for (const WorkEntry& entry : ledger_.work) {
    const CivilDate day = zone_.ToLocal(entry.start).date;
    if (entry.project == project.id && entry.billable && day >= month_start && day <= month_end) {
      minutes += entry.minutes;
    }
  }
  if (minutes == 0) return "";
  return AddInvoice(project.client, month_end, terms_days, hourly_rate.MulDiv(minutes, 60));
}

std::vector<std::string> DemoBuilder::InvoiceMonths(const Project& project, CivilDate first,
                                                    CivilDate last, int terms_days,
                                                    Money hourly_rate) {
  std::vector<std::string> ids;
  for (CivilDate month_end : MonthEnds(first, last)) {
    ids.push_back(InvoiceMonth(project, month_end, terms_days, hourly_rate));
  }
  return ids;
}

Invoice& DemoBuilder::Find(const std::string& id) {
  for (Invoice& invoice : ledger_.invoices) {
    if (invoice.id == id) return invoice;
  }
  throw std::invalid_argument("no invoice " + id);
}

void DemoBuilder::Pay(const std::string& invoice_id, CivilDate date, std::optional<Money> amount) {
  if (invoice_id.empty() || date > last_day_) return;
  const Invoice& invoice = Find(invoice_id);
  ledger_.payments.push_back({.client = invoice.client,
                              .invoice = invoice.id,
                              .date = date,
                              .amount = amount.value_or(invoice.amount)});
}

void DemoBuilder::PayAfterDue(const std::string& invoice_id, int days) {
  if (invoice_id.empty()) return;
  Pay(invoice_id, Find(invoice_id).due.AddDays(days));
}

Ledger DemoBuilder::Build() {
  // Invoices: one numbered sequence per calendar year, in issue order.
  std::stable_sort(ledger_.invoices.begin(), ledger_.invoices.end(),
                   [](const Invoice& a, const Invoice& b) { return a.issued < b.issued; });
  std::map<std::string, std::string> numbers;
  std::map<int, int> per_year;
  for (Invoice& invoice : ledger_.invoices) {
    const int year = invoice.issued.year();
    char number[24];
    std::snprintf(number, sizeof number, "%d-%03d", year, ++per_year[year]);
    numbers[invoice.id] = number;
    invoice.id = number;
  }
  std::stable_sort(ledger_.payments.begin(), ledger_.payments.end(),
                   [](const Payment& a, const Payment& b) { return a.date < b.date; });
  per_year.clear();
  for (Payment& payment : ledger_.payments) {
    payment.invoice = numbers.at(payment.invoice);
    const int year = payment.date.year();
    char id[24];
    std::snprintf(id, sizeof id, "pay-%d-%03d", year, ++per_year[year]);
    payment.id = id;
  }
  return std::move(ledger_);
}

}  // namespace addio::gen
