// Internal to the letters of report/letters.h: the facts every letter draws on, gathered
// once per letter, the wording helpers (dates, amounts, rates as a letter writes them in
// English and Italian), the parts shared by several letters, and one builder per kind
// (payment_letters.cc: reminder, formal notice; relationship_letters.cc: the others).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/allocation.h"
#include "ledger/client_ledger.h"
#include "report/letters.h"
#include "verdict/assessment.h"
#include "verdict/late_interest.h"

namespace addio::letters {

// An invoice issued by as_of, neither void nor written off, with money still owed.
struct OpenItem {
  const Invoice* invoice = nullptr;
  Money paid;     // by as_of, invoice currency
  Money open;     // net − paid, > 0
  Money net;      // the amount less the credit notes issued by as_of, invoice currency
  int days_late;  // as_of − due; zero or negative while not yet due
};

struct Facts {
  const Workspace* workspace = nullptr;
  const ClientLedger* client = nullptr;
  const Assessment* assessment = nullptr;      // holds only this client
  const ClientAssessment* assessed = nullptr;  // the client's assessment
  CivilDate as_of;
  LetterOptions options;
  std::vector<OpenItem> open;   // by due date, then id
  LateInterestRules rules;      // Italy/EU with the workspace's settings
  ClientLateInterest interest;  // every invoice with something to claim

  bool it() const { return options.lang == Lang::kIt; }
  // The English or the Italian text, by the letter's language.
  std::string Pick(std::string en, std::string it) const {
    return this->it() ? std::move(it) : std::move(en);
  }
  // The catalogue entry `key` (src/report/i18n/<lang>/letters.json) in the letter's
  // language with `args` filled in; a plural entry is chosen by args[0].
  std::string Text(std::string_view key, const std::vector<Arg>& args = {}) const {
    return Render(key, options.lang, args);
  }
  // The overdue part of `open`: due before as_of.
  std::vector<OpenItem> Overdue() const;
  // The claim on invoice `id`, or nullptr when it has nothing to claim.
  const InvoiceLateInterest* InterestOn(const std::string& id) const;
};

// ---- Wording ----

// "30 November 2026" / "30 novembre 2026", "1° gennaio 2027".
std::string LongDate(CivilDate date, Lang lang);
// "30 Sep 2026" / "30/09/2026", for tables.
std::string ShortDate(CivilDate date, Lang lang);
// "November 2026" / "novembre 2026".
std::string MonthYear(CivilDate date, Lang lang);
// An Italian date after a preposition that takes the article, elided before "8" and
// "11": ("entro il", 30 Nov) -> "entro il 30 novembre 2026", ("dal", 8 Dec) ->
// "dall'8 dicembre 2026". `preposition` is one of "il", "entro il", "dal", "al", "del".
std::string ItDate(const std::string& preposition, CivilDate date);
// A date after the preposition of catalogue entry `key` ("letter.prep.by"): "by 30
// November 2026" / "entro il 30 novembre 2026", with Italian's elision as in ItDate.
std::string DateAfter(std::string_view key, CivilDate date, Lang lang);
// "1,234.50 EUR" / "1.234,50 EUR".
std::string Amount(const Money& money, Lang lang);
// Basis points as a percentage with two decimals: 1015 -> "10.15%" / "10,15%".
std::string RatePercent(int basis_points, Lang lang);
// Hours with at most one decimal: "6", "12.5" / "12,5".
std::string HoursText(double hours, Lang lang);
// "1 invoice" / "3 invoices" in the letter's language.
std::string Count(int64_t n, const std::string& one, const std::string& many);

// ---- Blocks ----

LetterBlock Paragraph(std::string text);
LetterBlock Heading(std::string text);
LetterBlock List(std::vector<std::string> items);
LetterBlock Table(LetterTable table);

// The sum of amounts, in their currency when they share one, else converted into the
// workspace currency. Error kValidation for a missing FX rate.
Result<Money> Sum(const std::vector<Money>& amounts, const Workspace& workspace);

// ---- Shared parts ----

// The letter's frame: sender, recipient, date line, salutation, closing and signature.
// `formal` picks the closing of a formal notice.
Letter Frame(const Facts& facts, std::string subject, bool formal);

// Invoice, issued, due, amount, still due, days late; the total still due as last row.
Result<LetterTable> InvoiceTable(const Facts& facts, const std::vector<OpenItem>& items);

// The interest calculation of `claims`: one row per period (invoice, from, to, days, on,
// rate = reference + margin, interest), then per claim totals.
LetterTable InterestTable(const Facts& facts,
                          const std::vector<const InvoiceLateInterest*>& claims);

// The law behind the interest, as a letter cites it: "Legislative Decree 231/2002
// (EU Directive 2011/7/EU)" / "D.Lgs. 231/2002".
std::string InterestLaw(const Facts& facts);

// ---- One builder per kind ----

Result<Letter> Reminder(const Facts& facts);
Result<Letter> FormalNotice(const Facts& facts);
Result<Letter> RateIncrease(const Facts& facts);
Result<Letter> ChangeOrder(const Facts& facts);
Result<Letter> OfficeHours(const Facts& facts);
Result<Letter> Termination(const Facts& facts);

}  // namespace addio::letters
