// Ready-to-send letters (`addio letter`, and the API): a payment reminder, a formal notice,
// a rate increase, a change-order proposal, office hours, the end of a collaboration —
// each filled with the client's own evidence: the open invoices and how late they are,
// the statutory late-payment interest with its calculation line by line
// (verdict/late_interest.h), the requests outside the agreed scope, the contacts after
// hours and a new rate from the portfolio reference, as the signs measured them. Italian
// letters take the forms an Italian professional uses: "Sollecito
// di pagamento", "Diffida ad adempiere" (art. 1454 c.c., 15 days), "interessi di mora ai
// sensi del D.Lgs. 231/2002".
//
// Composition (what the letter says) is separate from formatting (plain text, Markdown,
// HTML), so that the API and the tests can look at a Letter's parts. Deterministic: the
// same ledger, client, date and options give the same bytes.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "ledger/client_ledger.h"
#include "ledger/records.h"
#include "report/report.h"
#include "verdict/assessment.h"

namespace addio {

enum class LetterKind {
  kReminder,      // sollecito di pagamento: the overdue invoices, kindly
  kFormalNotice,  // diffida ad adempiere: principal, interest and 40 EUR each, 15 days
  kRateIncrease,  // a new hourly rate from a date, from the portfolio reference
  kChangeOrder,   // extras outside the scope: priced, and change orders from now on
  kOfficeHours,   // office hours, response time and a rush fee
  kTermination,   // the end of the collaboration: notice, open balance, handover
};
inline constexpr std::array<LetterKind, 6> kAllLetterKinds = {
    LetterKind::kReminder,    LetterKind::kFormalNotice, LetterKind::kRateIncrease,
    LetterKind::kChangeOrder, LetterKind::kOfficeHours,  LetterKind::kTermination};
// "reminder", "formal-notice", "rate-increase", "change-order", "office-hours",
// "termination".
const char* LetterKindKey(LetterKind kind);
// The inverse of LetterKindKey, also accepting '_' for '-'; nullopt otherwise.
std::optional<LetterKind> ParseLetterKind(std::string_view key);

enum class LetterFormat { kText, kMarkdown, kHtml };
// "txt" (also "text"), "md" (also "markdown"), "html"; nullopt otherwise.
std::optional<LetterFormat> ParseLetterFormat(std::string_view name);

struct LetterOptions {
  LetterKind kind = LetterKind::kReminder;
  Lang lang = Lang::kEn;
  LetterFormat format = LetterFormat::kText;
  std::string place;  // where it is written, before the date ("Milano"); empty: the date alone
  // Formal notice only: also claim the interest and the fixed compensation on invoices
  // that were paid, but late. Off by default: a notice about what is still unpaid is the
  // usual first step.
  bool claim_paid_late = false;
};

// A table inside a letter. `total`, when not empty, is a last row set apart.
struct LetterTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: right-aligned
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> total;
};

struct LetterBlock {
  enum class Kind { kParagraph, kHeading, kList, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;                // kParagraph, kHeading
  std::vector<std::string> items;  // kList
  LetterTable table;               // kTable
};

// A letter before formatting: every string is final text in the letter's language.
struct Letter {
  LetterKind kind = LetterKind::kReminder;
  Lang lang = Lang::kEn;
  std::vector<std::string> sender;     // the workspace name, then a contact line if known
  std::vector<std::string> recipient;  // the client's name and tax id, as addressed
  std::string date_line;               // "Milano, 30 novembre 2026"
  std::string subject;
  std::string salutation;
  std::vector<LetterBlock> body;
  std::string closing;
  std::string signature;
};

// Composes the letter `options.kind` for `client` as of `as_of` (the letter's date), from
// the client's records and its assessment (which compares it with the other clients of
// `ledger`). Statutory interest follows the Italian/EU rules of verdict/late_interest.h
// with the workspace's late_interest settings, as the assessment's economics do.
// Errors, with messages in options.lang: kNotFound when no client has this id, or when a
// reminder or formal notice has no overdue invoice to ask for; kConflict when a rate
// increase has nothing to propose (no reference or target rate, or the client already
// pays at least the rate it would propose); kValidation for invalid workspace settings or
// a missing FX rate; as Assess otherwise.
Result<Letter> ComposeLetter(const Ledger& ledger, const std::string& client, CivilDate as_of,
                             const LetterOptions& options);

// The same letter from what ComposeLetter would compute: the client's records and its
// assessment `assessed`, one of the clients of `assessment` (whose date, window and
// settings are the letter's), so that many letters share one assessment of the portfolio.
Result<Letter> ComposeClientLetter(const Workspace& workspace, const ClientLedger& records,
                                   const Assessment& assessment, const ClientAssessment& assessed,
                                   const LetterOptions& options);

// The letter as plain text (wrapped at 78 columns), Markdown or a self-contained HTML page.
std::string FormatLetter(const Letter& letter, LetterFormat format);

// The style sheet inside the <style> element of every HTML letter, byte for byte (the
// server's Content-Security-Policy allows exactly this inline style by its hash).
std::string_view LetterStyleSheet();

// ComposeLetter then FormatLetter with options.format: what `addio letter` prints.
Result<std::string> RenderLetter(const Ledger& ledger, const std::string& client, CivilDate as_of,
                                 const LetterOptions& options);

}  // namespace addio
