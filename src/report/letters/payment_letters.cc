// The payment letters: a reminder (sollecito di pagamento) and a formal notice (diffida
// ad adempiere, art. 1454 c.c.), each with the open invoices and the statutory
// late-payment interest computed by verdict/late_interest.h, calculation included.
#include "report/letters/letter_internal.h"
#include "report/report_internal.h"
#include "signals/wording.h"

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
  out.table.header =
      facts.it() ? std::vector<std::string>{"Fattura", "Interessi", "Importo forfettario", "Totale"}
                 : std::vector<std::string>{"Invoice", "Interest", "Fixed compensation", "Total"};
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
  out.table.total = {facts.it() ? "Totale" : "Total", Amount(out.interest, lang),
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
  const std::string number =
      FormatNumber(bp / 100.0, bp % 100 == 0 ? 0 : 2, facts.it() ? "it" : "en");
  return number + (facts.it() ? " punti percentuali" : " percentage points");
}

Status NothingOverdue(const Facts& facts) {
  const std::string& name = facts.client->client.name;
  return Fail(ErrorCode::kNotFound,
              facts.it() ? ItDate("al", facts.as_of) + " " + name +
                               " non ha fatture scadute da saldare: non c'è nulla da chiedere"
                         : name + " has no overdue invoice as of " +
                               LongDate(facts.as_of, Lang::kEn) + ": there is nothing to ask for");
}

// The date at which the letter's figures are computed: "to 30 November 2026" /
// "al 30 novembre 2026".
std::string ToDate(const Facts& facts) {
  return facts.it() ? ItDate("al", facts.as_of) : "to " + LongDate(facts.as_of, Lang::kEn);
}

}  // namespace

Result<Letter> Reminder(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const std::vector<OpenItem> overdue = facts.Overdue();
  if (overdue.empty()) return std::unexpected(NothingOverdue(facts).error());
  const bool one = overdue.size() == 1;
  const Invoice& first = *overdue.front().invoice;

  std::string subject =
      facts.it()
          ? (one ? "Sollecito di pagamento – fattura n. " + first.id + " del " +
                       ShortDate(first.issued, lang)
                 : "Sollecito di pagamento – " + std::to_string(overdue.size()) +
                       " fatture scadute")
          : (one ? "Payment reminder – invoice " + first.id + " of " + ShortDate(first.issued, lang)
                 : "Payment reminder – " + std::to_string(overdue.size()) + " overdue invoices");
  Letter letter = Frame(facts, std::move(subject), false);

  auto table = InvoiceTable(facts, overdue);
  if (!table) return std::unexpected(table.error());
  std::vector<Money> open;
  for (const OpenItem& item : overdue) open.push_back(item.open);
  auto total = Sum(open, *facts.workspace);
  if (!total) return std::unexpected(total.error());
  const CivilDate deadline = facts.as_of.AddDays(7);

  letter.body.push_back(Paragraph(facts.Pick(
      one ? "According to my records, the following invoice has not been paid yet, although its "
            "due date has passed:"
          : "According to my records, the following invoices have not been paid yet, although "
            "their due dates have passed:",
      one ? "da un controllo della mia contabilità risulta non ancora saldata la seguente "
            "fattura, già scaduta:"
          : "da un controllo della mia contabilità risultano non ancora saldate le seguenti "
            "fatture, già scadute:")));
  letter.body.push_back(Table(*table));
  letter.body.push_back(Paragraph(
      facts.it() ? "Potrebbe trattarsi di una semplice svista: vi chiedo di provvedere al "
                   "pagamento di " +
                       Amount(*total, lang) + " " + ItDate("entro il", deadline) +
                       ", con bonifico alle coordinate bancarie indicate in fattura."
                 : "It may simply have been overlooked. Please arrange payment of " +
                       Amount(*total, lang) + " by " + LongDate(deadline, lang) +
                       ", by bank transfer to the account details shown on the invoice" +
                       (one ? "." : "s.")));

  const std::vector<const InvoiceLateInterest*> claims = ClaimsOn(facts, overdue);
  if (!claims.empty()) {
    auto summary = ClaimTable(facts, claims);
    if (!summary) return std::unexpected(summary.error());
    const std::string fixed = Amount(facts.rules.fixed_per_invoice, lang);
    letter.body.push_back(Paragraph(
        facts.it()
            ? "Vi ricordo che, ai sensi del " + InterestLaw(facts) +
                  ", sulle somme non pagate alla scadenza decorrono automaticamente, dal giorno "
                  "successivo, gli interessi di mora al tasso di riferimento della BCE maggiorato "
                  "di " +
                  Margin(facts) + ", oltre a " + fixed +
                  " per fattura a titolo di risarcimento dei costi di recupero. " +
                  Capitalize(ItDate("al", facts.as_of)) + " l'importo maturato è di " +
                  Amount(summary->total, lang) +
                  ", come da calcolo seguente. Per il momento vi "
                  "chiedo soltanto il pagamento " +
                  (one ? "della fattura." : "delle fatture.")
            : "Please note that under " + InterestLaw(facts) +
                  ", interest on late payments runs automatically from the day after the due "
                  "date, at the ECB reference rate plus " +
                  Margin(facts) + ", and that " + fixed +
                  " per invoice is due as compensation for recovery costs. To " +
                  LongDate(facts.as_of, lang) + " this comes to " + Amount(summary->total, lang) +
                  ", calculated below. For now I am asking only for the amount of the " +
                  (one ? "invoice." : "invoices.")));
    letter.body.push_back(Heading(facts.it() ? "Interessi di mora maturati " + ToDate(facts)
                                             : "Late-payment interest " + ToDate(facts)));
    letter.body.push_back(Table(InterestTable(facts, claims)));
    letter.body.push_back(Table(summary->table));
  }
  letter.body.push_back(Paragraph(facts.Pick(
      "If payment has already been made, please disregard this letter, and thank you. If "
      "anything about the invoice is unclear, or there is a problem I should know about, just "
      "reply to this letter: I will be glad to sort it out.",
      "Se avete già provveduto al pagamento, vi prego di non tenere conto della presente e vi "
      "ringrazio. Se qualcosa nella fattura non è chiaro, o c'è un problema di cui dovrei essere "
      "al corrente, rispondete pure a questa lettera: lo chiariremo volentieri insieme.")));
  return letter;
}

