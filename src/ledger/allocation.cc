#include "ledger/allocation.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace addio {
namespace {

__extension__ using Int128 = __int128;  // exact intermediate products of a conversion

// An exchange rate as an exact fraction: units of the workspace currency per unit.
struct Rate {
  Int128 numerator = 1;
  Int128 denominator = 1;
};

Result<Rate> RateOf(Currency currency, const Workspace& workspace) {
  if (currency == workspace.currency) return Rate{};
  for (const FxRate& fx : workspace.fx) {
    if (!(fx.currency == currency)) continue;
    if (fx.per_unit.units <= 0) break;
    Rate rate{fx.per_unit.units, 1};
    for (int i = 0; i < fx.per_unit.scale; ++i) rate.denominator *= 10;
    return rate;
  }
  return Fail(ErrorCode::kValidation,
              Msg("ledger.no_exchange_rate", currency.code(), workspace.currency.code()));
}

bool MultiplyInto(Int128& value, Int128 factor) {
  return !__builtin_mul_overflow(value, factor, &value);
}

// Rounds numerator / denominator half away from zero. REQUIRES: denominator > 0.
Int128 RoundHalfAway(Int128 numerator, Int128 denominator) {
  const bool negative = numerator < 0;
  const Int128 magnitude = negative ? -numerator : numerator;
  const Int128 quotient = (magnitude + denominator / 2) / denominator;
  return negative ? -quotient : quotient;
}

// Ties in every ordering below end with the id so that the input order never matters.
bool PaymentBefore(const Payment* a, const Payment* b) {
  return std::tie(a->date, a->id) < std::tie(b->date, b->id);
}

class Allocator {
 public:
  Allocator(const std::vector<Invoice>& invoices, const Workspace& workspace, CivilDate as_of)
      : invoices_(invoices), workspace_(workspace), open_queue_(FifoLess{&invoices}) {
    settlements_.reserve(invoices.size());
    for (size_t i = 0; i < invoices.size(); ++i) {
      const Invoice& invoice = invoices[i];
      InvoiceSettlement settlement;
      settlement.paid = Money::Zero(invoice.amount.currency());
      settlement.credited = settlement.paid;
      settlement.net = invoice.amount;
      // A void invoice is owed by nobody; an invalid amount owes nothing either.
      settlement.open = invoice.status == InvoiceStatus::kVoid || !invoice.amount.is_positive()
                            ? settlement.paid
                            : invoice.amount;
      settlements_.push_back(std::move(settlement));
      // An invoice issued after `as_of` does not exist yet: a payment naming it is credit.
      if (invoice.issued > as_of) continue;
      by_id_.emplace(invoice.id, i);  // the first of duplicated ids wins (validation reports)
      if (invoice.status == InvoiceStatus::kIssued) issue_order_.push_back(i);
    }
    std::sort(issue_order_.begin(), issue_order_.end(), [&](size_t a, size_t b) {
      return std::tie(invoices[a].issued, invoices[a].due, invoices[a].id, a) <
             std::tie(invoices[b].issued, invoices[b].due, invoices[b].id, b);
    });
  }

  // Issues every invoice dated on or before `date`: each first takes the client's credit,
  // then, if still open, waits in the FIFO queue for later payments.
  void IssueThrough(CivilDate date) {
    for (; next_issue_ < issue_order_.size(); ++next_issue_) {
      const size_t i = issue_order_[next_issue_];
      if (invoices_[i].issued > date) break;
      for (Money& pool : credit_) Apply(pool, i, "", invoices_[i].issued);
      std::erase_if(credit_, [](const Money& m) { return !m.is_positive(); });
      if (settlements_[i].open.is_positive()) open_queue_.insert(i);
    }
  }

