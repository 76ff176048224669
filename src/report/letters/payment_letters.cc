// The payment letters: a reminder (sollecito di pagamento) and a formal notice (diffida
// ad adempiere, art. 1454 c.c.), each with the open invoices and the statutory
// late-payment interest computed by verdict/late_interest.h, calculation included.
#include "report/letters/letter_internal.h"
#include "report/report_internal.h"

namespace addio::letters {
namespace {

// Per claim: interest, fixed compensation and total; the sums as the last row.
struct Claims {
  LetterTable table;
  Money interest;
  Money fixed;
  Money total;
};

Result<Claims> ClaimTable(const Facts& facts,
                          const std::vector<const InvoiceLateInterest*>& claims) {
  const Lang lang = facts.options.lang;
  Claims out;
  out.table.header = {facts.Text("letter.col.invoice"), facts.Text("letter.col.interest"),
                      facts.Text("letter.col.fixed"), facts.Text("letter.total")};
  out.table.numeric = {false, true, true, true};
  std::vector<Money> interest, fixed, total;
  for (const InvoiceLateInterest* claim : claims) {
    out.table.rows.push_back({claim->invoice, Amount(claim->interest, lang),
                              Amount(claim->fixed, lang), Amount(claim->total, lang)});
    interest.push_back(claim->interest);
    fixed.push_back(claim->fixed);
    total.push_back(claim->total);
  }
  auto sum_interest = Sum(interest, *facts.workspace);
  auto sum_fixed = Sum(fixed, *facts.workspace);
  auto sum_total = Sum(total, *facts.workspace);
  if (!sum_interest) return std::unexpected(sum_interest.error());
  if (!sum_fixed) return std::unexpected(sum_fixed.error());
  if (!sum_total) return std::unexpected(sum_total.error());
  out.interest = *sum_interest;
  out.fixed = *sum_fixed;
  out.total = *sum_total;
  out.table.total = {facts.Text("letter.total"), Amount(out.interest, lang),
                     Amount(out.fixed, lang), Amount(out.total, lang)};
  return out;
}

// The claims on the overdue invoices, in their order.
std::vector<const InvoiceLateInterest*> ClaimsOn(const Facts& facts,
                                                 const std::vector<OpenItem>& items) {
  std::vector<const InvoiceLateInterest*> claims;
  for (const OpenItem& item : items) {
    if (const InvoiceLateInterest* claim = facts.InterestOn(item.invoice->id)) {
      claims.push_back(claim);
    }
  }
  return claims;
}

// "8 percentage points" / "8 punti percentuali".
std::string Margin(const Facts& facts) {
  const int bp = facts.rules.margin_bp;
  const std::string number = FormatFixed(bp / 100.0, bp % 100 == 0 ? 0 : 2, facts.options.lang);
  return facts.Text("letter.margin", {number});
}

// The date at which the letter's figures are computed: "to 30 November 2026" /
// "al 30 novembre 2026".
std::string ToDate(const Facts& facts) {
  return DateAfter("letter.prep.to", facts.as_of, facts.options.lang);
}

// Error kNotFound; the date reads as in the letter's language.
Status NothingOverdue(const Facts& facts) {
  const std::string as_of = DateAfter("letter.prep.as_of", facts.as_of, facts.options.lang);
  return Fail(ErrorCode::kNotFound,
              Msg("letter.error.nothing_overdue", facts.client->client.name, as_of));
}

}  // namespace

Result<Letter> Reminder(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const std::vector<OpenItem> overdue = facts.Overdue();
  if (overdue.empty()) return std::unexpected(NothingOverdue(facts).error());
  const bool one = overdue.size() == 1;
  const Invoice& first = *overdue.front().invoice;

  std::string subject =
      one ? facts.Text("letter.reminder.subject_one", {first.id, ShortDate(first.issued, lang)})
          : facts.Text("letter.reminder.subject_many", {overdue.size()});
  Letter letter = Frame(facts, std::move(subject), false);

  auto table = InvoiceTable(facts, overdue);
  if (!table) return std::unexpected(table.error());
  std::vector<Money> open;
  for (const OpenItem& item : overdue) open.push_back(item.open);
  auto total = Sum(open, *facts.workspace);
  if (!total) return std::unexpected(total.error());
  const CivilDate deadline = facts.as_of.AddDays(7);

  letter.body.push_back(Paragraph(facts.Text("letter.reminder.opening", {overdue.size()})));
  letter.body.push_back(Table(*table));
  letter.body.push_back(Paragraph(facts.Text(
      "letter.reminder.request",
      {overdue.size(), Amount(*total, lang), DateAfter("letter.prep.by", deadline, lang)})));
  const std::vector<const InvoiceLateInterest*> claims = ClaimsOn(facts, overdue);
  if (!claims.empty()) {
    auto summary = ClaimTable(facts, claims);
    if (!summary) return std::unexpected(summary.error());
    const std::string fixed = Amount(facts.rules.fixed_per_invoice, lang);
    // {0} the number of invoices (plural), {1} the law, {2} the margin, {3} the fixed
    // compensation, {4} "To <date>", {5} the interest and compensation to date.
    letter.body.push_back(Paragraph(facts.Text(
        "letter.reminder.interest", {overdue.size(), InterestLaw(facts), Margin(facts), fixed,
                                     Capitalize(ToDate(facts)), Amount(summary->total, lang)})));
    letter.body.push_back(Heading(facts.Text("letter.reminder.interest_heading", {ToDate(facts)})));
    letter.body.push_back(Table(InterestTable(facts, claims)));
    letter.body.push_back(Table(summary->table));
  }
  letter.body.push_back(Paragraph(facts.Text("letter.reminder.already_paid")));
  return letter;
}

Result<Letter> FormalNotice(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const std::vector<OpenItem> overdue = facts.Overdue();
  if (overdue.empty()) return std::unexpected(NothingOverdue(facts).error());

  std::vector<const InvoiceLateInterest*> claims = ClaimsOn(facts, overdue);
  bool paid_late = false;
  if (facts.options.claim_paid_late) {
    for (const InvoiceLateInterest& claim : facts.interest.invoices) {
      if (claim.settled) {
        claims.push_back(&claim);
        paid_late = true;
      }
    }
  }
  auto table = InvoiceTable(facts, overdue);
  if (!table) return std::unexpected(table.error());
  auto summary = ClaimTable(facts, claims);
  if (!summary) return std::unexpected(summary.error());
  std::vector<Money> open;
  for (const OpenItem& item : overdue) open.push_back(item.open);
  auto principal = Sum(open, *facts.workspace);
  if (!principal) return std::unexpected(principal.error());
  auto total = Sum({*principal, summary->interest, summary->fixed}, *facts.workspace);
  if (!total) return std::unexpected(total.error());
  const std::string fixed = Amount(facts.rules.fixed_per_invoice, lang);

  Letter letter = Frame(facts, facts.Text("letter.notice.subject"), true);
  letter.body.push_back(Paragraph(facts.Text("letter.notice.opening", {overdue.size()})));
  letter.body.push_back(Table(*table));
  letter.body.push_back(Paragraph(facts.Text("letter.notice.demand", {Amount(*total, lang)})));
  std::vector<std::string> items = {
      facts.Text("letter.notice.principal", {Amount(*principal, lang)}),
      facts.Text("letter.notice.interest",
                 {Amount(summary->interest, lang), ToDate(facts), InterestLaw(facts)}),
      facts.Text("letter.notice.fixed", {Amount(summary->fixed, lang), fixed}),
  };
  letter.body.push_back(List(std::move(items)));
  std::string method = facts.Text("letter.notice.method", {Margin(facts)});
  if (paid_late) method += " " + facts.Text("letter.notice.paid_late");
  letter.body.push_back(Paragraph(std::move(method)));
  letter.body.push_back(Heading(facts.Text("letter.notice.interest_heading", {ToDate(facts)})));
  letter.body.push_back(Table(InterestTable(facts, claims)));
  letter.body.push_back(Table(summary->table));
  letter.body.push_back(Paragraph(facts.Text("letter.notice.consequences")));
  letter.body.push_back(Paragraph(facts.Text("letter.notice.payment_method", {overdue.size()})));
  return letter;
}

}  // namespace addio::letters