Result<Letter> FormalNotice(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const std::vector<OpenItem> overdue = facts.Overdue();
  if (overdue.empty()) return std::unexpected(NothingOverdue(facts).error());
  const bool one = overdue.size() == 1;

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

  Letter letter = Frame(facts,
                        facts.Pick("Formal notice to pay and notice of default",
                                   "Diffida ad adempiere e costituzione in mora (art. 1454 c.c.)"),
                        true);
  letter.body.push_back(Paragraph(facts.Pick(
      one ? "Although its due date has passed, the following invoice remains unpaid:"
          : "Although their due dates have passed, the following invoices remain unpaid:",
      one ? "nonostante la scadenza dei termini di pagamento, risulta tuttora insoluta la "
            "seguente fattura:"
          : "nonostante la scadenza dei termini di pagamento, risultano tuttora insolute le "
            "seguenti fatture:")));
  letter.body.push_back(Table(*table));
  letter.body.push_back(Paragraph(
      facts.it() ? "Con la presente vi diffido formalmente, ai sensi e per gli effetti dell'art. "
                   "1454 c.c., a pagare entro e non oltre 15 (quindici) giorni dal ricevimento "
                   "della presente la somma complessiva di " +
                       Amount(*total, lang) + ", così composta:"
                 : "With this letter I formally call on you, under Article 1454 of the Italian "
                   "Civil Code, to pay the total sum of " +
                       Amount(*total, lang) +
                       " within 15 (fifteen) days of receiving it, made up as follows:"));
  std::vector<std::string> items;
  if (facts.it()) {
    items.push_back(Amount(*principal, lang) + " a titolo di capitale;");
    items.push_back(Amount(summary->interest, lang) +
                    " a titolo di interessi di mora ai sensi "
                    "del D.Lgs. 231/2002, calcolati " +
                    ToDate(facts) + ";");
    items.push_back(Amount(summary->fixed, lang) +
                    " a titolo di risarcimento forfettario dei "
                    "costi di recupero (art. 6 del D.Lgs. 231/2002, " +
                    fixed + " per fattura).");
  } else {
    items.push_back(Amount(*principal, lang) + " in principal;");
    items.push_back(Amount(summary->interest, lang) + " in late-payment interest under " +
                    InterestLaw(facts) + ", calculated " + ToDate(facts) + ";");
    items.push_back(Amount(summary->fixed, lang) +
                    " as fixed compensation for recovery costs "
                    "(Article 6 of the Decree, " +
                    fixed + " per invoice).");
  }
  letter.body.push_back(List(std::move(items)));
  std::string method =
      facts.it() ? "Gli interessi sono calcolati al tasso di riferimento della BCE maggiorato di " +
                       Margin(facts) +
                       ", come nel prospetto seguente, e continueranno a maturare "
                       "fino all'effettivo pagamento."
                 : "Interest is calculated at the ECB reference rate plus " + Margin(facts) +
                       ", as set out below, and continues to accrue until payment is received.";
  if (paid_late) {
    method +=
        facts.Pick(" The sum also includes the interest on invoices that were paid, but late.",
                   " La somma comprende anche gli interessi sulle fatture pagate in ritardo.");
  }
  letter.body.push_back(Paragraph(std::move(method)));
  letter.body.push_back(Heading(facts.it() ? "Calcolo degli interessi di mora " + ToDate(facts)
                                           : "Late-payment interest " + ToDate(facts)));
  letter.body.push_back(Table(InterestTable(facts, claims)));
  letter.body.push_back(Table(summary->table));
  letter.body.push_back(Paragraph(facts.Pick(
      "If payment is not received within that time, the contract will be treated as terminated "
      "under Article 1454 and I will take legal action to recover the debt without further "
      "notice, including an application for a payment order, with all further costs charged to "
      "you. This letter also serves as formal notice of default under Article 1219 of the "
      "Italian Civil Code.",
      "Decorso inutilmente tale termine, il contratto si intenderà risolto di diritto ai sensi "
      "dell'art. 1454 c.c. e procederò senza ulteriore avviso al recupero del credito per le vie "
      "legali, anche in via monitoria, con ogni ulteriore spesa a vostro carico. La presente vale "
      "inoltre quale atto di costituzione in mora ai sensi dell'art. 1219 c.c.")));
  letter.body.push_back(Paragraph(facts.Pick(
      one ? "Payment can be made by bank transfer to the account details shown on the invoice."
          : "Payment can be made by bank transfer to the account details shown on the invoices.",
      "Il pagamento potrà essere effettuato con bonifico alle coordinate bancarie indicate in "
      "fattura.")));
  return letter;
}

}  // namespace addio::letters