  void Pay(const Payment& payment) {
    IssueThrough(payment.date);
    Money remaining = payment.amount;
    if (!remaining.is_positive()) return;
    if (!payment.invoice.empty()) {
      auto named = by_id_.find(payment.invoice);
      if (named != by_id_.end()) {
        Apply(remaining, named->second, payment.id, payment.date);
        if (!settlements_[named->second].open.is_positive()) open_queue_.erase(named->second);
      }
    }
    for (auto it = open_queue_.begin(); it != open_queue_.end() && remaining.is_positive();) {
      Apply(remaining, *it, payment.id, payment.date);
      it = settlements_[*it].open.is_positive() ? std::next(it) : open_queue_.erase(it);
    }
    if (remaining.is_positive()) credit_.push_back(remaining);
  }

  // Lowers the invoice `note` corrects by its amount, on its date (IssueThrough first).
  void Credit(const CreditNote& note, CivilDate date) {
    IssueThrough(date);
    const auto named = by_id_.find(note.invoice);
    if (named == by_id_.end() || !note.amount.is_positive()) return;
    const size_t index = named->second;
    InvoiceSettlement& settlement = settlements_[index];
    auto converted = Convert(note.amount, settlement.net.currency(), workspace_);
    if (!converted) return;  // validation reports the missing rate
    // Validation keeps the total credited within the amount; never below zero regardless.
    const Money amount = std::min(*converted, settlement.net);
    if (!amount.is_positive()) return;
    settlement.net -= amount;
    settlement.credited += amount;
    if (invoices_[index].status != InvoiceStatus::kVoid) {
      const bool was_open = settlement.open.is_positive();
      if (amount <= settlement.open) {
        settlement.open -= amount;
      } else {
        Money excess = amount - settlement.open;
        settlement.open = Money::Zero(settlement.open.currency());
        TakeBack(settlement, excess);
        credit_.push_back(excess);
      }
      if (was_open && !settlement.open.is_positive()) settlement.settled = date;
      if (!settlement.open.is_positive()) open_queue_.erase(index);
    }
    if (!settlement.net.is_positive()) {
      settlement.voided = date;
      settlement.settled.reset();  // nothing was owed: a void invoice is not settled
    }
  }

  AllocationResult Finish() {
    AllocationResult result;
    result.credit = Money::Zero(workspace_.currency);
    for (const Money& pool : credit_) {
      // Validation guarantees a rate for every currency used; without one the credit
      // cannot be expressed in the workspace currency and is left out.
      if (auto value = Convert(pool, workspace_.currency, workspace_)) result.credit += *value;
    }
    result.settlements = std::move(settlements_);
    return result;
  }

 private:
  // Oldest due first, then issued, then id (DESIGN.md section 2).
  struct FifoLess {
    const std::vector<Invoice>* invoices;
    bool operator()(size_t a, size_t b) const {
      const Invoice& x = (*invoices)[a];
      const Invoice& y = (*invoices)[b];
      return std::tie(x.due, x.issued, x.id, a) < std::tie(y.due, y.issued, y.id, b);
    }
  };

  // Moves what it can of `source` (any currency) into invoice `index`, comparing in the
  // invoice's currency.
  void Apply(Money& source, size_t index, const std::string& payment, CivilDate date) {
    InvoiceSettlement& settlement = settlements_[index];
    if (!settlement.open.is_positive() || !source.is_positive()) return;
    const Currency currency = settlement.open.currency();
    Money applied = source;
    Money used = source;
    if (source.currency() == currency) {
      applied = std::min(source, settlement.open);
      used = applied;
    } else {
      auto value = Convert(source, currency, workspace_);
      if (!value) return;
      if (*value <= settlement.open) {
        applied = *value;
      } else {
        auto back = Convert(settlement.open, source.currency(), workspace_);
        if (!back) return;
        applied = settlement.open;
        used = std::min(*back, source);
      }
    }
    if (!applied.is_positive()) return;
    source -= used;
    settlement.open -= applied;
    settlement.paid += applied;
    settlement.parts.push_back({payment, date, applied});
    if (!settlement.open.is_positive()) settlement.settled = date;
  }

