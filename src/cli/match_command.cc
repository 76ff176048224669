#include "cli/match_command.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "store/store.h"

namespace addio::cli {
namespace {

int Report(const Common& common, ErrorCode code, Message message) {
  return ReportError(common, {code, std::move(message)});
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
    WriteToStdout(line + "\n");
  }
}

}  // namespace

int Match(const Common& common, const std::string& payment, const std::string& invoice) {
  if (payment.empty() || invoice.empty()) {
    return Report(common, ErrorCode::kInvalidArgument, Msg("cli.match.usage"));
  }
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return ReportError(common, store.error());
  auto credits = (*store)->Unmatched();
  if (!credits) return ReportError(common, credits.error());
  const bool waiting = std::any_of(credits->begin(), credits->end(),
                                   [&](const UnmatchedCredit& c) { return c.id == payment; });
  if (!waiting) {
    return Report(common, ErrorCode::kNotFound, Msg("cli.match.no_credit", payment));
  }
  auto booked = (*store)->Match(payment, invoice);
  if (!booked) {
    const Error& error = booked.error();
    switch (error.code) {
      case ErrorCode::kNotFound:
        return Report(common, error.code, Msg("cli.match.no_invoice", invoice));
      case ErrorCode::kConflict:
        return Report(common, error.code,
                      Msg("cli.match.cannot_book", payment, invoice, Say(common, error.message)));
      case ErrorCode::kValidation:
        return Report(common, error.code, Msg("cli.match.no_rate", Say(common, error.message)));
      default:
        return ReportError(common, error);
    }
  }
  PrintLine(common, Msg("cli.match.booked", booked->id, Amount(booked->amount),
                        booked->date.ToString(), booked->invoice, booked->client));
  return 0;
}

int MatchList(const Common& common) {
  auto store = OpenStoreOf(common, OpenMode::kMustExist);
  if (!store) return ReportError(common, store.error());
  auto credits = (*store)->Unmatched();
  if (!credits) return ReportError(common, credits.error());
  if (credits->empty()) {
    PrintLine(common, Msg("cli.match.none_waiting"));
    return 0;
  }
  const Lang lang = common.lang;
  std::vector<std::vector<std::string>> rows = {
      {Tr("cli.match.column.payment", lang), Tr("cli.match.column.date", lang),
       Tr("cli.match.column.amount", lang), Tr("cli.match.column.payer", lang),
       Tr("cli.match.column.reference", lang), Tr("cli.match.column.file", lang)}};
  for (const UnmatchedCredit& credit : *credits) {
    rows.push_back({credit.id, credit.date.ToString(), Amount(credit.amount), credit.payer,
                    credit.reference, credit.source});
  }
  PrintTable(rows);
  std::printf("\n");
  PrintLine(common, Msg("cli.match.hint"));
  return 0;
}

}  // namespace addio::cli
