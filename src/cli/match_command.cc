#include "cli/match_command.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "store/store.h"

namespace addio::cli {
namespace {

int Report(const Common& common, ErrorCode code, const std::string& en, const std::string& it) {
  std::fprintf(stderr, "addio: %s\n", (common.lang == Lang::kIt ? it : en).c_str());
  return ExitCode(code);
}

std::string Amount(const Money& money) {
  return money.ToString() + " " + std::string(money.currency().code());
}

// Columns padded to their widest cell (counted in UTF-8 code points); the third, the
// amount, aligned right.
void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  auto width = [](const std::string& s) {
    return static_cast<size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - width(row[i]), ' ');
      if (i > 0) line += "  ";
      line += i == 2 ? pad + row[i] : row[i] + pad;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace

int Match(const Common& common, const std::string& payment, const std::string& invoice) {
  if (payment.empty() || invoice.empty()) {
    return Report(common, ErrorCode::kInvalidArgument,
                  "match needs the id of an unmatched credit and of an invoice: addio match "
                  "PAYMENT INVOICE (addio match --list shows the credits)",
                  "match vuole l'id di un accredito da abbinare e quello di una fattura: addio "
                  "match PAGAMENTO FATTURA (addio match --list elenca gli accrediti)");
  }
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store)
    return Report(common, store.error().code, store.error().message, store.error().message);
  auto credits = (*store)->Unmatched();
  if (!credits)
    return Report(common, credits.error().code, credits.error().message, credits.error().message);
  const bool waiting = std::any_of(credits->begin(), credits->end(),
                                   [&](const UnmatchedCredit& c) { return c.id == payment; });
  if (!waiting) {
    return Report(common, ErrorCode::kNotFound,
                  "no unmatched credit \"" + payment +
                      "\" (already matched, or never imported); addio match --list shows them",
                  "nessun accredito da abbinare \"" + payment +
                      "\" (già abbinato, o mai importato); addio match --list li elenca");
  }
  auto booked = (*store)->Match(payment, invoice);
  if (!booked) {
    const Error& error = booked.error();
    switch (error.code) {
      case ErrorCode::kNotFound:
        return Report(common, error.code, "no invoice \"" + invoice + "\"",
                      "nessuna fattura \"" + invoice + "\"");
      case ErrorCode::kConflict:
        return Report(
            common, error.code,
            "cannot book \"" + payment + "\" to invoice \"" + invoice + "\": " + error.message,
            "impossibile registrare \"" + payment + "\" sulla fattura \"" + invoice + "\": " +
                (error.message.find("void") != std::string::npos
                     ? std::string("la fattura è annullata")
                     : "esiste già un pagamento con questo id"));
      case ErrorCode::kValidation:
        return Report(common, error.code,
                      "the credit's currency differs from the invoice's and the workspace has "
                      "no exchange rate for it: " +
                          error.message,
                      "la valuta dell'accredito è diversa da quella della fattura e l'area di "
                      "lavoro non ha un cambio per convertirla: " +
                          error.message);
      default:
        return Report(common, error.code, error.message, error.message);
    }
  }
  std::printf(T(common, "Credit %s (%s, %s) is now a payment of invoice %s, client %s.\n",
                "L'accredito %s (%s, %s) è ora un pagamento della fattura %s, cliente %s.\n"),
              booked->id.c_str(), Amount(booked->amount).c_str(), booked->date.ToString().c_str(),
              booked->invoice.c_str(), booked->client.c_str());
  return 0;
}

int MatchList(const Common& common) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store)
    return Report(common, store.error().code, store.error().message, store.error().message);
  auto credits = (*store)->Unmatched();
  if (!credits)
    return Report(common, credits.error().code, credits.error().message, credits.error().message);
  if (credits->empty()) {
    std::printf("%s\n", T(common, "No bank credit is waiting to be matched.",
                          "Nessun accredito bancario in attesa di abbinamento."));
    return 0;
  }
  std::vector<std::vector<std::string>> rows = {
      {T(common, "payment", "pagamento"), T(common, "date", "data"), T(common, "amount", "importo"),
       T(common, "payer", "ordinante"), T(common, "reference", "causale"),
       T(common, "file", "file")}};
  for (const UnmatchedCredit& credit : *credits) {
    rows.push_back({credit.id, credit.date.ToString(), Amount(credit.amount), credit.payer,
                    credit.reference, credit.source});
  }
  PrintTable(rows);
  std::printf("\n%s\n",
              T(common, "Book one as the payment of an invoice: addio match PAYMENT INVOICE",
                "Registrane uno come pagamento di una fattura: addio match PAGAMENTO FATTURA"));
  return 0;
}

}  // namespace addio::cli