  // Takes `amount` back from the latest parts of `settlement` (a credit note lowered it
  // below what was paid). REQUIRES: amount <= settlement.paid.
  static void TakeBack(InvoiceSettlement& settlement, Money amount) {
    settlement.paid -= amount;
    while (amount.is_positive() && !settlement.parts.empty()) {
      AllocationPart& last = settlement.parts.back();
      if (last.amount <= amount) {
        amount -= last.amount;
        settlement.parts.pop_back();
      } else {
        last.amount -= amount;
        break;
      }
    }
  }

  const std::vector<Invoice>& invoices_;
  const Workspace& workspace_;
  std::vector<InvoiceSettlement> settlements_;
  std::unordered_map<std::string_view, size_t> by_id_;
  std::vector<size_t> issue_order_;  // invoices with status issued, by issue date
  size_t next_issue_ = 0;
  std::set<size_t, FifoLess> open_queue_;  // issued, still open, in FIFO order
  std::vector<Money> credit_;              // unallocated remainders, oldest first
};

}  // namespace

Result<Money> Convert(const Money& amount, Currency to, const Workspace& workspace) {
  if (amount.currency() == to) return amount;
  auto from_rate = RateOf(amount.currency(), workspace);
  if (!from_rate) return std::unexpected(from_rate.error());
  auto to_rate = RateOf(to, workspace);
  if (!to_rate) return std::unexpected(to_rate.error());
  // minor_to = minor_from / 10^e_from × rate_from / rate_to × 10^e_to
  Int128 numerator = amount.minor();
  Int128 denominator = from_rate->denominator * to_rate->numerator;
  const bool fits = MultiplyInto(numerator, from_rate->numerator) &&
                    MultiplyInto(numerator, to_rate->denominator) &&
                    MultiplyInto(numerator, to.minor_per_unit()) &&
                    MultiplyInto(denominator, amount.currency().minor_per_unit());
  const Int128 minor = fits ? RoundHalfAway(numerator, denominator) : 0;
  if (!fits || minor > INT64_MAX || minor < INT64_MIN) {
    return Fail(ErrorCode::kValidation,
                Msg("ledger.too_large_to_convert", amount.ToString(), amount.currency().code()));
  }
  return Money(static_cast<int64_t>(minor), to);
}

AllocationResult AllocatePayments(const std::vector<Invoice>& invoices,
                                  const std::vector<Payment>& payments, const Workspace& workspace,
                                  CivilDate as_of) {
  return AllocatePayments(invoices, payments, {}, workspace, as_of);
}

AllocationResult AllocatePayments(const std::vector<Invoice>& invoices,
                                  const std::vector<Payment>& payments,
                                  const std::vector<CreditNote>& credit_notes,
                                  const Workspace& workspace, CivilDate as_of) {
  std::vector<const Payment*> order;
  order.reserve(payments.size());
  for (const Payment& payment : payments) {
    if (payment.date <= as_of) order.push_back(&payment);
  }
  std::sort(order.begin(), order.end(), PaymentBefore);

  // A credit note applies on its date, or on its invoice's issue date when that is later.
  std::unordered_map<std::string_view, CivilDate> issued;
  if (!credit_notes.empty()) {
    for (const Invoice& invoice : invoices) issued.try_emplace(invoice.id, invoice.issued);
  }
  std::vector<std::pair<CivilDate, const CreditNote*>> notes;
  for (const CreditNote& note : credit_notes) {
    const auto invoice = issued.find(note.invoice);
    if (note.issued > as_of || invoice == issued.end() || invoice->second > as_of) continue;
    notes.emplace_back(std::max(note.issued, invoice->second), &note);
  }
  std::sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->id) < std::tie(b.first, b.second->id);
  });

  Allocator allocator(invoices, workspace, as_of);
  size_t next_note = 0;
  for (const Payment* payment : order) {
    for (; next_note < notes.size() && notes[next_note].first <= payment->date; ++next_note) {
      allocator.Credit(*notes[next_note].second, notes[next_note].first);
    }
    allocator.Pay(*payment);
  }
  for (; next_note < notes.size(); ++next_note) {
    allocator.Credit(*notes[next_note].second, notes[next_note].first);
  }
  allocator.IssueThrough(as_of);
  return allocator.Finish();
}

}  // namespace addio
