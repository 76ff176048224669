#include "ledger/records.h"

#include <string_view>

namespace addio {
namespace {

template <typename E, size_t N>
std::optional<E> ParseEnum(std::string_view s, const std::array<const char*, N>& names) {
  for (size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::array<const char*, 2> kClientKinds = {"company", "individual"};
constexpr std::array<const char*, 3> kPricings = {"fixed", "hourly", "retainer"};
constexpr std::array<const char*, 4> kChangeOrders = {"none", "proposed", "accepted", "refused"};
constexpr std::array<const char*, 6> kChannels = {"call",    "email", "chat",
                                                  "meeting", "sms",   "other"};
constexpr std::array<const char*, 2> kDirections = {"inbound", "outbound"};
constexpr std::array<const char*, 3> kInvoiceStatuses = {"issued", "void", "written_off"};
constexpr std::array<const char*, 4> kRateOutcomes = {"pending", "accepted", "refused",
                                                      "countered"};
constexpr std::array<const char*, 3> kDunningActions = {"reminder", "formal_notice", "stop_work"};
constexpr std::array<const char*, 2> kDunningChannels = {"email", "manual"};
constexpr std::array<const char*, 3> kMailSecurities = {"starttls", "tls", "none"};
constexpr std::array<const char*, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu",
                                                     "fri", "sat", "sun"};

}  // namespace

size_t Ledger::records() const {
  return clients.size() + contracts.size() + projects.size() + requests.size() + work.size() +
         contacts.size() + invoices.size() + payments.size() + rate_changes.size() +
         credit_notes.size();
}

WorkingHours DefaultWorkingHours() {
  WorkingHours hours;
  for (int day = 0; day < 5; ++day) hours[day] = {{9 * 60, 13 * 60}, {14 * 60, 18 * 60}};
  return hours;
}

const char* Name(ClientKind v) { return kClientKinds[static_cast<size_t>(v)]; }
const char* Name(Pricing v) { return kPricings[static_cast<size_t>(v)]; }
const char* Name(ChangeOrder v) { return kChangeOrders[static_cast<size_t>(v)]; }
const char* Name(Channel v) { return kChannels[static_cast<size_t>(v)]; }
const char* Name(Direction v) { return kDirections[static_cast<size_t>(v)]; }
const char* Name(InvoiceStatus v) { return kInvoiceStatuses[static_cast<size_t>(v)]; }
const char* Name(RateOutcome v) { return kRateOutcomes[static_cast<size_t>(v)]; }
const char* Name(DunningAction v) { return kDunningActions[static_cast<size_t>(v)]; }
const char* Name(DunningChannel v) { return kDunningChannels[static_cast<size_t>(v)]; }
const char* Name(MailSecurity v) { return kMailSecurities[static_cast<size_t>(v)]; }

std::optional<ClientKind> ParseClientKind(std::string_view s) {
  return ParseEnum<ClientKind>(s, kClientKinds);
}
std::optional<Pricing> ParsePricing(std::string_view s) { return ParseEnum<Pricing>(s, kPricings); }
std::optional<ChangeOrder> ParseChangeOrder(std::string_view s) {
  return ParseEnum<ChangeOrder>(s, kChangeOrders);
}
std::optional<Channel> ParseChannel(std::string_view s) { return ParseEnum<Channel>(s, kChannels); }
std::optional<Direction> ParseDirection(std::string_view s) {
  return ParseEnum<Direction>(s, kDirections);
}
std::optional<InvoiceStatus> ParseInvoiceStatus(std::string_view s) {
  return ParseEnum<InvoiceStatus>(s, kInvoiceStatuses);
}
std::optional<RateOutcome> ParseRateOutcome(std::string_view s) {
  return ParseEnum<RateOutcome>(s, kRateOutcomes);
}
std::optional<DunningAction> ParseDunningAction(std::string_view s) {
  return ParseEnum<DunningAction>(s, kDunningActions);
}
std::optional<DunningChannel> ParseDunningChannel(std::string_view s) {
  return ParseEnum<DunningChannel>(s, kDunningChannels);
}
std::optional<MailSecurity> ParseMailSecurity(std::string_view s) {
  return ParseEnum<MailSecurity>(s, kMailSecurities);
}

const char* WeekdayKey(int index) { return kWeekdayKeys[static_cast<size_t>(index)]; }

}  // namespace addio
